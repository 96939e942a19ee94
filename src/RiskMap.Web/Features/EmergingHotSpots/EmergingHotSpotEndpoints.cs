using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.HotSpots;
using RiskMap.Core.Localization;
using RiskMap.Data.HotSpots;
using RiskMap.Data.Queries;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.EmergingHotSpots;

/// <summary>
/// A unit's category (its code, and its name in the answer's language) and its confidence bin (−3…3: cold or hot at 99, 95,
/// 90 %; 0 neither) in the final quarter and in each quarter of <see cref="EmergingHotSpotAnswer.Periods"/> (null without a score).
/// </summary>
public sealed record EmergingHotSpotEntry(
    string Code, string NameKk, string NameRu, string? NameEn, string RegionKato, string Category, string CategoryName, int? Bin, IReadOnlyList<int?> Bins,
    double? Z, double? P, double? Q, double? TrendZ, double? TrendP);

public sealed record EmergingHotSpotAnswer(
    long Run, string MethodologyVersion, string Level, int Confidence, IReadOnlyList<string> Periods, string Language, IReadOnlyList<EmergingHotSpotEntry> Units);

public static class EmergingHotSpotEndpoints
{
    private const string Description =
        "Emerging hot spots of the published score run (docs/emerging-hotspots.md): Getis–Ord Gi* of the composite score in every quarter " +
        "with queen contiguity (boundaries within 200 m), corrected for multiple testing (Benjamini–Hochberg), and a Mann–Kendall trend " +
        "of the z-scores (from 10 quarters) give each unit a category (new, consecutive, intensifying, persistent, diminishing, sporadic, " +
        "oscillating, historical hot or cold spot, or no pattern). level: district (default) or region; region: a KATO filter inside your " +
        "scope (403 outside it, 404 unknown); lang: kk, ru or en for categoryName (default: Accept-Language, else en). Each unit has its " +
        "category, the confidence bin of every quarter (bins, in the order of periods) and of the final one (bin). Only units you see in " +
        "full are listed, as a category is derived from their scores: an analyst's the whole country, a planner's or education " +
        "department's their scope. The statistics behind a category (z, p, q of the final quarter, trendZ, trendP) are given only to " +
        "callers who see the whole country: with them a scoped caller could solve for the scores of neighbours outside the scope " +
        "(README, Access and privacy). Needs an analyst, planner or education role: 401 for the public, 403 for a data steward.";

    public static void MapEmergingHotSpotEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/hotspots/emerging", ListAsync)
            .WithName("EmergingHotSpots")
            .WithTags("Hotspots")
            .WithSummary("Emerging hot spots: each unit's space-time category with its confidence bin per quarter, in the caller's scope.")
            .WithDescription(Description)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>401 for the public, 403 for a data steward: hot spots are derived from scores in full (also map images' overlay).</summary>
    public static IResult? RefuseReader(AccessScope scope) => scope.RefuseWithoutDetail("emerging hot spots");

    private static async Task<Results<Ok<EmergingHotSpotAnswer>, ProblemHttpResult>> ListAsync(HttpContext http, EmergingHotSpotQueries hotSpots,
        GeographyQueries geography, MapDataWatcher published, [FromQuery] string? level, [FromQuery] string? region, [FromQuery] string? lang)
    {
        var scope = http.CallerScope();
        if (RefuseReader(scope) is { } refusal) return (ProblemHttpResult)refusal;
        var entityLevel = level switch
        {
            null or "district" => EntityLevel.District,
            "region" => EntityLevel.Region,
            _ => throw new QueryParameters.Invalid("level", "level must be district or region: emerging hot spots are of units with boundaries."),
        };
        var language = QueryParameters.Language(lang, http.Request.Headers.AcceptLanguage.FirstOrDefault());
        var regionKato = QueryParameters.Kato("region", region);
        if (await scope.RefuseFiltersAsync(geography, regionKato, null, schoolLevel: true) is { } outside) return (ProblemHttpResult)outside;
        if ((await published.CurrentAsync()).Run is not { } run)
            return (ProblemHttpResult)ApiProblems.NotFound("scores", "No score run has been published yet.");
        if (await hotSpots.ListAsync(run, entityLevel, regionKato, scope) is not { } list)
            return (ProblemHttpResult)ApiProblems.NotFound("scores", $"Score run {run} is no longer kept.");
        return TypedResults.Ok(new EmergingHotSpotAnswer(list.Run, list.MethodologyVersion, list.Level, list.Confidence, list.Periods, language.Code(),
            [.. list.Units.Select(u => new EmergingHotSpotEntry(u.Code, u.NameKk, u.NameRu, u.NameEn, u.RegionKato, u.Category.Code(),
                HotSpotTexts.Name(u.Category, language), u.Bin, u.Bins, u.Z, u.P, u.Q, u.TrendZ, u.TrendP))]));
    }
}
