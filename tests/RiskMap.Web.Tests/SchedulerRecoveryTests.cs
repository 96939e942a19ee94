using System.Net;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>
/// A node killed (as by <c>kill -9</c>) in the middle of a recompute: once the job's invisibility timeout has passed with
/// no sign of life from it, another node fetches the job again, and the interrupted run is marked failed rather than left
/// "running".
/// </summary>
public sealed class SchedulerRecoveryTests : IAsyncLifetime
{
    private readonly DemoDatabase _db = new();
    private ServiceProcess? _nodeA;
    private ClusterNode? _nodeB;

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        _nodeA?.Dispose();
        if (_nodeB is not null) await _nodeB.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_recompute_interrupted_by_a_crash_is_run_again_by_another_node()
    {
        _nodeA = new ServiceProcess(_db.ConnectionString, new Dictionary<string, string>
        {
            ["Scheduler:InstanceId"] = "node-a",
            ["Scheduler:InvisibilityTimeoutSeconds"] = "5",
            ["Scoring:ImportCheckSeconds"] = "3600",
            ["Scoring:Forecasts"] = "false",
        });
        using var http = await _nodeA.StartedClientAsync();
        await TestUsers.EnsureAsync(_db.DataSource, "steward");
        http.UseToken(await TestUsers.TokenAsync(http, "steward"));

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/score-runs", null)).StatusCode);
        await Eventually.HoldsAsync(async () => await _db.ScalarAsync<long>("SELECT count(*) FROM score_runs WHERE status = 'running'") == 1, "node A to start the run");
        await _nodeA.KillAsync();
        var interrupted = await _db.ScalarAsync<long>("SELECT id FROM score_runs WHERE status = 'running'");

        _nodeB = new ClusterNode(_db.ConnectionString, "node-b");
        _nodeB.CreateClient();
        await Eventually.HoldsAsync(async () => await _db.ScalarAsync<long>("SELECT count(*) FROM score_runs WHERE status = 'succeeded' AND id > @interrupted",
            new { interrupted }) == 1, "node B to recover the job");

        var runs = await _db.QueryAsync<(long Id, string Status, string Trigger, string? Error)>("SELECT id, status, trigger, error FROM score_runs ORDER BY id");
        Assert.Equal([(interrupted, "failed"), (interrupted + 1, "succeeded")], runs.Select(r => (r.Id, r.Status)));
        Assert.All(runs, r => Assert.Equal("manual", r.Trigger));
        Assert.StartsWith("Interrupted", runs[0].Error);
    }
}
