using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Scoring;
using RiskMap.Data.Scoring;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

/// <summary>
/// A methodology 2.0 run keeps its uncertainty and the scale it was fixed on, and reads them back; a 1.0 run on the same
/// data reads as it always did. Both runs score the demo data.
/// </summary>
public class MethodologyStorageTests(DemoDatabase db) : IClassFixture<DemoDatabase>
{
    private static readonly AccessScope Analyst = AccessScope.For("analyst", Role.Analyst);

    private async Task<long> RunAsync(string version)
    {
        var service = new ScoreRunService(db.DataSource, TestScoring.Options(version: version),
            NullLogger<ScoreRunService>.Instance);
        var outcome = await service.RunAsync(ScoreTrigger.Manual, "test", force: true);
        Assert.Equal(ScoreRunStatus.Succeeded, outcome.Status);
        return outcome.RunId!.Value;
    }

    private async Task<ScoreTable> DistrictsAsync(long run)
    {
        var queries = db.Services.GetRequiredService<ScoreQueries>();
        var period = (await queries.PeriodsAsync(run))[^1];
        return (await queries.TableAsync(run, EntityLevel.District, period, null, null, ScoreMeasure.Composite, false, Analyst))!;
    }

    [Fact]
    public async Task A_2_0_run_stores_and_reads_back_its_intervals_clear_changes_and_fixed_thresholds()
    {
        var run = await RunAsync(Methodology.Version2);
        var table = await DistrictsAsync(run);

        Assert.Equal(Methodology.Version2, table.MethodologyVersion);
        var scored = table.Units.Where(u => u.Score is not null).ToList();
        Assert.NotEmpty(scored);
        Assert.All(scored, u =>
        {
            Assert.NotNull(u.ScoreInterval);
            Assert.InRange(u.Score!.Value, u.ScoreInterval!.Low, u.ScoreInterval.High);
            Assert.InRange(u.HighRiskProbability!.Value, 0, 1);
            Assert.Equal(u.ChangeQuarter is not null, u.ClearChangeQuarter is not null);
        });
        // A unit firmly in level 5 is likely in level 4 or 5; one firmly in level 1 is not.
        Assert.True(scored.Where(u => u.Class == 5).Average(u => u.HighRiskProbability) > scored.Where(u => u.Class == 1).Average(u => u.HighRiskProbability));

        // The district thresholds are the run's own, fixed from its reference period and stored with it.
        var stored = await db.QueryAsync<double>("""
            SELECT jsonb_array_elements_text(level_references -> 'district' -> 'classThresholds')::float8 FROM score_runs WHERE id = @run
            """, new { run });
        Assert.Equal(4, stored.Count);
        Assert.Equal(stored, table.Thresholds);
        Assert.NotEqual<double>([2.0, 3.5, 5.0, 6.5], table.Thresholds);
        // A level is the plain level of the score by the stored thresholds, or the next one kept within the stored margin.
        var margin = await db.ScalarAsync<double>("SELECT (level_references -> 'district' ->> 'levelMargin')::float8 FROM score_runs WHERE id = @run", new { run });
        Assert.True(margin > 0);
        Assert.All(scored, u =>
        {
            var plain = 1 + stored.Count(b => u.Score >= b);
            if (u.LevelHeldWithin is null) Assert.Equal(plain, u.Class);
            else
            {
                Assert.Equal(margin, u.LevelHeldWithin);
                Assert.Equal(1, Math.Abs(plain - u.Class!.Value));
                Assert.InRange(u.Score!.Value, (u.Class > 1 ? stored[u.Class.Value - 2] : 0) - margin, (u.Class < 5 ? stored[u.Class.Value - 1] : 10) + margin);
            }
        });
        Assert.Contains(scored, u => u.LevelHeldWithin is not null);

        // Every level's scale is recorded: reference quarters, goalposts, priors of counts and why an indicator was dropped.
        Assert.Equal(3, await db.ScalarAsync<long>("SELECT count(*) FROM score_runs, jsonb_object_keys(level_references) WHERE id = @run", new { run }));
        Assert.Equal(4, await db.ScalarAsync<long>("SELECT jsonb_array_length(level_references -> 'school' -> 'quarters') FROM score_runs WHERE id = @run", new { run }));
        Assert.True(await db.ScalarAsync<bool>("""
            SELECT (level_references -> 'district' -> 'goalposts' -> 'suicides' ->> 'upper') IS NOT NULL
                OR EXISTS (SELECT 1 FROM jsonb_array_elements(level_references -> 'district' -> 'dropped') d WHERE d ->> 'indicator' = 'suicides')
            FROM score_runs WHERE id = @run
            """, new { run }));
    }

    [Fact]
    public async Task A_1_0_run_reads_as_before_without_uncertainty()
    {
        var run = await RunAsync("riskmap-1.0");
        var table = await DistrictsAsync(run);

        Assert.Equal("riskmap-1.0", table.MethodologyVersion);
        Assert.Equal<double>([2.0, 3.5, 5.0, 6.5], table.Thresholds);
        Assert.All(table.Units.Where(u => u.Score is not null), u =>
        {
            Assert.Equal(1 + new[] { 2.0, 3.5, 5.0, 6.5 }.Count(b => u.Score >= b), u.Class);
            Assert.Null(u.ScoreInterval);
            Assert.Null(u.HighRiskProbability);
            Assert.Null(u.ClearChangeQuarter);
            Assert.Null(u.ClearChangeYear);
        });
        Assert.Null(await db.ScalarAsync<string?>("SELECT level_references::text FROM score_runs WHERE id = @run", new { run }));
    }
}
