using System.Globalization;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Scoring;
using RiskMap.Data.Access;
using RiskMap.Data.Scoring;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Scoring;

/// <summary><c>GET /api/score-runs/compare</c>: two runs (by default one per methodology) side by side, for analysts.</summary>
public static class ScoreComparisonEndpoint
{
    public static void MapScoreComparison(this RouteGroupBuilder runs) =>
        runs.MapGet("/compare", async (HttpContext http, ScoreComparisonQueries comparisons, string? @base, string? other, string? level, string? period) =>
            {
                var scope = http.CallerScope();
                if (scope.RefuseWithoutDetail("score run comparisons") is { } refusal) return refusal;
                var entityLevel = EntityLevels.TryParse(level ?? "district", out var parsed)
                    ? parsed : throw new QueryParameters.Invalid("level", "level must be region, district or school.");
                var quarter = period is null ? null
                    : Quarter.TryParse(period, out var parsedQuarter) ? parsedQuarter.ToString()
                    : throw new QueryParameters.Invalid("period", "period must be a quarter such as 2025Q4.");
                if (await RunAsync(comparisons, "base", @base, Methodology.Version1) is not { } baseRun)
                    return NoRun(Methodology.Version1);
                if (await RunAsync(comparisons, "other", other, Methodology.Version2) is not { } otherRun)
                    return NoRun(Methodology.Version2);
                ScoreComparison? comparison;
                try
                {
                    comparison = await comparisons.CompareAsync(baseRun, otherRun, entityLevel, quarter, scope);
                }
                catch (ArgumentException e)
                {
                    return ApiProblems.BadParameter("period", e.Message);
                }
                if (comparison is null)
                    return ApiProblems.NotFound("score run", $"Score runs {baseRun} and {otherRun} must both exist and have succeeded.");
                if (entityLevel == EntityLevel.School)
                    await http.AuditAsync(AuditLog.Actions.SchoolTableRead, $"score comparison school {comparison.Period}", new Dictionary<string, object?>
                    {
                        ["base"] = baseRun, ["other"] = otherRun, ["level"] = comparison.Level, ["period"] = comparison.Period, ["rows"] = comparison.Units.Count,
                    });
                return Results.Ok(comparison);
            })
            .AsBulkRead(BulkReads.OfSchools)
            .WithSummary("Two score runs side by side: each unit's risk level (class) and rank under each, the changes, and summary figures.")
            .WithDescription(
                "base, other: score run ids (defaults: the latest succeeded riskmap-1.0 run and the latest succeeded riskmap-2.0 run); " +
                "level: region, district (default) or school; period: a quarter both runs cover (default: the latest such quarter; another is a 400 problem). " +
                "Per unit: baseClass/otherClass (1 very low … 5 very high), classChange = other − base, baseRank/otherRank and rankChange = other − base " +
                "(negative: riskier under the other run), riskiest changes first. summary: units with a class under both runs, how many changed class " +
                "(higher, lower, and by how many levels), the median and largest absolute rank change. For each run: its classes 1–5 in the quarter, " +
                "for every quarter after its first the share of units whose class changed from the quarter before (stability), and the median " +
                "rank-band width (rankHigh − rankLow, its latest quarter; null unless the caller sees the whole country). " +
                "Needs an analyst, planner or education role (401 for the public, 403 for a data steward, as detailed scores): only units the caller " +
                "sees in full are compared, ranked among them, so a planner compares their own region. School level is audited and counts " +
                "towards Access:ExportsPerMinute. 404 for an unknown or unfinished run.")
            .Produces<ScoreComparison>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>The run named by the parameter, or the latest succeeded run of the method.</summary>
    private static async Task<long?> RunAsync(ScoreComparisonQueries comparisons, string parameter, string? text, string methodologyVersion) =>
        text is null ? await comparisons.LatestRunAsync(methodologyVersion)
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
        : throw new QueryParameters.Invalid(parameter, $"{parameter} must be the id of a score run; '{text}' is not.");

    private static IResult NoRun(string methodologyVersion) =>
        ApiProblems.NotFound("score run", $"No {methodologyVersion} score run has succeeded: POST /api/score-runs?methodology={methodologyVersion} makes one.");
}
