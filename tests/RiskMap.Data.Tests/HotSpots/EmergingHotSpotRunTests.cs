using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Core.HotSpots;
using RiskMap.Data.HotSpots;
using RiskMap.Data.Scoring;
using RiskMap.TestSupport;
using Xunit.Abstractions;

namespace RiskMap.Data.Tests.HotSpots;

/// <summary>The demo's score run (224 districts, 12 quarters) carries its emerging hot spots, made in the same run.</summary>
public class EmergingHotSpotDemoRunTests(ScoredDemoDatabase db, ITestOutputHelper output) : IClassFixture<ScoredDemoDatabase>
{
    [Fact]
    public async Task The_published_demo_run_has_every_district_and_region_with_a_bin_per_quarter_and_a_trend_over_twelve_quarters()
    {
        var run = await db.ScalarAsync<long>("SELECT run_id FROM published_score_run");
        var rows = await db.QueryAsync<(string Level, int Quarters, bool Trend, string Category)>("""
            SELECT e.level, cardinality(e.bins), e.trend_z IS NOT NULL, e.category FROM emerging_hot_spots e WHERE e.run_id = @run
            """, new { run });

        Assert.Equal(224, rows.Count(r => r.Level == "district"));
        Assert.Equal(20, rows.Count(r => r.Level == "region"));
        Assert.All(rows, r => Assert.Equal(12, r.Quarters));
        // Mann–Kendall needs 10 quarters: the demo's 12 give every unit a trend.
        Assert.All(rows, r => Assert.True(r.Trend));
    }

    [Fact]
    public async Task The_demo_shows_trend_categories_among_them_a_hot_spot_that_emerged_during_its_quarters()
    {
        var run = await db.ScalarAsync<long>("SELECT run_id FROM published_score_run");
        var districts = await db.QueryAsync<(string Code, string Category)>(
            "SELECT code, category FROM emerging_hot_spots WHERE run_id = @run AND level = 'district'", new { run });
        var categories = districts.Select(d => EmergingCategories.FromCode(d.Category)).ToList();
        output.WriteLine(string.Join(", ", districts.Where(d => d.Category != "no-pattern").Order().Select(d => $"{d.Code} {d.Category}")));

        // Persistent hot spots the demo's fixed hotspots give; one that only became hot during the demo, its rising units.
        EmergingCategory[] emerged = [EmergingCategory.NewHotSpot, EmergingCategory.ConsecutiveHotSpot, EmergingCategory.IntensifyingHotSpot];
        Assert.Contains(EmergingCategory.PersistentHotSpot, categories);
        Assert.Contains(categories, emerged.Contains);
    }

    [Fact]
    public async Task Computing_them_for_the_demo_run_takes_well_under_the_runs_own_time()
    {
        var (run, periods) = (await db.QueryAsync<(long, string[])>("SELECT id, periods FROM score_runs WHERE id = (SELECT run_id FROM published_score_run)"))[0];
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("DELETE FROM emerging_hot_spots WHERE run_id = @run", new { run }, transaction);
        var clock = Stopwatch.StartNew();

        var rows = await EmergingHotSpotWriter.WriteAsync(connection, transaction, run, periods);

        output.WriteLine($"Emerging hot spots of the demo run (224 districts and 20 regions × 12 quarters): {rows} rows in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(244, rows);
        await transaction.RollbackAsync();
    }
}

/// <summary>The scored demo, keeping only the newest score run (and the published one).</summary>
public class OneRunKeptDemoDatabase : DemoDatabase
{
    protected override bool Scored => true;

    /// <summary>Whether its runs make forecasts.</summary>
    protected virtual bool Forecasts => false;

    protected override ScoringOptions Scoring => new() { Methodology = TestScoring.Methodology(), KeepRuns = 1, Forecasts = Forecasts };
}

/// <summary>A failed run leaves no hot spots behind, and a pruned run takes its own with it.</summary>
public class EmergingHotSpotRunLifeTests(OneRunKeptDemoDatabase db) : IClassFixture<OneRunKeptDemoDatabase>
{
    private Task<long> RowsOfAsync(long? run) => db.ScalarAsync<long>("SELECT count(*) FROM emerging_hot_spots WHERE run_id = @run", new { run });

    [Fact]
    public async Task A_failed_run_stores_none_and_a_pruned_run_takes_its_own_away()
    {
        var runs = db.Services.GetRequiredService<ScoreRunService>();
        var demoRun = await db.ScalarAsync<long>("SELECT run_id FROM published_score_run");
        Assert.Equal(244, await RowsOfAsync(demoRun));

        // It fails after its hot spots were computed, in the same transaction.
        var failed = await runs.RunAsync(ScoreTrigger.Manual, "test", force: true, onStage: s => { if (s == "publishing") throw new IOException("simulated"); });

        Assert.Equal(ScoreRunStatus.Failed, failed.Status);
        Assert.Equal(0, await RowsOfAsync(failed.RunId));

        var next = await runs.RunAsync(ScoreTrigger.Manual, "test", force: true);

        Assert.Equal(244, await RowsOfAsync(next.RunId));
        Assert.Equal(0, await RowsOfAsync(demoRun));
    }
}
