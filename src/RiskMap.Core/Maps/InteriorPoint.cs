namespace RiskMap.Core.Maps;

/// <summary>
/// A point inside a shape, where a symbol marks it: the middle of the widest stretch of the shape along the horizontal
/// line through the middle of its largest ring. Unlike the centroid it lies inside a crescent or a ring with a hole.
/// </summary>
public static class InteriorPoint
{
    /// <returns>(longitude, latitude), or null for a shape without area.</returns>
    public static (double Longitude, double Latitude)? Of(MapShape shape)
    {
        var largest = shape.Rings.Where(r => r.Count >= 3).MaxBy(BoxArea);
        if (largest is null) return null;
        var latitude = (largest.Min(p => p.Latitude) + largest.Max(p => p.Latitude)) / 2;
        var crossings = new List<double>();
        foreach (var ring in shape.Rings)
            for (var i = 0; i < ring.Count; i++)
            {
                var (a, b) = (ring[i], ring[(i + 1) % ring.Count]);
                // Half-open, so a vertex on the line is counted once.
                if ((a.Latitude <= latitude) == (b.Latitude <= latitude)) continue;
                crossings.Add(a.Longitude + (latitude - a.Latitude) / (b.Latitude - a.Latitude) * (b.Longitude - a.Longitude));
            }
        crossings.Sort();
        // Even–odd: between the 1st and 2nd crossing is inside, between the 2nd and 3rd outside (a hole or a gap), …
        var widest = Enumerable.Range(0, crossings.Count / 2).Select(i => (From: crossings[2 * i], To: crossings[2 * i + 1]))
            .MaxBy(span => span.To - span.From);
        return crossings.Count < 2 ? null : ((widest.From + widest.To) / 2, latitude);
    }

    private static double BoxArea(IReadOnlyList<(double Longitude, double Latitude)> ring) =>
        (ring.Max(p => p.Longitude) - ring.Min(p => p.Longitude)) * (ring.Max(p => p.Latitude) - ring.Min(p => p.Latitude));
}
