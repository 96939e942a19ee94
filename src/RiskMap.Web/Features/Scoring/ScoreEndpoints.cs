using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Data.Access;
using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;
using RiskMap.Data.Vintages;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Scoring;

public static class ScoreEndpoints
{
    public static void MapScoreEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/periods", async (ScoreQueries queries, ScoreRunQueries runs, string? run) =>
                await RunAsync(runs, run) is { } id
                    ? Results.Ok(new { run = id, periods = await queries.PeriodsAsync(id) })
                    : NoScores())
            .WithTags("Scores")
            .WithSummary("The quarters the published score run (or ?run=) covers, oldest first.");

        api.MapGet("/scores", async (HttpContext http, ScoreQueries queries, ScoreRunQueries runs, GeographyQueries geography, IndicatorValues values, string? level, string? period, string? region, string? district, string? run, string? classes,
                string? domain, string? indicator) =>
            {
                var (_, measure, quantiles) = ScoreViewParameters.Parse(period, classes, domain, indicator);
                var entityLevel = Level(level ?? "district");
                var (regionKato, districtKato) = (QueryParameters.Kato("region", region), QueryParameters.Kato("district", district));
                var scope = http.CallerScope();
                if (RefuseMeasure(scope, measure) is { } measureRefusal) return measureRefusal;
                var schoolLevel = entityLevel == EntityLevel.School;
                if (((schoolLevel ? scope.RefuseSchoolLevel() : null) ?? await scope.RefuseFiltersAsync(geography, regionKato, districtKato, schoolLevel)) is { } refusal)
                    return refusal;
                if (await RunAsync(runs, run) is not { } id) return NoScores();
                var periods = await queries.PeriodsAsync(id);
                var quarter = period ?? periods.LastOrDefault();
                if (quarter is null || !periods.Contains(quarter))
                    return ApiProblems.NotFound("period", $"Score run {id} has no quarter {quarter}; it covers {string.Join(", ", periods)}.");
                ScoreTable? table;
                try
                {
                    table = await queries.TableAsync(id, entityLevel, quarter, regionKato, districtKato, measure, quantiles, scope);
                }
                catch (ArgumentException e)
                {
                    return ApiProblems.NotFound(measure.Kind, e.Message);
                }
                if (table is not null) table = table with { Units = await values.AddAsync(entityLevel, measure, quarter, table.Units, scope) };
                if (schoolLevel && table is not null)
                    await http.AuditAsync(AuditLog.Actions.SchoolTableRead, $"scores school {quarter}", new Dictionary<string, object?>
                    {
                        ["run"] = id, ["level"] = table.Level, ["region"] = regionKato, ["district"] = districtKato, ["period"] = quarter,
                        ["by"] = table.Measure, ["rows"] = table.Units.Count,
                    });
                return Results.Ok(table);
            })
            .AsBulkRead(BulkReads.OfSchools)
            .WithTags("Scores")
            .WithSummary("Composite scores of every unit of a level for a quarter (default: the latest), riskiest first.")
            .WithDescription("level: region, district (default) or school; region/district: KATO filters; run: an earlier run for comparison; " +
                             ScoreViewParameters.Description + ", to colour and rank by. " +
                             "Each unit has its score (0–10), class (1 very low … 5 very high), domain scores, reliability (0–10, flagged when low), " +
                             "change of the measure's score against the previous quarter and the same quarter a year before (detail, as the score), rank and, for the latest quarter, the 5th–95th percentile rank band. " +
                             "Under methodology riskmap-2.0 (the default) the composite also carries, with its score: scoreInterval (5–95 % of the Monte Carlo), " +
                             "highRiskProbability (0–1, of risk level 4 or 5) and clearChangeQuarter/clearChangeYear (whether the change exceeds its " +
                             "uncertainty; false: no clear change); all null under riskmap-1.0 and for a domain or an indicator. " +
                             "Under riskmap-2.0 the composite's class with fixed thresholds is the risk level the run published, which is kept from the " +
                             "previous quarter while the score stays within the level margin of its band; levelHeldWithin (with the score) is that margin " +
                             "where the level was kept although the score lies in another level's band, else null. " +
                             "In an indicator view a unit the caller sees in full has its observed value: rate per 1,000 pupils for a count " +
                             "('unit': 'per1000Pupils', with the count), else the value in the catalogue's unit (a percentage); a count and its rate " +
                             "are withheld ('countWithheld': true) exactly where /api/counts withholds them. Scores are a relative index 0–10, " +
                             "explained at /methodology.html. " +
                             "Units outside the caller's scope (all units, for the public) show their class only ('detailed': false), " +
                             "and a region or district with fewer pupils than Access:MinimumPupilsForClass (default 1,000) not even that " +
                             "('class': null, 'suppressed': true; listed with the units without a class, by code); " +
                             "Ranks are among the units the caller sees in full ('rankAmong' of them: the country for an analyst, the scope for " +
                             "others); rank bands only for callers who see the whole country. A domain's or indicator's score and class are " +
                             "detail: outside the scope they are null. Quantile classes are cut from what the caller sees of the measure, " +
                             "with bounds rounded up to two decimals; scores that do not vary are all class 1. " +
                             "School-level scores need a sign-in, cover the caller's scope only, are audited and count towards Access:ExportsPerMinute.")
            .Produces<ScoreTable>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/scores/{level}/{code}", async (HttpContext http, ScoreQueries queries, ScoreRunQueries runs, SchoolQueries schools, IndicatorValues values,
                CarriedHistory carried, string level, string code, string? run,
                string? period, string? classes, string? domain, string? indicator) =>
            {
                var view = ScoreViewParameters.Parse(period, classes, domain, indicator);
                var entityLevel = Level(level);
                var scope = http.CallerScope();
                if (entityLevel == EntityLevel.School && scope.RefuseSchoolLevel() is { } refusal) return refusal;
                if (RefuseMeasure(scope, view.Measure) is { } measureRefusal) return measureRefusal;
                if (await RunAsync(runs, run) is not { } id) return NoScores();
                UnitProfile? profile;
                try
                {
                    profile = await queries.ProfileAsync(id, entityLevel, code, view.Period, view.Measure, view.QuantileClasses, scope);
                }
                catch (ArgumentException e)
                {
                    return ApiProblems.NotFound(e.ParamName == "period" ? "period" : view.Measure.Kind, e.Message);
                }
                if (profile is null)
                {
                    return entityLevel == EntityLevel.School && await schools.ExistsAsync(code)
                        ? ApiProblems.OutOfScope($"School {code} is outside your scope.")
                        : ApiProblems.NotFound(entityLevel.ToCode(), $"No score for {entityLevel.ToCode()} {code} in run {id}.");
                }
                profile = profile with
                {
                    Latest = (await values.AddAsync(entityLevel, view.Measure, profile.Period, [profile.Latest], scope))[0],
                    Carried = await carried.ForUnitAsync(entityLevel, code, profile.History.Select(h => h.Period).ToList()),
                };
                if (entityLevel == EntityLevel.School)
                    await http.AuditAsync(AuditLog.Actions.SchoolProfileViewed, $"school {code}", new Dictionary<string, object?> { ["run"] = id });
                return Results.Ok(profile);
            })
            .WithTags("Scores")
            .WithSummary("One unit in the map's view: its score, class and rank by a measure in a quarter, what drives it and its quarterly history.")
            .WithDescription(ScoreViewParameters.Description + " — the same view as /api/scores, so the profile's class is the unit's class on the map " +
                             "('latest' is the unit in the quarter asked for; 'measure' and 'classification' say which view it is; the history gives " +
                             "the measure's score and class in every quarter, quantile classes cut per quarter). Contributions exist for the run's " +
                             "latest quarter only and, for a domain or indicator, are its own indicators'. Changes (changeQuarter: against the previous " +
                             "quarter, changeYear: against the same quarter a year before) are the measure's: its score less the earlier quarter's. " +
                             "Under riskmap-2.0 the composite's scoreInterval, highRiskProbability, clearChangeQuarter/clearChangeYear and levelHeldWithin come with the score, " +
                             "and an indicator view's 'value' (rate per 1,000 pupils or percentage, and count) with the indicator's score, as in /api/scores. " +
                             "A region or district outside the caller's scope shows its composite class only, and none when it has fewer pupils than " +
                             "Access:MinimumPupilsForClass ('suppressed': true); by a domain or an indicator it shows no class. A school's profile needs a sign-in, " +
                             "must lie in the caller's scope (403 otherwise) and every view of it is audited. 'carried' lists the quarters of " +
                             "the history whose region or district figures were carried into today's boundaries from an earlier boundary vintage " +
                             "(period, vintage, by: 'pupils', 'area' or 'pupils and area', the crosswalk's shares used).")
            .Produces<UnitProfile>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Domains and indicators are detail: the public sees composite classes only.</summary>
    internal static IResult? RefuseMeasure(AccessScope scope, ScoreMeasure measure) =>
        !scope.SeesDetail && measure != ScoreMeasure.Composite
            ? ApiProblems.OutOfScope("Without a sign-in the map shows composite classes only; domains and indicators need an analyst, planner or education role.")
            : null;

    private static EntityLevel Level(string text) =>
        EntityLevels.TryParse(text, out var level) ? level : throw new QueryParameters.Invalid("level", "level must be region, district or school.");

    private static async Task<long?> RunAsync(ScoreRunQueries runs, string? run) =>
        run is null ? await runs.PublishedRunAsync()
        : long.TryParse(run, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && await runs.FindRunAsync(id) is { Status: "succeeded" } ? id
        : throw new QueryParameters.Invalid("run", $"run must be the id of a succeeded score run; '{run}' is not.");

    private static IResult NoScores() =>
        ApiProblems.NotFound("scores", "No score run has been published yet: POST /api/score-runs starts one.");
}
