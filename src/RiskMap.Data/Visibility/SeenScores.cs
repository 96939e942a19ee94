using Dapper;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Privacy;
using RiskMap.Data.Scoring;

namespace RiskMap.Data.Visibility;

/// <summary>
/// A run's results of a level as the caller may see them: the CTEs <c>seen</c> (<see cref="SeenUnits.Seen"/>),
/// <c>measured</c> (internal: every seen unit's raw measure) and <c>seen_scores</c>, whose columns are already cut to the
/// caller's sight, so no surface has a rule of its own:
/// <list type="bullet">
/// <item>names, <c>region_kato</c>, <c>district_kato</c>, <c>sight</c>, <c>detailed</c> (full sight), <c>suppressed</c> (withheld), <c>period</c>;</item>
/// <item><c>score</c> (the measure's 0–10 score), <c>domain_scores</c>, <c>contributions</c> — full sight only;</item>
/// <item><c>class</c> — the composite's for full and class-only sight, a domain's or indicator's for full sight only. Under 2.0
/// the composite's level with the run's thresholds is the one the engine stored (<c>score_results.class</c>, which may be held
/// from the previous quarter); every other class is the measure's plain class by the thresholds;</item>
/// <item><c>level_held_within</c> — under 2.0, full sight only: the level's margin where the composite's stored level is not the
/// plain level of its score (held from the previous quarter), null otherwise;</item>
/// <item><c>rank</c> and <c>rank_among</c> — among the units of the level and quarter the caller sees in full, so a
/// scoped caller's ranks reveal nothing of units outside the scope; <c>rank_median</c>, <c>rank_low</c>, <c>rank_high</c>
/// (the composite's Monte Carlo band over the whole country) only for callers who see the whole country;</item>
/// <item><c>change_quarter</c>, <c>change_year</c> — the measure's score against the run's previous quarter and the quarter
/// four before (the composite's as the scoring engine stored it, a domain's or indicator's by the same rule), full sight
/// only; <c>reliability</c>, <c>low_reliability</c>;</item>
/// <item>methodology 2.0's uncertainty of the composite, full sight only (null under 1.0 and for a domain or an indicator):
/// <c>score_low</c>, <c>score_high</c> (the 5–95 % interval), <c>high_risk_probability</c> (of risk level 4 or 5),
/// <c>clear_change_quarter</c>, <c>clear_change_year</c> (the change exceeds its uncertainty).</item>
/// </list>
/// Parameters: those of <see cref="SeenUnits.Parameters"/>, <c>@run</c>, <c>@period</c> (unless <c>everyQuarter</c>; no period, no scores), <c>@index</c>
/// (the measure's position, <see cref="ScoreMeasure"/>) and <c>@thresholds</c> (class thresholds; null: the run's fixed ones of the level, <see cref="RunThresholds"/>).
/// </summary>
public static class SeenScores
{
    public static string Ctes(EntityLevel level, ScoreMeasure measure, bool everyQuarter = false)
    {
        var composite = measure == ScoreMeasure.Composite;
        var ranked = "m.sight = 'full' AND m.raw IS NOT NULL";
        return $"""
            seen AS ({SeenUnits.Seen(level)}),
            measured AS (
                SELECT u.code, u.name_kk, u.name_ru, u.name_en, u.region_kato, u.district_kato, u.sight, r.period, {RawValue(measure)} AS raw,
                       r.domain_scores, r.contributions, r.reliability, r.low_reliability,
                       r.class AS stored_class, {Change(level, measure, 1, "r.change_quarter")} AS change_quarter, {Change(level, measure, 4, "r.change_year")} AS change_year,
                       r.rank_median, r.rank_low, r.rank_high,
                       r.score_low, r.score_high, r.high_risk_probability, r.clear_change_quarter, r.clear_change_year
                FROM score_results r JOIN seen u ON u.code = r.code
                WHERE r.run_id = @run AND r.level = '{level.ToCode()}'{(everyQuarter ? "" : " AND r.period = @period")}),
            class_thresholds AS (
                SELECT COALESCE(@thresholds::float8[], {RunThresholds(level)}) AS bounds, {StoredLevels(measure)} AS stored,
                       {RunLevelMargin(level)} AS margin),
            classed AS (
                SELECT m.*, c.stored, c.margin, 1 + (SELECT count(*) FROM unnest(c.bounds) b WHERE m.raw >= b)::int AS plain_class
                FROM measured m CROSS JOIN class_thresholds c),
            seen_scores AS (
                SELECT m.code, m.name_kk, m.name_ru, m.name_en, m.region_kato, m.district_kato, m.sight, m.period,
                       m.sight = 'full' AS detailed, m.sight = 'withheld' AS suppressed,
                       CASE WHEN m.sight = 'full' THEN m.raw END AS score,
                       CASE WHEN {SeesClass(measure)} AND m.raw IS NOT NULL
                            THEN CASE WHEN m.stored THEN m.stored_class::int ELSE m.plain_class END END AS class,
                       CASE WHEN m.sight = 'full' AND m.stored AND m.stored_class <> m.plain_class THEN m.margin END AS level_held_within,
                       CASE WHEN m.sight = 'full' THEN m.domain_scores END AS domain_scores,
                       CASE WHEN m.sight = 'full' THEN m.contributions END AS contributions,
                       m.reliability, m.low_reliability,
                       CASE WHEN {ranked} THEN rank() OVER (PARTITION BY m.period, {ranked} ORDER BY m.raw DESC) END::int AS rank,
                       CASE WHEN {ranked} THEN count(*) FILTER (WHERE {ranked}) OVER (PARTITION BY m.period) END::int AS rank_among,
                       CASE WHEN m.sight = 'full' THEN m.change_quarter END AS change_quarter,
                       CASE WHEN m.sight = 'full' THEN m.change_year END AS change_year,
                       {CompositeOnly(composite, "m.sight = 'full' AND @scopeNational", "m.rank_median", "int")} AS rank_median,
                       {CompositeOnly(composite, "m.sight = 'full' AND @scopeNational", "m.rank_low", "int")} AS rank_low,
                       {CompositeOnly(composite, "m.sight = 'full' AND @scopeNational", "m.rank_high", "int")} AS rank_high,
                       {CompositeOnly(composite, "m.sight = 'full'", "m.score_low", "float8")} AS score_low,
                       {CompositeOnly(composite, "m.sight = 'full'", "m.score_high", "float8")} AS score_high,
                       {CompositeOnly(composite, "m.sight = 'full'", "m.high_risk_probability", "float8")} AS high_risk_probability,
                       {CompositeOnly(composite, "m.sight = 'full'", "m.clear_change_quarter", "boolean")} AS clear_change_quarter,
                       {CompositeOnly(composite, "m.sight = 'full'", "m.clear_change_year", "boolean")} AS clear_change_year
                FROM classed m)
            """;
    }

