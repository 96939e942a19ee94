using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Data.Scoring;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>Score runs change what is published, so these tests have an app of their own.</summary>
public class ScoreRunTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private readonly HttpClient _client = app.ClientAs("steward");

    private ScoreRunService Runs => app.Database.Services.GetRequiredService<ScoreRunService>();

    private async Task<long> PublishedRunAsync() => (await Json.GetAsync(_client, "/api/periods")).GetProperty("run").GetInt64();

    [Fact]
    public async Task Readers_polling_during_a_run_see_the_old_run_or_the_new_one_never_a_mix()
    {
        var before = await PublishedRunAsync();
        var run = Task.Run(() => Runs.RunAsync(ScoreTrigger.Manual, "test", force: true));
        var seen = new List<long>();
        async Task ReadAsync()
        {
            var table = await Json.GetAsync(_client, "/api/scores?level=district");
            Assert.Equal(224, table.GetProperty("units").GetArrayLength());
            seen.Add(table.GetProperty("run").GetInt64());
        }
        while (!run.IsCompleted) await ReadAsync();
        var outcome = await run;
        await ReadAsync();
        Assert.Equal(ScoreRunStatus.Succeeded, outcome.Status);
        // The published run switches once, from the old run to the new one.
        Assert.Equal(seen.Distinct().Count(), seen.Select((r, i) => i == 0 || r != seen[i - 1]).Count(changed => changed));
        Assert.Subset(new HashSet<long> { before, outcome.RunId!.Value }, seen.ToHashSet());
        Assert.Equal(outcome.RunId, seen[^1]);
    }

    [Fact]
    public async Task A_run_that_fails_midway_is_recorded_and_leaves_the_published_run_in_place()
    {
        var before = await PublishedRunAsync();
        var outcome = await Runs.RunAsync(ScoreTrigger.Manual, "test", force: true,
            onStage: stage => { if (stage == "publishing") throw new InvalidOperationException("disk full (simulated)"); });

        Assert.Equal(ScoreRunStatus.Failed, outcome.Status);
        Assert.Equal(before, await PublishedRunAsync());
        var failed = await Json.GetAsync(_client, $"/api/score-runs/{outcome.RunId}");
        Assert.Equal(("failed", "disk full (simulated)"), (failed.GetProperty("status").GetString(), failed.GetProperty("error").GetString()));
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM score_results WHERE run_id = @id", new { id = outcome.RunId }));
        var current = await Json.GetAsync(_client, "/api/score-runs/current");
        Assert.Contains(current.GetProperty("recentFailures").EnumerateArray(), f => f.GetProperty("id").GetInt64() == outcome.RunId);
    }

    [Fact]
    public async Task Without_new_imports_weights_or_method_a_scheduled_run_has_nothing_to_do()
    {
        await Runs.RunAsync(ScoreTrigger.Manual, "test", force: true);
        var outcome = await Runs.RunAsync(ScoreTrigger.Schedule, "test");
        Assert.Equal(ScoreRunStatus.Unchanged, outcome.Status);
        Assert.Equal(await PublishedRunAsync(), outcome.RunId);
    }

    [Fact]
    public async Task Earlier_runs_stay_queryable_for_comparison()
    {
        var earlier = await PublishedRunAsync();
        await Runs.RunAsync(ScoreTrigger.Manual, "test", force: true);
        Assert.NotEqual(earlier, await PublishedRunAsync());
        var old = await Json.GetAsync(_client, $"/api/scores?level=region&run={earlier}");
        Assert.Equal(earlier, old.GetProperty("run").GetInt64());
        Assert.Equal(20, old.GetProperty("units").GetArrayLength());
    }

    [Fact]
    public async Task Asking_for_a_recompute_over_HTTP_queues_one_that_the_scheduler_runs()
    {
        var before = (await Json.GetAsync(_client, "/api/score-runs?limit=1"))[0].GetProperty("id").GetInt64();
        var response = await _client.PostAsync("/api/score-runs", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/api/score-runs/current", response.Headers.Location?.ToString());

        var latest = default(JsonElement);
        await Eventually.HoldsAsync(async () =>
        {
            latest = (await Json.GetAsync(_client, "/api/score-runs/current")).GetProperty("latest");
            return latest.GetProperty("id").GetInt64() > before && latest.GetProperty("status").GetString() == "succeeded";
        }, "the queued recompute to succeed");
        Assert.Equal("manual", latest.GetProperty("trigger").GetString());
    }
}
