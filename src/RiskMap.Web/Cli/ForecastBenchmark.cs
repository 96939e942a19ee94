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
/// of the model against each baseline, the method each level would publish, and the time to load and to backtest.
/// </summary>
internal static class ForecastBenchmark
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "bench");
        var clock = Stopwatch.StartNew();
        var levels = await new ForecastInputLoader(services.GetRequiredService<NpgsqlDataSource>()).LoadAsync();
        var load = clock.Elapsed.TotalSeconds;
        Console.WriteLine("level     h  method          forecasts      CRPS  rate MAE  cover80  entries (in)    Brier     AP   CRPS skill  AP skill");
        foreach (var input in levels)
        {
            var started = clock.Elapsed.TotalSeconds;
            var rows = Backtest.Run(input.Level.ToCode(), [.. input.Counts.Select(c => c.Panel)], input.Scores);
            foreach (var row in rows)
            {
                var model = rows.Single(r => r.Horizon == row.Horizon && r.Method == ForecastMethod.Model);
                var skill = row.Method == ForecastMethod.Model ? "" : string.Create(CultureInfo.InvariantCulture,
                    $"{Percent(BacktestRow.Skill(model.Crps, row.Crps)),10}  {Percent(BacktestRow.SkillOfPrecision(model.AveragePrecision, row.AveragePrecision)),8}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{row.Level,-8} {row.Horizon,2}  {row.Method,-14} {row.Forecasts,10:N0}  {row.Crps,8:0.0000}  {row.RateMae,8:0.0000}  {row.Coverage,7:0.0%}  {row.Entries,7:N0} ({row.Entered,4:N0})  {row.Brier,7:0.0000}  {row.AveragePrecision,5:0.000}   {skill}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{input.Level.ToCode()}: {input.Counts.Count} count indicators, {input.Counts.FirstOrDefault().Panel?.Units.Count ?? 0:N0} units; published forecast: {ForecastWinner.Of(rows)}; backtest {clock.Elapsed.TotalSeconds - started:0.0} s"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load {load:0.0} s, total {clock.Elapsed.TotalSeconds:0.0} s (skill = 1 − model / baseline; AP skill on 1 − AP)"));
        return 0;
    }

    /// <summary>A signed percentage; a skill that rounds to nothing is shown as +0.0 %, not −+0.0 %.</summary>
    private static string Percent(double skill) =>
        double.IsNaN(skill) ? "NaN" : Math.Round(skill, 3).ToString("+0.0%;-0.0%;+0.0%", CultureInfo.InvariantCulture);
}
