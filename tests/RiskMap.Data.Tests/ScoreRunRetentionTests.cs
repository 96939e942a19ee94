using Microsoft.Extensions.DependencyInjection;
using RiskMap.Data.Imports;
using RiskMap.Data.Scoring;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

/// <summary>Boundaries, two schools and their values, keeping only the two newest score runs.</summary>
public sealed class TwoRunsDatabase : BoundariesDatabase
{
    protected override ScoringOptions Scoring => new() { Methodology = TestScoring.Methodology(), KeepRuns = 2 };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var files = new TempFiles();
        await ImportAsync(ImportKind.Schools, files.Write("schools.csv", SeededDatabase.SchoolsCsv));
        await ImportAsync(ImportKind.Indicators, files.Write("values.csv", """
            entity_level,entity_code,indicator,period,value,denominator
            school,S-1,bullying_reports,2025Q1,3,500
            school,S-2,bullying_reports,2025Q1,1,60
            """));
    }
}

public class ScoreRunRetentionTests(TwoRunsDatabase db) : IClassFixture<TwoRunsDatabase>
{
    [Fact]
    public async Task Old_runs_and_their_results_are_pruned_but_the_published_run_never_is()
    {
        var runs = db.Services.GetRequiredService<ScoreRunService>();
        var ids = new List<long>();
        for (var i = 0; i < 4; i++) ids.Add((await runs.RunAsync(ScoreTrigger.Manual, "test", force: true)).RunId!.Value);

        Assert.Equal(ids[^2..], await db.QueryAsync<long>("SELECT id FROM score_runs ORDER BY id"));
        Assert.Equal(ids[^2..], await db.QueryAsync<long>("SELECT DISTINCT run_id FROM score_results ORDER BY run_id"));
        Assert.Equal(ids[^1], await db.ScalarAsync<long>("SELECT run_id FROM published_score_run"));

        // A failed run is kept for the record; the published run survives however many fail after it.
        await runs.RunAsync(ScoreTrigger.Manual, "test", force: true, onStage: s => { if (s == "writing") throw new IOException("simulated"); });
        await runs.RunAsync(ScoreTrigger.Manual, "test", force: true, onStage: s => { if (s == "writing") throw new IOException("simulated"); });
        Assert.Equal(ids[^1], await db.ScalarAsync<long>("SELECT run_id FROM published_score_run"));
        Assert.Contains(ids[^1], await db.QueryAsync<long>("SELECT id FROM score_runs"));
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM score_results WHERE run_id = @id", new { id = ids[^1] }) > 0);
    }
}
