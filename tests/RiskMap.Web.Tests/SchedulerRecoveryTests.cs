using System.Net;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>
/// A node killed (as by <c>kill -9</c>) in the middle of a recompute: once the job's invisibility timeout has passed with
/// no sign of life from it, another node fetches the job again, and the interrupted run is marked failed rather than left
/// "running".
/// </summary>
public sealed class SchedulerRecoveryTests : KilledNodeTest<DemoDatabase>
{
    [Fact]
    public async Task A_recompute_interrupted_by_a_crash_is_run_again_by_another_node()
    {
        using var http = await NodeA.StartedClientAsync();
        await TestUsers.EnsureAsync(Db, "steward");
        http.UseToken(await TestUsers.TokenAsync(http, "steward"));

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/score-runs", null)).StatusCode);
        await Eventually.HoldsAsync(async () => await Db.ScalarAsync<long>("SELECT count(*) FROM score_runs WHERE status = 'running'") == 1, "node A to start the run");
        await NodeA.KillAsync();
        var interrupted = await Db.ScalarAsync<long>("SELECT id FROM score_runs WHERE status = 'running'");

        NodeB.CreateClient();
        await Eventually.HoldsAsync(async () => await Db.ScalarAsync<long>("SELECT count(*) FROM score_runs WHERE status = 'succeeded' AND id > @interrupted",
            new { interrupted }) == 1, "node B to recover the job");

        var runs = await Db.QueryAsync<(long Id, string Status, string Trigger, string? Error)>("SELECT id, status, trigger, error FROM score_runs ORDER BY id");
        Assert.Equal([(interrupted, "failed"), (interrupted + 1, "succeeded")], runs.Select(r => (r.Id, r.Status)));
        Assert.All(runs, r => Assert.Equal("manual", r.Trigger));
        Assert.StartsWith("Interrupted", runs[0].Error);
    }
}
