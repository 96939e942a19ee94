namespace RiskMap.Core.Maps;

/// <summary>A box in degrees: west, south, east, north.</summary>
public sealed record GeoBox(double West, double South, double East, double North)
{
    /// <summary>The box around every vertex of the shapes; null when there is none.</summary>
    public static GeoBox? Around(IEnumerable<MapShape> shapes)
    {
        var points = shapes.SelectMany(s => s.Rings).SelectMany(r => r).ToList();
        return points.Count == 0 ? null
            : new GeoBox(points.Min(p => p.Longitude), points.Min(p => p.Latitude), points.Max(p => p.Longitude), points.Max(p => p.Latitude));
    }
}

/// <summary>
/// A geographic box fitted into a rectangle of an image in Web Mercator (as the map projects), centred, at the largest
/// zoom at which the whole box fits: where each point falls in the image, and how many metres a pixel is at the centre.
/// </summary>
public sealed class MapFrame
{
    /// <summary>The Earth's equator in metres (WGS 84), which Web Mercator spreads over 256 × 2^zoom pixels.</summary>
    private const double Equator = 40_075_016.686;

    private readonly double _zoom;
    private readonly double _offsetX;
    private readonly double _offsetY;

    public MapFrame(GeoBox box, double left, double top, double width, double height)
    {
        var (west, north) = WebMercator.Pixel(box.West, box.North, 0);
        var (east, south) = WebMercator.Pixel(box.East, box.South, 0);
        var scale = Math.Min(width / Math.Max(east - west, 1e-9), height / Math.Max(south - north, 1e-9));
        _zoom = Math.Log2(scale);
        _offsetX = left + (width - (east - west) * scale) / 2 - west * scale;
        _offsetY = top + (height - (south - north) * scale) / 2 - north * scale;
        CentreLatitude = (box.South + box.North) / 2;
    }

    public double CentreLatitude { get; }

    /// <summary>Metres on the ground per image pixel at the centre's latitude (Mercator stretches them away from the equator).</summary>
    public double MetresPerPixel => Equator * Math.Cos(CentreLatitude * Math.PI / 180) / (256 * Math.Pow(2, _zoom));

    /// <summary>Degrees per pixel along the equator: a simplification tolerance below it changes nothing visible.</summary>
    public double DegreesPerPixel => 360 / (256 * Math.Pow(2, _zoom));

    public (float X, float Y) Point(double longitude, double latitude)
    {
        var (x, y) = WebMercator.Pixel(longitude, latitude, _zoom);
        return ((float)(x + _offsetX), (float)(y + _offsetY));
    }
}
