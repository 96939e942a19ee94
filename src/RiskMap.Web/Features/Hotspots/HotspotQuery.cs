using Microsoft.AspNetCore.Mvc;
using RiskMap.Core.Geography;
using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Scoring;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Hotspots;

/// <summary>
/// What a hotspot list is of, as the query string gives it: shared by the list (<c>/api/hotspots</c>) and its exports. Only
/// units in the caller's scope are listed, and filters outside the scope are refused.
/// </summary>
public sealed class HotspotQuery
{
    public const int DefaultTop = 50;
    public const int MaxTop = 100_000;

    [FromQuery(Name = "level")] public string? Level { get; init; }
    [FromQuery(Name = "region")] public string? Region { get; init; }
    [FromQuery(Name = "district")] public string? District { get; init; }
    [FromQuery(Name = "period")] public string? Period { get; init; }
    [FromQuery(Name = "by")] public string? By { get; init; }
    [FromQuery(Name = "classes")] public string? Classification { get; init; }
    [FromQuery(Name = "class")] public string? Class { get; init; }
    [FromQuery(Name = "top")] public string? Top { get; init; }

    public const string Description =
        "level: school, district (default) or region; region/district: KATO filters inside your scope; period: a published quarter " +
        "(default the latest); by: composite (default), domain:CODE or indicator:CODE — what units are scored, classed and ranked by; " +
        "classes: fixed (default, the run's thresholds) or quantile (the quintiles the map's table of the level and quarter shows); " +
        "class: the risk classes listed, comma-separated (e.g. 4,5; default all); top: at most this many units (1–100,000). ";

    /// <summary>
    /// The list to read, or the refusal (problem) to answer with. With wholeTable, every unit with a score: no class filter
    /// and no top (the score table's export); with geometry, each unit's geometry too (for GeoJSON).
    /// </summary>
    public async Task<(HotspotFilter? Filter, HotspotList? List, IResult? Refusal)> RunAsync(HttpContext http, ScoreQueries scores,
        GeographyQueries geography, MapDataWatcher published, int defaultTop, bool wholeTable = false, bool geometry = false)
    {
        var scope = http.CallerScope();
        if (scope.RefuseWithoutDetail("hotspot lists and exports") is { } refusal) return (null, null, refusal);
        if (!EntityLevels.TryParse(Level ?? "district", out var level))
            return (null, null, ApiProblems.BadParameter("level", "level must be school, district or region."));
        var (regionKato, districtKato) = (QueryParameters.Kato("region", Region), QueryParameters.Kato("district", District));
        var measure = Measure(By);
        var quantiles = ScoreViewParameters.IsQuantile(Classification);
        var classes = wholeTable ? null : Classes(Class);
        int? top = wholeTable ? null : QueryParameters.WholeNumber("top", Top, defaultTop, 1, MaxTop);
        if (await scope.RefuseFiltersAsync(geography, regionKato, districtKato, schoolLevel: true) is { } outside) return (null, null, outside);
        var version = await published.CurrentAsync();
        if (version is not { Run: { } run, LatestPeriod: not null })
            return (null, null, ApiProblems.NotFound("scores", "No score run has been published yet."));
        var period = QueryParameters.PublishedQuarter("period", Period, version)!;
        var filter = new HotspotFilter(level, period, regionKato, districtKato, measure, classes, top, geometry, quantiles);
        try
        {
            return await scores.HotspotsAsync(run, filter, scope) is { } list
                ? (filter, list, null)
                : (null, null, ApiProblems.NotFound("scores", $"Score run {run} is no longer kept."));
        }
        catch (ArgumentException e)
        {
            return (null, null, ApiProblems.NotFound(measure.Kind, e.Message));
        }
    }

    private static ScoreMeasure Measure(string? by) => by switch
    {
        null or "composite" => ScoreMeasure.Composite,
        _ when by.Split(':', 2) is [("domain" or "indicator") and var kind, { Length: > 0 } code] => new ScoreMeasure(kind, code),
        _ => throw new QueryParameters.Invalid("by", "by must be composite, domain:CODE or indicator:CODE."),
    };

    private static HashSet<int>? Classes(string? text)
    {
        if (text is null) return null;
        var classes = new HashSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
            classes.Add(QueryParameters.WholeNumber("class", part, 0, 1, 5));
        return classes;
    }
}
