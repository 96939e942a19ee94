using Dapper;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Core.Forecasting;
using RiskMap.Core.Geography;
using RiskMap.Data.Forecasting;
using RiskMap.Data.Scoring;
using RiskMap.Data.Tests.HotSpots;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests.Forecasting;

/// <summary>The demo's score run (12 quarters, 2023Q1–2025Q4) carries its forecasts for 2026Q1 and 2026Q2 and their backtest.</summary>
public class ForecastRunTests(ScoredDemoDatabase db) : IClassFixture<ScoredDemoDatabase>
{
    private Task<long> PublishedAsync() => db.ScalarAsync<long>("SELECT run_id FROM published_score_run");

    [Fact]
    public async Task Every_scored_unit_has_a_composite_forecast_for_the_next_two_quarters_and_every_count_indicator_its_distribution()
    {
        var run = await PublishedAsync();
        var composite = await db.QueryAsync<(string Level, string Period, int Units, double Outside, double BadProbability)>("""
            SELECT level, period, count(*)::int, count(*) FILTER (WHERE NOT score BETWEEN score_low AND score_high)::float8,
                   count(*) FILTER (WHERE NOT high_risk_probability BETWEEN 0 AND 1)::float8
            FROM forecasts WHERE run_id = @run AND measure = 'composite' GROUP BY level, period ORDER BY level, period
            """, new { run });
        var scored = await db.QueryAsync<(string Level, int Units)>("""
            SELECT level, count(*)::int FROM score_results WHERE run_id = @run AND period = '2025Q4' AND score IS NOT NULL GROUP BY level
            """, new { run });

        Assert.Equal(["2026Q1", "2026Q2"], composite.Where(c => c.Level == "district").Select(c => c.Period));
        foreach (var (level, units) in scored)
            Assert.All(composite.Where(c => c.Level == level), c => Assert.Equal(units, c.Units));
        Assert.Equal(224, composite.First(c => c.Level == "district").Units);
        Assert.All(composite, c => Assert.Equal(0, c.Outside + c.BadProbability));

        var counts = await db.QueryAsync<(string Measure, int Units, int Unordered)>("""
            SELECT measure, count(*)::int, count(*) FILTER (WHERE NOT (count_low <= count_median AND count_median <= count_high AND expected_count >= 0))::int
            FROM forecasts WHERE run_id = @run AND level = 'district' AND horizon = 1 AND measure <> 'composite' GROUP BY measure
            """, new { run });
        var countIndicators = await db.ScalarAsync<int>("SELECT count(*) FROM indicators WHERE is_count");
        Assert.Equal(countIndicators, counts.Count);
        Assert.All(counts, c => Assert.Equal((224, 0), (c.Units, c.Unordered)));
    }

    [Fact]
    public async Task The_backtest_is_stored_per_level_horizon_and_method_and_marks_the_winners_method_as_published_and_used()
    {
        var run = await PublishedAsync();
        var skill = await db.Services.GetRequiredService<ForecastQueries>().SkillAsync(run);

        Assert.Equal(3 * 2 * 4, skill.Count);
        foreach (var level in skill.GroupBy(s => s.Level))
        {
            var rows = level.Select(s => new BacktestRow(s.Level, s.Horizon, s.Method, s.Forecasts, s.Crps, s.RateMae, s.Coverage, s.Entries,
                s.Entered, s.Brier, s.AveragePrecision)).ToList();
            var winner = ForecastWinner.Of(rows);
            var probabilityWinner = ForecastWinner.OfProbability(rows) ?? ForecastWinner.ForComposite(winner);
            Assert.All(level, s => Assert.Equal(s.Method == winner, s.Published));
            Assert.All(level, s => Assert.Equal(s.Method == probabilityWinner, s.PublishedProbability));
            var probabilityMethods = await db.QueryAsync<string>(
                "SELECT DISTINCT probability_method FROM forecasts WHERE run_id = @run AND level = @level AND measure = 'composite'",
                new { run, level = level.Key });
            Assert.Equal([probabilityWinner.Code()], probabilityMethods);
            Assert.All(level, s => Assert.True(s.Forecasts > 0 && s.Crps > 0 && s.Coverage is > 0 and < 1));
            var used = await db.QueryAsync<string>("SELECT DISTINCT method FROM forecasts WHERE run_id = @run AND level = @level AND measure <> 'composite'",
                new { run, level = level.Key });
            Assert.Equal([winner.Code()], used);
        }
    }

    [Fact]
    public async Task The_alert_query_finds_exactly_the_units_whose_next_quarter_forecast_reaches_the_probability()
    {
        var run = await PublishedAsync();
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var likely = await ForecastQueries.LikelyHighRiskAsync(connection, transaction, run, 0.5);

        var expected = await connection.QueryAsync<(string, string)>("""
            SELECT level, code FROM forecasts WHERE run_id = @run AND horizon = 1 AND measure = 'composite' AND high_risk_probability >= 0.5
            ORDER BY level, code
            """, new { run }, transaction);
        Assert.NotEmpty(likely);
        Assert.Equal(expected, likely.Select(l => (l.Level.ToCode(), l.Code)));
        Assert.All(likely, l => Assert.Equal(("2026Q1", true), (l.Period, l.Probability >= 0.5)));
    }
}

/// <summary>The scored demo, keeping only the newest score run (and the published one), whose runs make forecasts.</summary>
public sealed class OneRunKeptForecastingDatabase : OneRunKeptDemoDatabase
{
    protected override bool Forecasts => true;
}

/// <summary>A failed run leaves no forecasts behind, and a pruned run takes its own with it.</summary>
public class ForecastRunLifeTests(OneRunKeptForecastingDatabase db) : IClassFixture<OneRunKeptForecastingDatabase>
{
    private Task<long> RowsOfAsync(long? run) => db.ScalarAsync<long>(
        "SELECT (SELECT count(*) FROM forecasts WHERE run_id = @run) + (SELECT count(*) FROM forecast_skill WHERE run_id = @run)", new { run });

    [Fact]
    public async Task A_failed_run_stores_none_and_a_pruned_run_takes_its_own_away()
    {
        var runs = db.Services.GetRequiredService<ScoreRunService>();
        var demoRun = await db.ScalarAsync<long>("SELECT run_id FROM published_score_run");
        var stored = await RowsOfAsync(demoRun);
        Assert.True(stored > 24);

        // It fails after its forecasts were written, in the same transaction.
        var failed = await runs.RunAsync(ScoreTrigger.Manual, "test", force: true, onStage: s => { if (s == "alerts") throw new IOException("simulated"); });

        Assert.Equal(ScoreRunStatus.Failed, failed.Status);
        Assert.Equal(0, await RowsOfAsync(failed.RunId));

        var next = await runs.RunAsync(ScoreTrigger.Manual, "test", force: true);

        Assert.Equal(stored, await RowsOfAsync(next.RunId));
        Assert.Equal(0, await RowsOfAsync(demoRun));
    }
}
