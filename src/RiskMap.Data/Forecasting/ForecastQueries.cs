using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Forecasting;
using RiskMap.Core.Geography;
using RiskMap.Core.Privacy;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Forecasting;

/// <summary>
/// A stored forecast of a unit: a count indicator's (expected count … quantiles) or the composite's (score … probability,
/// the probability by <paramref name="ProbabilityMethod"/>).
/// </summary>
public sealed record StoredForecast(string Measure, int Horizon, string Period, ForecastMethod Method,
    double? ExpectedCount, double? RatePer1000, double? Dispersion, int? CountLow, int? CountMedian, int? CountHigh,
    double? Score, double? ScoreLow, double? ScoreHigh, ForecastMethod? ProbabilityMethod, double? HighRiskProbability);

public sealed record UnitForecasts(string Code, string NameKk, string NameRu, string? NameEn, string RegionKato, IReadOnlyList<StoredForecast> Forecasts);

/// <param name="Method">The method the level publishes (<see cref="ForecastWinner.Of"/>); null when the run stored no backtest of the level.</param>
/// <param name="ProbabilityMethod">The method of the level's probability of risk level 4–5 (<see cref="ForecastWinner.OfProbability"/>).</param>
public sealed record ForecastList(long Run, string Level, ForecastMethod? Method, ForecastMethod? ProbabilityMethod, IReadOnlyList<UnitForecasts> Units);

/// <summary>
/// One stored backtest row (<see cref="BacktestRow"/>), whether its method is the one its level publishes for counts and
/// the composite's score (<paramref name="Published"/>), and for the probability of level 4–5 (<paramref name="PublishedProbability"/>).
/// </summary>
public sealed record StoredSkill(string Level, int Horizon, ForecastMethod Method, int Forecasts, double Crps, double RateMae, double Coverage,
    int Entries, int Entered, double Brier, double AveragePrecision, bool Published, bool PublishedProbability);

/// <summary>A unit whose composite forecast gives risk level 4–5 at least the asked probability.</summary>
public sealed record LikelyHighRisk(EntityLevel Level, string Code, string Period, double Probability);

