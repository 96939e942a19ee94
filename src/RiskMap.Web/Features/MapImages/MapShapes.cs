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

    public async Task<IReadOnlyList<MapShape>> OfAsync(long boundaryVersion, EntityLevel level, double tolerance)
    {
        foreach (var old in _shapes.Keys.Where(k => k.Version != boundaryVersion)) _shapes.TryRemove(old, out _);
        var key = (boundaryVersion, level, tolerance);
        var entry = _shapes.GetOrAdd(key, k => new Lazy<Task<IReadOnlyList<MapShape>>>(() => ReadAsync(k.Level, k.Tolerance)));
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A failed read (the database restarting) is not kept: the next image reads the outlines again.
            _shapes.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private async Task<IReadOnlyList<MapShape>> ReadAsync(EntityLevel level, double tolerance) =>
        MapShape.FromFeatureCollection(level == EntityLevel.Region
            ? await geography.RegionsAsync(tolerance)
            : await geography.DistrictsAsync(null, tolerance));
}
