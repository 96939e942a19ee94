namespace RiskMap.Core.Maps;

/// <summary>
/// How the map fits its first view (the country): the box in degrees, the padding in pixels on every side and the zoom
/// step Leaflet snaps to. Read from the front end's <c>js/map/first-view.json</c>, which the map reads too.
/// </summary>
public sealed record FirstView(double South, double West, double North, double East, int Padding, double ZoomSnap)
{
    /// <summary>The box's size in pixels at zoom 0, which the page scales by Leaflet's fitted zoom.</summary>
    public (double Width, double Height) SizeAtZoomZero()
    {
        var (west, north) = WebMercator.Pixel(West, North, 0);
        var (east, south) = WebMercator.Pixel(East, South, 0);
        return (east - west, south - north);
    }
}
