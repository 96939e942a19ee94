using Dapper;
using Npgsql;
using RiskMap.Core.Alerts;
using RiskMap.Core.Geography;
using RiskMap.Core.HotSpots;
using RiskMap.Data.Forecasting;

namespace RiskMap.Data.Alerts;

/// <summary>
/// Evaluates the alert rules in force on a run being published, inside its publishing transaction (after its emerging hot
/// spots are written): a run that fails raises nothing. One alert per rule, unit and quarter; one already raised keeps its
/// first-raised time, so re-running the same inputs raises nothing new.
/// </summary>
public static class AlertEvaluator
{
    /// <param name="period">The run's latest quarter: the one alerts are raised for.</param>
    /// <returns>The alerts raised anew.</returns>
    public static async Task<int> EvaluateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, string period)
    {
        var rules = await AlertRuleStore.CurrentAsync(connection, transaction);
        var findings = rules.Rules.Evaluate(await InputsAsync(connection, transaction, runId, period, rules.Rules.ForecastHighRisk));
        var raised = await connection.ExecuteAsync("""
            INSERT INTO alerts (rule, level, code, period, score, change, category, probability, horizon, run_id, rule_version_id)
            SELECT f.rule, f.level, f.code, @period, f.score, f.change, f.category, f.probability, f.horizon, @runId, @version
            FROM unnest(@rule, @level, @code, @score, @change, @category, @probability, @horizon)
                AS f(rule, level, code, score, change, category, probability, horizon)
            ON CONFLICT (rule, level, code, period) DO NOTHING
            """, new
        {
            period, runId, version = rules.Version,
            rule = findings.Select(f => f.Rule).ToArray(),
            level = findings.Select(f => f.Level.ToCode()).ToArray(),
            code = findings.Select(f => f.Code).ToArray(),
            score = findings.Select(f => f.Score).ToArray(),
            change = findings.Select(f => f.Change).ToArray(),
            category = findings.Select(f => f.Category?.Code()).ToArray(),
            probability = findings.Select(f => f.Probability).ToArray(),
            horizon = findings.Select(f => (short?)f.Horizon).ToArray(),
        }, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO alert_evaluations (run_id, rule_version_id, period, found, raised) VALUES (@runId, @version, @period, @found, @raised)
            """, new { runId, version = rules.Version, period, found = findings.Count, raised }, transaction);
        return raised;
    }

    /// <param name="forecastRule">When on, the run's forecasts (written before the alerts, in the same transaction) that reach its threshold.</param>
    private static async Task<AlertInputs> InputsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, string period,
        ForecastHighRiskRule? forecastRule)
    {
        var risks = await connection.QueryAsync<(string Level, string Code, double? Score, double? ChangeQuarter, double? ChangeYear,
            bool? ClearQuarter, bool? ClearYear, short? Class)>("""
            SELECT level, code, score, change_quarter, change_year, clear_change_quarter, clear_change_year, class
            FROM score_results WHERE run_id = @runId AND period = @period
            """, new { runId, period }, transaction);
        var hotSpots = await connection.QueryAsync<(string Level, string Code, string Category)>(
            "SELECT level, code, category FROM emerging_hot_spots WHERE run_id = @runId", new { runId }, transaction);
        var targets = await connection.QueryAsync<(string Level, string Code)>("""
            SELECT DISTINCT t.level, t.code FROM programme_targets t JOIN programmes p ON p.id = t.programme_id
            WHERE @period BETWEEN p.start_quarter AND p.end_quarter
            """, new { period }, transaction);
        var outlooks = forecastRule is null ? []
            : await ForecastQueries.LikelyHighRiskAsync(connection, transaction, runId, forecastRule.Threshold, forecastRule.Horizon);
        return new AlertInputs(
            [.. risks.Select(r => new UnitRisk(EntityLevels.Parse(r.Level), r.Code, r.Score, r.ChangeQuarter, r.ChangeYear, r.ClearQuarter, r.ClearYear,
                r.Class))],
            [.. hotSpots.Select(h => new UnitCategory(EntityLevels.Parse(h.Level), h.Code, EmergingCategories.FromCode(h.Category)))],
            targets.Select(t => new ProgrammeTarget(EntityLevels.Parse(t.Level), t.Code)).ToHashSet(),
            [.. outlooks.Select(o => new UnitOutlook(o.Level, o.Code, forecastRule!.Horizon, o.Probability))]);
    }
}
