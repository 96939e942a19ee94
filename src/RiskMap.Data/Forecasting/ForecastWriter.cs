using Npgsql;
using NpgsqlTypes;
using RiskMap.Core.Forecasting;
using RiskMap.Core.Geography;
using RiskMap.Core.Scoring;

namespace RiskMap.Data.Forecasting;

/// <summary>
/// Runs the backtest of every level on a score run's input and scores, and writes it with the forecasts of the methods each
/// level publishes (<see cref="ForecastWinner"/>: one for counts and the composite's score, one for its probability of level 4–5) under the run (<c>forecast_skill</c>, <c>forecasts</c>), inside the run's
/// publishing transaction: a run that fails takes its forecasts with it. Needs the run's scores and level references
/// written (its class thresholds).
/// </summary>
public static class ForecastWriter
{
    public const string Composite = "composite";

    /// <returns>The forecast rows written.</returns>
    /// <param name="unscored">The run's observations as loaded (<see cref="ForecastInputLoader.Unscored"/>).</param>
    /// <param name="result">The run's scores.</param>
    public static async Task<int> WriteAsync(NpgsqlConnection connection, long runId, ScoringInput unscored, ScoringResult result,
        CancellationToken cancellationToken = default)
    {
        var rows = 0;
        foreach (var input in await ForecastInputLoader.OfRunAsync(connection, unscored, runId, result))
        {
            var level = input.Level.ToCode();
            var backtest = Backtest.Run(level, [.. input.Counts.Select(c => c.Panel)], input.Scores);
            var published = ForecastWinner.Of(backtest);
            var probability = ForecastWinner.OfProbability(backtest) ?? ForecastWinner.ForComposite(published);
            await CopySkillAsync(connection, runId, backtest, published, probability, cancellationToken);
            await using var copy = await connection.BeginBinaryImportAsync("""
                COPY forecasts (run_id, level, code, measure, horizon, period, method, expected_count, rate_per_1000, dispersion,
                                count_low, count_median, count_high, score, score_low, score_high, probability_method, high_risk_probability)
                FROM STDIN (FORMAT BINARY)
                """, cancellationToken);
            // Each indicator's latest fit is independent of the others: fitted side by side, written in the indicators' order.
            var latest = new IReadOnlyList<CountForecast>[input.Counts.Count];
            Parallel.For(0, latest.Length, n => latest[n] = CountForecast.Latest(input.Counts[n].Panel, published));
            for (var n = 0; n < latest.Length; n++)
                foreach (var f in latest[n])
                {
                    var indicator = input.Counts[n].Indicator;
                    await StartAsync(copy, runId, level, f.Unit, indicator, f.Horizon, f.Period.ToString(), f.Method, cancellationToken);
                    await copy.WriteAsync(f.ExpectedCount, NpgsqlDbType.Double, cancellationToken);
                    await copy.WriteAsync(f.RatePer1000, NpgsqlDbType.Double, cancellationToken);
                    await copy.WriteAsync(f.Dispersion, NpgsqlDbType.Double, cancellationToken);
                    await copy.WriteAsync(f.Low, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(f.Median, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(f.High, NpgsqlDbType.Integer, cancellationToken);
                    for (var i = 0; i < 5; i++) await copy.WriteNullAsync(cancellationToken);
                }
            if (input.Scores is { } scores)
                foreach (var f in CompositeForecast.Latest(scores, input.Periods[^1], published, probability))
                {
                    await StartAsync(copy, runId, level, f.Unit, Composite, f.Horizon, f.Period.ToString(), f.Method, cancellationToken);
                    for (var i = 0; i < 6; i++) await copy.WriteNullAsync(cancellationToken);
                    await copy.WriteAsync(f.Score, NpgsqlDbType.Double, cancellationToken);
                    await copy.WriteAsync(f.Low, NpgsqlDbType.Double, cancellationToken);
                    await copy.WriteAsync(f.High, NpgsqlDbType.Double, cancellationToken);
                    await copy.WriteAsync(f.ProbabilityMethod.Code(), NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(f.HighOrVeryHighProbability, NpgsqlDbType.Double, cancellationToken);
                }
            rows += (int)await copy.CompleteAsync(cancellationToken);
        }
        return rows;
    }

    private static async Task StartAsync(NpgsqlBinaryImporter copy, long runId, string level, string code, string measure, int horizon,
        string period, ForecastMethod method, CancellationToken cancellationToken)
    {
        await copy.StartRowAsync(cancellationToken);
        await copy.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
        await copy.WriteAsync(level, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(code, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(measure, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync((short)horizon, NpgsqlDbType.Smallint, cancellationToken);
        await copy.WriteAsync(period, NpgsqlDbType.Char, cancellationToken);
        await copy.WriteAsync(method.Code(), NpgsqlDbType.Text, cancellationToken);
    }

    private static async Task CopySkillAsync(NpgsqlConnection connection, long runId, IReadOnlyList<BacktestRow> backtest, ForecastMethod published,
        ForecastMethod publishedProbability, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY forecast_skill (run_id, level, horizon, method, forecasts, crps, rate_mae, coverage, entries, entered, brier,
                                 average_precision, published, published_probability) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var row in backtest)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(row.Level, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync((short)row.Horizon, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteAsync(row.Method.Code(), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.Forecasts, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.Crps, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(row.RateMae, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(row.Coverage, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(row.Entries, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.Entered, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.Brier, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(row.AveragePrecision, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(row.Method == published, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(row.Method == publishedProbability, NpgsqlDbType.Boolean, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }
}
