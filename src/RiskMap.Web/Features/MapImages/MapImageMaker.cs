using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.HotSpots;
using RiskMap.Core.Localization;
using RiskMap.Core.Maps;
using RiskMap.Data.HotSpots;
using RiskMap.Data.Programmes;
using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;
using RiskMap.Data.Tiles;
using RiskMap.Web.Features.Catalogue;
using RiskMap.Web.Features.Exports;
using RiskMap.Web.Features.FirstFrame;
using RiskMap.Web.Features.Programmes;

namespace RiskMap.Web.Features.MapImages;

public enum MapImageFormat
{
    Png,
    Svg,
}

/// <summary>
/// A map image of a view as the caller may see it: the level's units coloured from the score table the map's own view
/// reads (<see cref="ScoreQueries.TableAsync"/>, cut by <c>SeenScores</c> as the tiles are, so a unit outside the scope
/// shows only what the public sees, and a withheld one nothing), fitted to the country, a region or a district. Kept in
/// the <see cref="MapImageCache"/> per published data version and scope key. Overlays: a programme's targets (the caller's
/// right to read the programme is checked before, as the programme API checks it) and the emerging hot spots of the units
/// the caller sees in full (<see cref="EmergingHotSpotQueries"/>, the hot-spot API's reading).
/// </summary>
public sealed class MapImageMaker(FrontEndLook look, MapShapes shapes, ScoreQueries scores, GeographyQueries geography,
    CatalogueQueries catalogue, ProgrammeStore programmes, ProgrammeClock clock, EmergingHotSpotQueries emerging,
    MapImageCache cache, MapImageDrawing drawing)
{
    /// <summary>A margin around a region or district the image is fitted to, as a share of its size.</summary>
    private const double Margin = 0.04;

    /// <returns>The image and whether it came from the cache; throws <see cref="ArgumentException"/> for a domain or indicator the run lacks.</returns>
    public async Task<(byte[] Image, bool Hit)> ImageAsync(MapImageRequest request, MapImageFormat format, MapDataVersion version, string period, AccessScope scope)
    {
        var targets = await TargetsAsync(request);
        return await cache.GetOrAddAsync(request.CacheKey(format.ToString(), version.Tag, period, scope.Key, targets?.Key), async () =>
        {
            var picture = await PictureAsync(request, version, period, scope, targets);
            return format == MapImageFormat.Png ? drawing.Png(picture) : drawing.Svg(picture);
        });
    }

    public async Task<MapPicture> PictureAsync(MapImageRequest request, MapDataVersion version, string period, AccessScope scope) =>
        await PictureAsync(request, version, period, scope, await TargetsAsync(request));

    private async Task<MapPicture> PictureAsync(MapImageRequest request, MapDataVersion version, string period, AccessScope scope, TargetOverlay? targets)
    {
        var (_, measure, quantiles) = request.View;
        var table = await scores.TableAsync(version.Run ?? 0, request.Level, period, null, null, measure, quantiles, scope)
                    ?? throw new ArgumentException($"Score run {version.Run} is not stored.");
        var composite = measure == ScoreMeasure.Composite;
        var levels = table.Units.ToDictionary(u => u.Code, u => new ShownLevel(u.Class, u.Suppressed, u.LowReliability,
            // As choropleth.js's isOutside: a domain's or indicator's class is detail the caller sees only in their own area.
            Outside: !composite && !u.Detailed && u.Class is null && !u.Suppressed));

        var extent = await ExtentAsync(request, version.Boundaries);
        var degreesPerPixel = new MapFrame(extent, 0, 0, request.Width, request.Height).DegreesPerPixel;
        var tolerance = MapShapes.ToleranceFor(degreesPerPixel);
        var units = await shapes.OfAsync(version.Boundaries, request.Level, tolerance);
        var regions = await shapes.OfAsync(version.Boundaries, EntityLevel.Region, tolerance);

        var language = request.Language;
        var areaKato = request.DistrictKato ?? request.RegionKato;
        var area = ExportTexts.Area(request.RegionKato, request.DistrictKato, areaKato is null ? null : await geography.NamesAsync(areaKato), language);
        var quarter = QuarterNames.Name(period, language);
        var classification = MapImageTexts.Classification(quantiles, language);
        string[] title =
        [
            Capitalised(ExportTexts.Measure(table.Measure, await catalogue.IndicatorsAsync(), language)),
            $"{area} · {MapImageTexts.Level(request.Level == EntityLevel.Region, language)} · {quarter}",
            .. targets is null ? [] : new[] { MapImageTexts.ProgrammeTargets(targets.Title, language) },
        ];
        var demo = await catalogue.HoldsDemoDataAsync() ? Capitalised(ExportTexts.Demo(language)) : null;
        return new MapPicture(request.Width, request.Height, language, extent, units, levels,
            request.Level == EntityLevel.District ? regions : [], title, MapImageTexts.Period(quarter, language), classification,
            table.Thresholds, demo, MapImageTexts.Attribution(language), targets,
            request.EmergingHotSpots ? await HotSpotsAsync(request.Level, version.Run ?? 0, scope, language) : null);
    }

    /// <summary>The units of the image's level holding a target of the programme: a school's district, or a target's region on a region map.</summary>
    private async Task<TargetOverlay?> TargetsAsync(MapImageRequest request)
    {
        if (request.Programme is not { } id) return null;
        var programme = await programmes.FindAsync(id, clock.Today) ?? throw new ArgumentException($"There is no programme {id}.");
        var units = programme.Targets
            .Select(t => request.Level == EntityLevel.Region ? t.RegionKato : t.Level == EntityLevel.District.ToCode() ? t.Code : t.DistrictKato)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new TargetOverlay(programme.Title, units);
    }

    private async Task<HotSpotOverlay> HotSpotsAsync(EntityLevel level, long run, AccessScope scope, Language language)
    {
        var list = await emerging.ListAsync(run, level, null, scope) ?? throw new ArgumentException($"Score run {run} is not stored.");
        var about = list.Periods.Count == 0 ? ""
            : MapImageTexts.EmergingConfidence(QuarterNames.Name(list.Periods[0], language), QuarterNames.Name(list.Periods[^1], language), list.Confidence, language);
        return new HotSpotOverlay(list.Units.Where(u => u.Category != EmergingCategory.NoPattern).ToDictionary(u => u.Code, u => u.Category), about);
    }

    /// <summary>The country's box as the map fits it first, else the box of the region or district with a margin.</summary>
    private async Task<GeoBox> ExtentAsync(MapImageRequest request, long boundaryVersion)
    {
        if ((request.DistrictKato ?? request.RegionKato) is not { } kato)
            return new GeoBox(look.View.West, look.View.South, look.View.East, look.View.North);
        var level = request.DistrictKato is null ? EntityLevel.Region : EntityLevel.District;
        var unit = (await shapes.OfAsync(boundaryVersion, level, MapShapes.ForExtent)).Where(s => s.Kato == kato);
        var box = GeoBox.Around(unit) ?? throw new ArgumentException($"There is no {level.ToCode()} {kato} in the serving boundaries.");
        var (dx, dy) = ((box.East - box.West) * Margin, (box.North - box.South) * Margin);
        return new GeoBox(box.West - dx, box.South - dy, box.East + dx, box.North + dy);
    }

    /// <summary>The text with its first letter in capitals (a label that opens a line).</summary>
    internal static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