    /// <summary>The parameters of the composite with the run's fixed classes, with the query's own (<paramref name="values"/>).</summary>
    public static DynamicParameters CompositeParameters(object values, AccessScope scope, SmallAreaSuppression smallAreas)
    {
        var parameters = SeenUnits.Parameters(values, scope, smallAreas);
        parameters.AddDynamicParams(new { index = 1, thresholds = (double[]?)null });
        return parameters;
    }

    /// <summary>
    /// The raw measure of every unit whose class by the measure the caller sees: what quantile classes are cut from, so
    /// they rest on what the caller may see. Read after <see cref="Ctes"/>.
    /// </summary>
    public static string ClassBasis(ScoreMeasure measure) =>
        $"SELECT m.raw FROM measured m WHERE m.raw IS NOT NULL AND {SeesClass(measure)}";

    /// <summary>The composite class is public (outside small areas); a class by a domain or an indicator is detail, as its score is.</summary>
    private static string SeesClass(ScoreMeasure measure) => measure == ScoreMeasure.Composite ? "m.sight IN ('full', 'class')" : "m.sight = 'full'";

    // NaN marks a missing score in the arrays.
    private static string RawValue(ScoreMeasure measure, string row = "r") => measure.Kind switch
    {
        ScoreMeasure.DomainKind => $"NULLIF({row}.domain_scores[@index], 'NaN')",
        ScoreMeasure.IndicatorKind => $"NULLIF({row}.indicator_scores[@index], 'NaN')::float8",
        _ => $"{row}.score",
    };

    /// <summary>
    /// The change of the measure of result r against its quarter <paramref name="back"/> quarters earlier in the run: the
    /// composite's is stored by the scoring engine (<paramref name="stored"/>); a domain's or an indicator's follows the same
    /// rule, its score minus the earlier one, null where either is missing.
    /// </summary>
    private static string Change(EntityLevel level, ScoreMeasure measure, int back, string stored) => measure == ScoreMeasure.Composite
        ? stored
        : $"""
          {RawValue(measure)} - (SELECT {RawValue(measure, "e")} FROM score_runs sr JOIN score_results e
              ON e.run_id = sr.id AND e.level = '{level.ToCode()}' AND e.code = r.code AND e.period = sr.periods[array_position(sr.periods, r.period) - {back}]
              WHERE sr.id = @run)
          """;

    /// <summary>The one home of the run's fixed class thresholds of a level (SQL): per level under 2.0, one set under 1.0.</summary>
    public static string RunThresholds(EntityLevel level) => $"score_run_class_thresholds(@run, '{level.ToCode()}')";

    /// <summary>
    /// Whether the composite's class is the level the engine stored: under 2.0 (a run with level references) with the run's
    /// thresholds, where it may be held from the previous quarter; not for quantile classes, a domain or an indicator, nor
    /// under 1.0, whose classes are the plain classes by the run's thresholds.
    /// </summary>
    private static string StoredLevels(ScoreMeasure measure) => measure == ScoreMeasure.Composite
        ? "@thresholds::float8[] IS NULL AND (SELECT r.level_references IS NOT NULL FROM score_runs r WHERE r.id = @run)"
        : "false";

    /// <summary>The run's level margin of a level (SQL; null under 1.0): how far a score may stray beyond its level's band before the level changes.</summary>
    private static string RunLevelMargin(EntityLevel level) =>
        $"(SELECT (r.level_references -> '{level.ToCode()}' ->> 'levelMargin')::float8 FROM score_runs r WHERE r.id = @run)";

    /// <summary>Rank bands and 2.0's uncertainty belong to the composite; for a domain or an indicator they are not shown.</summary>
    private static string CompositeOnly(bool composite, string shown, string column, string type) =>
        composite ? $"CASE WHEN {shown} THEN {column} END" : $"NULL::{type}";
}
