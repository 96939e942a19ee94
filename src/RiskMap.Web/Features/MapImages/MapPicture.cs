using RiskMap.Core.Localization;
using RiskMap.Core.Maps;

namespace RiskMap.Web.Features.MapImages;

/// <summary>
/// Everything a map image shows, already cut to what the caller may see: the units of the level and how each is coloured
/// (a unit missing from <paramref name="Levels"/> has no data), the region outlines, the box the map is fitted to, and the
/// texts in the image's language.
/// </summary>
/// <remarks>
/// Title: the measure, then the area, level and quarter. Thresholds: lower bounds of levels 2–5, shown in the legend
/// (none when the classes have no four bounds). DemoLabel: the marker of synthetic data, null for real data. Targets and
/// HotSpots: the overlays asked for, null when not.
/// </remarks>
public sealed record MapPicture(
    int Width, int Height, Language Language, GeoBox Extent, IReadOnlyList<MapShape> Units, IReadOnlyDictionary<string, ShownLevel> Levels,
    IReadOnlyList<MapShape> Regions, IReadOnlyList<string> Title, string Period, string Classification, IReadOnlyList<double> Thresholds,
    string? DemoLabel, string Attribution, TargetOverlay? Targets = null, HotSpotOverlay? HotSpots = null);
