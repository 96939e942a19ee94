namespace RiskMap.Core.Maps;

/// <summary>
/// Spherical Web Mercator as Leaflet projects it (EPSG:3857): a point's pixel at a zoom, the world 256 × 2^zoom pixels
/// wide, x eastwards from 180° W and y southwards from the top of the world.
/// </summary>
public static class WebMercator
{
    /// <summary>Leaflet's limit of the projection (SphericalMercator.MAX_LATITUDE).</summary>
    private const double MaxLatitude = 85.0511287798;

    public static (double X, double Y) Pixel(double longitude, double latitude, double zoom)
    {
        var size = 256 * Math.Pow(2, zoom);
        var sin = Math.Sin(Math.Clamp(latitude, -MaxLatitude, MaxLatitude) * Math.PI / 180);
        return (size * (0.5 + longitude / 360), size * (0.5 - 0.25 * Math.Log((1 + sin) / (1 - sin)) / Math.PI));
    }
}
