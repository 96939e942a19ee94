using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskMap.Core.Forecasting;
using RiskMap.Core.Geography;
using RiskMap.Core.Localization;
using RiskMap.Data.Forecasting;
using RiskMap.Data.Queries;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Forecasts;

/// <summary>
/// One forecast of a unit <see cref="Horizon"/> quarters after the run's latest quarter (<see cref="Period"/>). measure is
/// "composite" (score, scoreLow–scoreHigh the 80 % interval by method; highRiskProbability of risk level 4–5 by
/// probabilityMethod) or a count indicator's code (expectedCount, ratePer1000, dispersion, countLow/countMedian/countHigh
/// the 10/50/90 % quantiles).
/// </summary>
public sealed record ForecastEntry(string Measure, int Horizon, string Period, string Method,
    double? ExpectedCount, double? RatePer1000, double? Dispersion, int? CountLow, int? CountMedian, int? CountHigh,
    double? Score, double? ScoreLow, double? ScoreHigh, string? ProbabilityMethod, double? HighRiskProbability);

public sealed record ForecastUnit(string Code, string NameKk, string NameRu, string? NameEn, string RegionKato, IReadOnlyList<ForecastEntry> Forecasts);

/// <summary>
/// method: the one the level publishes for counts and the composite's score (the winner on mean CRPS); probabilityMethod:
/// the one it publishes for the probability of risk level 4–5 (the winner on Brier score and average precision); null
/// before a run with forecasts; their names in the answer's language.
/// </summary>
public sealed record ForecastAnswer(long Run, string Level, string? Method, string? MethodName, string? ProbabilityMethod, string? ProbabilityMethodName,
    string Language, IReadOnlyList<ForecastUnit> Units);

/// <summary>published: the level's counts follow this method; publishedProbability: its probability of risk level 4–5 does.</summary>
public sealed record SkillEntry(string Level, int Horizon, string Method, string MethodName, bool Published, bool PublishedProbability, int Forecasts,
    double? Crps, double? RateMae, double? Coverage, int Entries, int Entered, double? Brier, double? AveragePrecision, double? CrpsSkill,
    double? BrierSkill, double? AveragePrecisionSkill);

public sealed record SkillAnswer(long Run, string Language, IReadOnlyList<SkillEntry> Rows);

public static partial class ForecastEndpoints
{
    private const string ListDescription =
        "Next-quarter forecasts of the published score run (docs/forecasting.md): for each unit, 1 and 2 quarters after the run's " +
        "latest quarter, the composite score with its 80 % interval and the probability of risk level 4–5; with unit, also every count " +
        "indicator's expected count, rate per 1,000 pupils, dispersion and 10/50/90 % quantiles. level: region, district (default) or " +
        "school; region: a KATO filter inside your scope (403 outside it, 404 unknown); unit: one unit's code (its forecasts of every " +
        "measure; 404 when it has none you may see); lang: kk, ru or en for methodName (default: Accept-Language, else en). method is " +
        "the one the level publishes, chosen by the backtest stored with the run (GET /api/forecasts/skill). Forecasts are about areas, " +
        "never about individual children. Only units you see in full are listed, as a forecast is derived from their scores and counts: " +
        "an analyst's the whole country, a planner's or education department's their scope; the counts of your own scope are not " +
        "suppressed, as in GET /api/counts. Needs an analyst, planner or education role: 401 for the public (who see no scores), 403 for " +
        "a data steward.";

    private const string SkillDescription =
        "The rolling-origin backtest stored with the published score run, for the model card \"How reliable are forecasts\": per level, " +
        "horizon and method (model, last-value, last-four-mean, historical-mean) the mean CRPS of counts, the MAE of rates per 1,000, " +
        "the 80 % interval coverage, and for units entering risk level 4–5 the Brier score and average precision; crpsSkill and " +
        "averagePrecisionSkill are 1 − model / this baseline (on 1 − AP), null on the model's rows. published marks the method each " +
        "level publishes. No unit's data: open to everyone. lang: kk, ru or en for methodName.";

