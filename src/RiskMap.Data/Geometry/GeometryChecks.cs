using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;
using RiskMap.Core.Imports;

namespace RiskMap.Data.Geometry;

/// <summary>
/// Checks geometries (already in WGS 84) before they are stored: the right type, not empty, within longitude and
/// latitude bounds, and valid. An invalid boundary is an error unless repair was asked for; then NetTopologySuite's
/// GeometryFixer mends it and the import reports where.
/// </summary>
public static class GeometryChecks
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static MultiPolygon? Boundary(NetTopologySuite.Geometries.Geometry? geometry, int row, string? key, bool repair, IssueCollector issues)
    {
        if (geometry is null || geometry.IsEmpty)
        {
            issues.Add(ImportProblem.EmptyGeometry, row, "geometry", key: key);
            return null;
        }
        if (geometry is not (Polygon or MultiPolygon))
        {
            issues.Add(ImportProblem.WrongGeometryType, row, "geometry", geometry.GeometryType, key, ImportDetail.Expected("Polygon, MultiPolygon"));
            return null;
        }
        if (!WithinLonLat(geometry, row, key, issues)) return null;

        var validation = new IsValidOp(geometry).ValidationError;
        if (validation is not null)
        {
            var location = Describe(validation.Coordinate);
            if (!repair)
            {
                issues.Add(ImportProblem.InvalidGeometry, row, "geometry", location, key, Explain(validation));
                return null;
            }
            geometry = PolygonalPart(GeometryFixer.Fix(geometry));
            issues.Add(ImportProblem.GeometryRepaired, row, "geometry", location, key, Explain(validation));
        }

        if (geometry.IsEmpty || geometry.Area <= 0)
        {
            issues.Add(ImportProblem.EmptyGeometry, row, "geometry", key: key, detail: ImportDetail.Of(DetailText.ZeroArea));
            return null;
        }
        return AsMultiPolygon(geometry);
    }

    public static Point? SchoolPoint(NetTopologySuite.Geometries.Geometry? geometry, int row, string? key, IssueCollector issues)
    {
        if (geometry is null || geometry.IsEmpty)
        {
            issues.Add(ImportProblem.EmptyGeometry, row, "geometry", key: key);
            return null;
        }
        if (geometry is not Point point)
        {
            issues.Add(ImportProblem.WrongGeometryType, row, "geometry", geometry.GeometryType, key, ImportDetail.Expected("Point"));
            return null;
        }
        return WithinLonLat(point, row, key, issues) ? Wgs84.CreatePoint(point.Coordinate) : null;
    }

    /// <summary>What is wrong with a geometry, to be said in the reader's language rather than in NetTopologySuite's English.</summary>
    private static ImportDetail Explain(TopologyValidationError error) => error.ErrorType switch
    {
        TopologyValidationErrors.SelfIntersection => ImportDetail.Of(DetailText.SelfIntersection),
        TopologyValidationErrors.RingSelfIntersection => ImportDetail.Of(DetailText.RingSelfIntersection),
        TopologyValidationErrors.HoleOutsideShell => ImportDetail.Of(DetailText.HoleOutsideShell),
        TopologyValidationErrors.NestedHoles => ImportDetail.Of(DetailText.NestedHoles),
        TopologyValidationErrors.DisconnectedInteriors => ImportDetail.Of(DetailText.DisconnectedInterior),
        TopologyValidationErrors.NestedShells => ImportDetail.Of(DetailText.NestedShells),
        TopologyValidationErrors.DuplicateRings => ImportDetail.Of(DetailText.DuplicateRings),
        TopologyValidationErrors.TooFewPoints => ImportDetail.Of(DetailText.TooFewPoints),
        TopologyValidationErrors.RingNotClosed => ImportDetail.Of(DetailText.RingNotClosed),
        TopologyValidationErrors.InvalidCoordinate => ImportDetail.Of(DetailText.InvalidCoordinate),
        _ => ImportDetail.AsIs(error.Message),
    };

    private static bool WithinLonLat(NetTopologySuite.Geometries.Geometry geometry, int row, string? key, IssueCollector issues)
    {
        foreach (var c in geometry.Coordinates)
        {
            if (double.IsFinite(c.X) && double.IsFinite(c.Y) && c.X is >= -180 and <= 180 && c.Y is >= -90 and <= 90) continue;
            issues.Add(ImportProblem.CoordinatesOutOfRange, row, "geometry", Describe(c), key,
                ImportDetail.Of(DetailText.LonLatRange));
            return false;
        }
        return true;
    }

    private static NetTopologySuite.Geometries.Geometry PolygonalPart(NetTopologySuite.Geometries.Geometry geometry)
    {
        if (geometry is Polygon or MultiPolygon) return geometry;
        var polygons = Enumerable.Range(0, geometry.NumGeometries)
            .Select(geometry.GetGeometryN)
            .SelectMany(g => g is MultiPolygon mp ? Enumerable.Range(0, mp.NumGeometries).Select(i => (Polygon)mp.GetGeometryN(i)) : g is Polygon p ? [p] : [])
            .ToArray();
        return Wgs84.CreateMultiPolygon(polygons);
    }

    private static MultiPolygon AsMultiPolygon(NetTopologySuite.Geometries.Geometry geometry)
    {
        var multi = geometry as MultiPolygon ?? Wgs84.CreateMultiPolygon([(Polygon)geometry]);
        multi.SRID = 4326;
        return multi;
    }

    private static string? Describe(Coordinate? c) =>
        c is null ? null : string.Create(CultureInfo.InvariantCulture, $"{c.X:0.#####} {c.Y:0.#####}");
}