/// <summary>
/// A run's stored forecasts as the caller may see them: only units the caller sees in full (<see cref="SeenUnits"/>), as a
/// forecast is derived from their scores and counts. Their counts need no small-number suppression: a caller sees the counts
/// of their own scope as they are (docs/disclosure-control.md). The backtest holds no unit's data.
/// </summary>
public sealed class ForecastQueries(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    private sealed class Row
    {
        public string Code { get; init; } = null!;
        public string NameKk { get; init; } = null!;
        public string NameRu { get; init; } = null!;
        public string? NameEn { get; init; }
        public string RegionKato { get; init; } = null!;
        public string Measure { get; init; } = null!;
        public short Horizon { get; init; }
        public string Period { get; init; } = null!;
        public string Method { get; init; } = null!;
        public double? ExpectedCount { get; init; }
        public double? RatePer1000 { get; init; }
        public double? Dispersion { get; init; }
        public int? CountLow { get; init; }
        public int? CountMedian { get; init; }
        public int? CountHigh { get; init; }
        public double? Score { get; init; }
        public double? ScoreLow { get; init; }
        public double? ScoreHigh { get; init; }
        public string? ProbabilityMethod { get; init; }
        public double? HighRiskProbability { get; init; }
    }

    /// <summary>
    /// The forecasts of the level's units the caller sees in full, optionally of one region or one unit. A list (no unit)
    /// has the composite only; one unit also every count indicator. Units by code, measures composite first.
    /// </summary>
    /// <returns>null when the run is not kept.</returns>
    public async Task<ForecastList?> ListAsync(long run, EntityLevel level, string? regionKato, string? unit, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        if (!await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT FROM score_runs WHERE id = @run)", new { run })) return null;
        var methods = await connection.QuerySingleAsync<(string? Method, string? Probability)>("""
            SELECT (SELECT method FROM forecast_skill WHERE run_id = @run AND level = @level AND published LIMIT 1),
                   (SELECT method FROM forecast_skill WHERE run_id = @run AND level = @level AND published_probability LIMIT 1)
            """, new { run, level = level.ToCode() });
        var rows = await connection.QueryAsync<Row>($"""
            WITH seen AS ({SeenUnits.Seen(level)})
            SELECT u.code, u.name_kk AS NameKk, u.name_ru AS NameRu, u.name_en AS NameEn, u.region_kato AS RegionKato,
                   f.measure, f.horizon, f.period, f.method, f.expected_count AS ExpectedCount, f.rate_per_1000 AS RatePer1000,
                   f.dispersion, f.count_low AS CountLow, f.count_median AS CountMedian, f.count_high AS CountHigh, f.score,
                   f.score_low AS ScoreLow, f.score_high AS ScoreHigh, f.probability_method AS ProbabilityMethod, f.high_risk_probability AS HighRiskProbability
            FROM forecasts f JOIN seen u ON u.code = f.code
            WHERE f.run_id = @run AND f.level = @level AND u.sight = 'full'
              AND (@regionKato::text IS NULL OR u.region_kato = @regionKato)
              AND (@unit::text IS NULL OR u.code = @unit) AND (@unit::text IS NOT NULL OR f.measure = '{ForecastWriter.Composite}')
            ORDER BY u.code, f.measure <> '{ForecastWriter.Composite}', f.measure, f.horizon
            """, SeenUnits.Parameters(new { run, level = level.ToCode(), regionKato, unit }, scope, smallAreas));
        var units = rows.GroupBy(r => r.Code).Select(g =>
        {
            var first = g.First();
            return new UnitForecasts(first.Code, first.NameKk, first.NameRu, first.NameEn, first.RegionKato,
                [.. g.Select(r => new StoredForecast(r.Measure, r.Horizon, r.Period.Trim(), ForecastMethodCodes.FromCode(r.Method), r.ExpectedCount,
                    r.RatePer1000, r.Dispersion, r.CountLow, r.CountMedian, r.CountHigh, r.Score, r.ScoreLow, r.ScoreHigh,
                    r.ProbabilityMethod is { } p ? ForecastMethodCodes.FromCode(p) : null, r.HighRiskProbability))]);
        });
        return new ForecastList(run, level.ToCode(), Method(methods.Method), Method(methods.Probability), [.. units]);
    }

    private static ForecastMethod? Method(string? code) => code is null ? null : ForecastMethodCodes.FromCode(code);

    /// <summary>The run's stored backtest, by level (region, district, school), horizon and method (the model first).</summary>
    public async Task<IReadOnlyList<StoredSkill>> SkillAsync(long run)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Level, short Horizon, string Method, int Forecasts, double Crps, double RateMae, double Coverage,
            int Entries, int Entered, double Brier, double AveragePrecision, bool Published, bool PublishedProbability)>("""
            SELECT level, horizon, method, forecasts, crps, rate_mae, coverage, entries, entered, brier, average_precision, published,
                   published_probability
            FROM forecast_skill WHERE run_id = @run
            ORDER BY array_position(ARRAY['region', 'district', 'school'], level), horizon, method <> 'model', method
            """, new { run });
        return [.. rows.Select(r => new StoredSkill(r.Level, r.Horizon, ForecastMethodCodes.FromCode(r.Method), r.Forecasts, r.Crps, r.RateMae,
            r.Coverage, r.Entries, r.Entered, r.Brier, r.AveragePrecision, r.Published, r.PublishedProbability))];
    }

    /// <summary>
    /// Every unit whose composite forecast <paramref name="horizon"/> quarters ahead gives risk level 4–5 a probability of at
    /// least <paramref name="minimum"/>, for a rule evaluated inside the run's publishing transaction (as
    /// <see cref="Alerts.AlertEvaluator"/> is: not scoped, the alerts it raises are scoped when served).
    /// </summary>
    public static async Task<IReadOnlyList<LikelyHighRisk>> LikelyHighRiskAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        long run, double minimum, int horizon = 1)
    {
        var rows = await connection.QueryAsync<(string Level, string Code, string Period, double Probability)>($"""
            SELECT level, code, period, high_risk_probability FROM forecasts
            WHERE run_id = @run AND horizon = @horizon AND measure = '{ForecastWriter.Composite}' AND high_risk_probability >= @minimum
            ORDER BY level, code
            """, new { run, horizon = (short)horizon, minimum }, transaction);
        return [.. rows.Select(r => new LikelyHighRisk(EntityLevels.Parse(r.Level), r.Code, r.Period.Trim(), r.Probability))];
    }
}
