using System.Net;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>Records each execution of a firing: which firing, when it was due, and which node ran it.</summary>
public sealed class RecordFiringJob(NpgsqlDataSource dataSource) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("INSERT INTO test_firings (fire_instance, due, node) VALUES (@FireInstanceId, @due, @node)",
            new { context.FireInstanceId, due = context.ScheduledFireTimeUtc?.UtcDateTime, node = context.Scheduler.SchedulerInstanceId });
    }
}

/// <summary>One instance of the service in the scheduler cluster.</summary>
public sealed class ClusterNode(string connectionString, string instanceId) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:RiskMap", connectionString);
        builder.UseSetting("Scheduler:InstanceId", instanceId);
        builder.UseSetting("Scheduler:CheckinSeconds", "1");
        builder.UseSetting("Scheduler:CheckinMisfireSeconds", "3");
        builder.UseSetting("Scoring:ImportCheckSeconds", "3600");
        builder.ConfigureServices(services => services.AddTransient<RecordFiringJob>());
    }

    public ValueTask<IScheduler> SchedulerAsync() => Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
}

public sealed class SchedulerClusterTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private ClusterNode _a = null!;
    private ClusterNode _b = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.ExecuteAsync("CREATE TABLE test_firings (fire_instance text, due timestamptz, node text)");
        _a = new ClusterNode(_db.ConnectionString, "node-a");
        _a.CreateClient();
        _b = new ClusterNode(_db.ConnectionString, "node-b");
        _b.CreateClient();
    }

    private static async Task<HttpClient> StewardAsync(ClusterNode node)
    {
        var client = node.CreateClient();
        client.UseToken(await TestUsers.TokenAsync(client, "steward"));
        return client;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_on_one_database_run_each_firing_exactly_once()
    {
        const int firings = 8;
        var scheduler = await _a.SchedulerAsync();
        await scheduler.ScheduleJob(
            JobBuilder.Create<RecordFiringJob>().WithIdentity("record-firings", "test").Build(),
            TriggerBuilder.Create().WithIdentity("every-second", "test").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(1)).WithRepeatCount(firings - 1)).Build());

        // Once the trigger is spent (deleted after its last firing) and neither instance holds a firing of it, no
        // execution can follow: the count is final.
        await Eventually.HoldsAsync(() => _db.ScalarAsync<bool>("""
            SELECT (SELECT count(*) FROM test_firings) >= @firings
               AND NOT EXISTS (SELECT 1 FROM qrtz_triggers WHERE trigger_name = 'every-second' AND trigger_group = 'test')
               AND NOT EXISTS (SELECT 1 FROM qrtz_fired_triggers WHERE job_name = 'record-firings' AND job_group = 'test')
            """, new { firings }), "every firing to be executed and none to be held by either instance");

        var rows = await _db.QueryAsync<(string FireInstance, DateTime Due, string Node)>("SELECT fire_instance, due, node FROM test_firings");
        Assert.Equal(firings, rows.Count);
        Assert.Equal(firings, rows.Select(r => r.Due).Distinct().Count());
        Assert.All(rows, r => Assert.Contains(r.Node, new[] { "node-a", "node-b" }));
    }

    [Fact]
    public async Task Recomputes_asked_of_both_instances_run_once_each_and_never_overlap()
    {
        await TestUsers.EnsureAsync(_db.DataSource, "steward");
        var (stewardA, stewardB) = (await StewardAsync(_a), await StewardAsync(_b));
        var answers = await Task.WhenAll(stewardA.PostAsync("/api/score-runs", null), stewardB.PostAsync("/api/score-runs", null));
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode));

        // A recompute asked for is a one-shot trigger (repeat count 0), deleted once fired; with none left and no
        // firing held by either instance, no further run asked for can start: the count is final.
        await Eventually.HoldsAsync(() => _db.ScalarAsync<bool>("""
            SELECT (SELECT count(*) FROM score_runs WHERE trigger = 'manual' AND status <> 'running') >= 2
               AND NOT EXISTS (SELECT 1 FROM qrtz_simple_triggers WHERE repeat_count = 0)
               AND NOT EXISTS (SELECT 1 FROM qrtz_fired_triggers)
            """), "both recomputes to finish and none to be pending");

        // The import watch fires as the instances start and may add a run of its own (the fresh database's weights are
        // newer than its published run, which is none), before or after the two asked for: so the runs asked for are
        // counted by their trigger, and no two runs of any trigger may overlap.
        var runs = await _db.QueryAsync<(DateTime Started, DateTime Finished, string Status, string Trigger, string RequestedBy)>(
            "SELECT started_at, finished_at, status, trigger, requested_by FROM score_runs ORDER BY started_at");
        var asked = runs.Where(r => r.Trigger == "manual").ToList();
        Assert.Equal(2, asked.Count);
        Assert.All(asked, r => Assert.Equal(("succeeded", "steward"), (r.Status, r.RequestedBy)));
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.Second.Started >= pair.First.Finished,
            $"A {pair.Second.Trigger} run started at {pair.Second.Started:O}, before the {pair.First.Trigger} run before it finished ({pair.First.Finished:O})."));
    }
}
