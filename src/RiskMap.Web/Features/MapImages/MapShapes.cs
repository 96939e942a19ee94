using System.Collections.Concurrent;
using RiskMap.Core.Geography;
using RiskMap.Core.Maps;
using RiskMap.Data.Queries;

namespace RiskMap.Web.Features.MapImages;

/// <summary>
/// The outlines of every region or district of the serving boundaries, simplified to one of a few tolerances, read once
/// per boundary version (a boundary import or a vintage switch raises it) and kept while it lasts.
/// </summary>
public sealed class MapShapes(GeographyQueries geography)
{
    /// <summary>Tolerances in degrees, coarsest first: the country needs the first, a city district the last.</summary>
    private static readonly double[] Tolerances = [0.02, 0.005, 0.001, 0.0002];

    private readonly ConcurrentDictionary<(long Version, EntityLevel Level, double Tolerance), Lazy<Task<IReadOnlyList<MapShape>>>> _shapes = new();

    /// <summary>The coarsest tolerance no wider than a pixel of the image (the finest one for an image zoomed in further).</summary>
    public static double ToleranceFor(double degreesPerPixel) => Tolerances.FirstOrDefault(t => t <= degreesPerPixel, Tolerances[^1]);

    /// <summary>The tolerance whose outlines fit an image to a unit: fine enough for the smallest district.</summary>
    public static double ForExtent => Tolerances[1];

    public Task<IReadOnlyList<MapShape>> OfAsync(long boundaryVersion, EntityLevel level, double tolerance)
    {
        foreach (var old in _shapes.Keys.Where(k => k.Version != boundaryVersion)) _shapes.TryRemove(old, out _);
        return _shapes.GetOrAdd((boundaryVersion, level, tolerance), key => new Lazy<Task<IReadOnlyList<MapShape>>>(async () =>
            MapShape.FromFeatureCollection(key.Level == EntityLevel.Region
                ? await geography.RegionsAsync(key.Tolerance)
                : await geography.DistrictsAsync(null, key.Tolerance)))).Value;
    }
}