    public static void MapForecastEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/forecasts", ListAsync)
            .WithName("Forecasts")
            .WithTags("Forecasts")
            .WithSummary("Next-quarter forecasts of the units in the caller's scope: score interval, P(risk level 4–5), counts.")
            .WithDescription(ListDescription)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/forecasts/skill", SkillAsync)
            .WithName("ForecastSkill")
            .WithTags("Forecasts")
            .WithSummary("The backtest of the published run's forecasts against their baselines (the model card's table).")
            .WithDescription(SkillDescription)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<ForecastAnswer>, ProblemHttpResult>> ListAsync(HttpContext http, ForecastQueries forecasts,
        GeographyQueries geography, MapDataWatcher published, [FromQuery] string? level, [FromQuery] string? region, [FromQuery] string? unit,
        [FromQuery] string? lang)
    {
        var scope = http.CallerScope();
        if (scope.RefuseWithoutDetail("forecasts") is { } refusal) return (ProblemHttpResult)refusal;
        var entityLevel = level is null ? EntityLevel.District
            : EntityLevels.TryParse(level, out var parsed) ? parsed
            : throw new QueryParameters.Invalid("level", "level must be region, district or school.");
        var language = Language(http, lang);
        var regionKato = QueryParameters.Kato("region", region);
        if (unit is not null && !UnitCode().IsMatch(unit))
            throw new QueryParameters.Invalid("unit", "unit must be a unit's code: a KATO code, or a school's code of letters, digits, '.', '_' and '-'.");
        if (await scope.RefuseFiltersAsync(geography, regionKato, null, schoolLevel: true) is { } outside) return (ProblemHttpResult)outside;
        if ((await published.CurrentAsync()).Run is not { } run)
            return (ProblemHttpResult)ApiProblems.NotFound("scores", "No score run has been published yet.");
        if (await forecasts.ListAsync(run, entityLevel, regionKato, unit, scope) is not { } list)
            return (ProblemHttpResult)ApiProblems.NotFound("scores", $"Score run {run} is no longer kept.");
        if (unit is not null && list.Units.Count == 0)
            return (ProblemHttpResult)ApiProblems.NotFound("unit", $"No {entityLevel.ToCode()} {unit} with forecasts you may see.");
        return TypedResults.Ok(new ForecastAnswer(list.Run, list.Level, list.Method?.Code(),
            list.Method is { } m ? ForecastTexts.Name(m, language) : null, list.ProbabilityMethod?.Code(),
            list.ProbabilityMethod is { } p ? ForecastTexts.Name(p, language) : null, language.Code(),
            [.. list.Units.Select(u => new ForecastUnit(u.Code, u.NameKk, u.NameRu, u.NameEn, u.RegionKato,
                [.. u.Forecasts.Select(f => new ForecastEntry(f.Measure, f.Horizon, f.Period, f.Method.Code(), f.ExpectedCount, f.RatePer1000,
                    f.Dispersion, f.CountLow, f.CountMedian, f.CountHigh, f.Score, f.ScoreLow, f.ScoreHigh, f.ProbabilityMethod?.Code(),
                    f.HighRiskProbability))]))]));
    }

    private static async Task<Results<Ok<SkillAnswer>, ProblemHttpResult>> SkillAsync(HttpContext http, ForecastQueries forecasts,
        MapDataWatcher published, [FromQuery] string? lang)
    {
        var language = Language(http, lang);
        if ((await published.CurrentAsync()).Run is not { } run)
            return (ProblemHttpResult)ApiProblems.NotFound("scores", "No score run has been published yet.");
        var rows = await forecasts.SkillAsync(run);
        return TypedResults.Ok(new SkillAnswer(run, language.Code(), [.. rows.Select(r =>
        {
            var model = rows.FirstOrDefault(m => m.Level == r.Level && m.Horizon == r.Horizon && m.Method == ForecastMethod.Model);
            var baseline = r.Method != ForecastMethod.Model && model is not null;
            return new SkillEntry(r.Level, r.Horizon, r.Method.Code(), ForecastTexts.Name(r.Method, language), r.Published, r.PublishedProbability,
                r.Forecasts, Finite(r.Crps), Finite(r.RateMae), Finite(r.Coverage), r.Entries, r.Entered, Finite(r.Brier), Finite(r.AveragePrecision),
                baseline ? Finite(BacktestRow.Skill(model!.Crps, r.Crps)) : null,
                baseline ? Finite(BacktestRow.Skill(model!.Brier, r.Brier)) : null,
                baseline ? Finite(BacktestRow.SkillOfPrecision(model!.AveragePrecision, r.AveragePrecision)) : null);
        })]));
    }

    /// <summary>JSON has no NaN: a score without cases is null.</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static Language Language(HttpContext http, string? lang) =>
        QueryParameters.Language(lang, http.Request.Headers.AcceptLanguage.FirstOrDefault());

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,40}$")]
    private static partial Regex UnitCode();
}
