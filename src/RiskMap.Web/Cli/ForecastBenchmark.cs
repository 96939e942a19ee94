using System.Diagnostics;
using System.Globalization;
using Npgsql;
using RiskMap.Core.Forecasting;
using RiskMap.Core.Geography;
using RiskMap.Data.Forecasting;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Cli;

/// <summary>
/// <c>riskmap bench forecast</c> against the configured database (the demo): the rolling-origin backtest of the count
/// model and its baselines for schools, districts and regions, one table row per level, horizon and method, the skill
/// of the model against each baseline, the methods each level would publish (counts, and the probability of level 4–5),
/// and the time to load, to backtest and to forecast the next quarters. With <c>--schools N</c>, the same on the scoring
/// benchmark's scratch database of N synthetic schools instead.
/// </summary>
internal static class ForecastBenchmark
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "bench");
        return await MeasureAsync(services.GetRequiredService<NpgsqlDataSource>());
    }

    /// <summary>
    /// <c>riskmap bench forecast --schools N [--keep]</c>: the scratch database of <see cref="BenchDatabase"/> (8 quarters of
    /// random counts, so its skill means nothing; the time is the point), scored without its forecasts stage so that the
    /// backtest is timed once, here.
    /// </summary>
    public static async Task<int> RunAsync(IConfiguration configuration, string geodata, int schools, bool keep)
    {
        var server = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("RiskMap"));
        var database = keep ? $"riskmap_bench_{schools}" : $"riskmap_bench_{schools}_{Environment.ProcessId}";
        var generate = await BenchDatabase.CreateAsync(server, database);
        try
        {
            await using var provider = await BenchDatabase.ServicesAsync(server, database, geodata, schools, generate, new ScoringOptions { Forecasts = false });
            var clock = Stopwatch.StartNew();
            var outcome = await provider.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "bench");
            if (outcome.Status is not (ScoreRunStatus.Succeeded or ScoreRunStatus.Unchanged)) throw new InvalidOperationException($"The benchmark run failed: {outcome.Error}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{schools:N0} schools in {database}; score run {outcome.Status} in {clock.Elapsed.TotalSeconds:0.0} s"));
            return await MeasureAsync(provider.GetRequiredService<NpgsqlDataSource>());
        }
        finally
        {
            if (!keep) await BenchDatabase.DropAsync(server, database);
        }
    }

    private static async Task<int> MeasureAsync(NpgsqlDataSource dataSource)
    {
        var loadAverage = LoadAverage();
        var clock = Stopwatch.StartNew();
        var levels = await new ForecastInputLoader(dataSource).LoadAsync();
        var load = clock.Elapsed.TotalSeconds;
        double backtests = 0, forecasts = 0;
        Console.WriteLine("level     h  method          forecasts      CRPS  rate MAE  cover80  entries (in)    Brier     AP   CRPS skill  AP skill");
        foreach (var input in levels)
        {
            var started = clock.Elapsed.TotalSeconds;
            var rows = Backtest.Run(input.Level.ToCode(), [.. input.Counts.Select(c => c.Panel)], input.Scores);
            var backtest = clock.Elapsed.TotalSeconds - started;
            var published = ForecastWinner.Of(rows);
            var probability = ForecastWinner.OfProbability(rows) ?? ForecastWinner.ForComposite(published);
            var forecast = ForecastLatest(input, published, probability);
            backtests += backtest;
            forecasts += forecast;
            foreach (var row in rows)
            {
                var model = rows.Single(r => r.Horizon == row.Horizon && r.Method == ForecastMethod.Model);
                var skill = row.Method == ForecastMethod.Model ? "" : string.Create(CultureInfo.InvariantCulture,
                    $"{Percent(BacktestRow.Skill(model.Crps, row.Crps)),10}  {Percent(BacktestRow.SkillOfPrecision(model.AveragePrecision, row.AveragePrecision)),8}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{row.Level,-8} {row.Horizon,2}  {row.Method,-14} {row.Forecasts,10:N0}  {row.Crps,8:0.0000}  {row.RateMae,8:0.0000}  {row.Coverage,7:0.0%}  {row.Entries,7:N0} ({row.Entered,4:N0})  {row.Brier,7:0.0000}  {row.AveragePrecision,5:0.000}   {skill}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{input.Level.ToCode()}: {input.Counts.Count} count indicators, {input.Counts.FirstOrDefault().Panel?.Units.Count ?? 0:N0} units; published counts: {published}, probability of level 4–5: {probability}; backtest {backtest:0.0} s, forecast {forecast:0.0} s"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load {load:0.0} s, backtest {backtests:0.0} s, forecast {forecasts:0.0} s, total {clock.Elapsed.TotalSeconds:0.0} s; load average {loadAverage} → {LoadAverage()} (skill = 1 − model / baseline; AP skill on 1 − AP)"));
        return 0;
    }

    /// <summary>The next quarters' forecasts of a level by its published methods, as a score run writes them; seconds taken.</summary>
    private static double ForecastLatest(LevelForecastInput input, ForecastMethod published, ForecastMethod probability)
    {
        var clock = Stopwatch.StartNew();
        foreach (var (_, panel) in input.Counts) CountForecast.Latest(panel, published);
        if (input.Scores is { } scores) CompositeForecast.Latest(scores, input.Periods[^1], published, probability);
        return clock.Elapsed.TotalSeconds;
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>A signed percentage; a skill that rounds to nothing is shown as +0.0 %, not −+0.0 %.</summary>
    private static string Percent(double skill) =>
        double.IsNaN(skill) ? "NaN" : Math.Round(skill, 3).ToString("+0.0%;-0.0%;+0.0%", CultureInfo.InvariantCulture);
}
