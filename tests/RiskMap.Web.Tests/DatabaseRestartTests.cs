using System.Net;
using Dapper;
using Npgsql;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>
/// The database goes away in the middle of a recompute (every connection of the service dropped, new ones refused):
/// the published scores stay, the interrupted run is marked as soon as the database answers again, and the recompute
/// is run again and published without anyone asking.
/// </summary>
/// <remarks>
/// The outage is made for this service alone — a relay it connects through is cut and its server sessions are ended
/// with pg_terminate_backend — rather than by restarting the shared PostgreSQL, which would break the other test
/// classes running at the same time.
/// </remarks>
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private const string ApplicationName = "riskmap-restart-test";
    private readonly ScoredDemoDatabase _db = new();
    private DatabaseLink _link = null!;
    private RestartedApp _app = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        var direct = new NpgsqlConnectionStringBuilder(_db.ConnectionString);
        _link = new DatabaseLink(direct.Host!, direct.Port);
        _app = new RestartedApp(new NpgsqlConnectionStringBuilder(_db.ConnectionString)
        {
            Host = "127.0.0.1", Port = _link.Port, ApplicationName = ApplicationName,
        }.ConnectionString, _db.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        _link.Restore();
        await _app.DisposeAsync();
        _link.Dispose();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_recompute_cut_off_from_the_database_is_marked_at_once_when_it_returns_and_run_again()
    {
        var published = await _db.ScalarAsync<long>("SELECT run_id FROM published_score_run");
        await TestUsers.EnsureAsync(_db, "steward");
        using var steward = _app.CreateClient();
        steward.UseToken(await TestUsers.TokenAsync(steward, "steward"));

        // Results can be read but not written while this is held: the run stops in the middle of writing them.
        await using var holder = new NpgsqlConnection(_db.ConnectionString);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync("LOCK TABLE score_results IN SHARE MODE", transaction: hold);
        Assert.Equal(HttpStatusCode.Accepted, (await steward.PostAsync("/api/score-runs", null)).StatusCode);
        await Eventually.HoldsAsync(async () => await _db.ScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                           WHERE datname = current_database() AND application_name = @ApplicationName AND wait_event_type = 'Lock')
            """, new { ApplicationName }), "the run to be writing its results");
        var interrupted = await _db.ScalarAsync<long>("SELECT id FROM score_runs WHERE status = 'running'");

        _link.Cut();
        await _db.ExecuteAsync("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = @ApplicationName
            """, new { ApplicationName });
        await hold.RollbackAsync();
        var refusedAtCut = _link.Refused;
        await Eventually.HoldsAsync(() => Task.FromResult(_link.Refused >= refusedAtCut + 3), "the service to keep trying to reach the database");
        Assert.Equal("running", await StatusAsync(interrupted));
        Assert.Equal(published, await _db.ScalarAsync<long>("SELECT run_id FROM published_score_run"));

        _link.Restore();
        await Eventually.HoldsAsync(async () => await StatusAsync(interrupted) == "failed", "the interrupted run to be marked");
        await Eventually.HoldsAsync(async () => await _db.ScalarAsync<long>("SELECT run_id FROM published_score_run") > interrupted,
            "the recompute to be run again and published");

        var runs = (await _db.QueryAsync<(long Id, string Status, string? Error, DateTime StartedAt, DateTime? FinishedAt)>(
            "SELECT id, status, error, started_at, finished_at FROM score_runs WHERE id >= @interrupted ORDER BY id", new { interrupted })).ToList();
        Assert.Equal([(interrupted, "failed"), (interrupted + 1, "succeeded")], runs.Select(r => (r.Id, r.Status)));
        Assert.StartsWith("Interrupted: the database could not be reached", runs[0].Error);
        Assert.True(runs[0].FinishedAt <= runs[1].StartedAt, "the interrupted run was marked only after the retry started");
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM score_results WHERE run_id = @interrupted", new { interrupted }));
        Assert.Equal(interrupted + 1, await _db.ScalarAsync<long>("SELECT run_id FROM published_score_run"));
    }

    private Task<string> StatusAsync(long run) => _db.ScalarAsync<string>("SELECT status FROM score_runs WHERE id = @run", new { run });

    /// <summary>The service connected through the relay, retrying every half second to a second.</summary>
    private sealed class RestartedApp(string connectionString, string ownerConnectionString) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:RiskMap", connectionString);
            builder.UseSetting("ConnectionStrings:RiskMapOwner", ownerConnectionString);
            builder.UseSetting("urls", "http://localhost");
            builder.UseSetting("Map:BasemapUrl", "");
            builder.UseSetting("Access:SigningKey", "riskmap-tests-signing-key-of-at-least-32-bytes");
            builder.UseSetting("Scoring:ImportCheckSeconds", "3600");
            builder.UseSetting("Scoring:RetryFirstSeconds", "0.5");
            builder.UseSetting("Scoring:RetryMaxSeconds", "1");
            builder.UseSetting("Database:ConnectionWaitSeconds", "2");
        }
    }
}
