using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace RiskMap.Data.Geometry;

/// <summary>Reprojects geometries from a source coordinate system to WGS 84 longitude/latitude (EPSG:4326).</summary>
public sealed class Wgs84Reprojector
{
    private readonly MathTransform? _transform;

    public Wgs84Reprojector(CoordinateSystem source)
    {
        var isWgs84 = source is GeographicCoordinateSystem geographic && geographic.EqualParams(GeographicCoordinateSystem.WGS84);
        _transform = isWgs84
            ? null
            : new CoordinateTransformationFactory().CreateFromCoordinateSystems(source, GeographicCoordinateSystem.WGS84).MathTransform;
    }

    public bool IsIdentity => _transform is null;

    public NetTopologySuite.Geometries.Geometry Reproject(NetTopologySuite.Geometries.Geometry geometry)
    {
        if (_transform is null) return geometry;
        var copy = geometry.Copy();
        copy.Apply(new TransformFilter(_transform));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class TransformFilter(MathTransform transform) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence sequence, int index)
        {
            var (x, y) = transform.Transform(sequence.GetX(index), sequence.GetY(index));
            sequence.SetX(index, x);
            sequence.SetY(index, y);
        }
    }
}
