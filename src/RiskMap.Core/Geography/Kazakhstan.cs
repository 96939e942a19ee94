namespace RiskMap.Core.Geography;

/// <summary>The country the map covers.</summary>
public static class Kazakhstan
{
    /// <summary>Its bounding box in degrees, as [west, south, east, north] (RFC 7946 order).</summary>
    public static readonly IReadOnlyList<double> Bounds = [46.49, 40.56, 87.36, 55.44];

    public static double West => Bounds[0];

    public static double South => Bounds[1];

    public static double East => Bounds[2];

    public static double North => Bounds[3];
}
