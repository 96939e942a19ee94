using System.Net;
using Dapper;
using Hangfire;
using Hangfire.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RiskMap.TestSupport;
using RiskMap.Web.Features.Scoring;

namespace RiskMap.Web.Tests;

/// <summary>Records each execution of an occurrence of a recurring job: the job, the occurrence it was made for, and the server that ran it.</summary>
public sealed class RecordOccurrenceJob(NpgsqlDataSource dataSource)
{
    /// <param name="context">Given by Hangfire as it runs the job.</param>
    public async Task RecordAsync(PerformContext? context)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("INSERT INTO test_occurrences (job, occurrence, server) VALUES (@job, @occurrence, @server)",
            new { job = context!.BackgroundJob.Id, occurrence = context.GetJobParameter<long?>("Time"), server = context.ServerId });
    }
}

/// <summary>One instance of the service, a Hangfire server among the others on the same database, with any extra settings.</summary>
public sealed class ClusterNode(string connectionString, string instanceId, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>A node's settings (also those of a node run as a process of its own): its name, a short invisibility timeout, and <paramref name="extra"/>.</summary>
    public static Dictionary<string, string> SettingsOf(string instanceId, IReadOnlyDictionary<string, string>? extra)
    {
        var all = new Dictionary<string, string>(TestScoring.HostSettings)
        {
            ["Scheduler:InstanceId"] = instanceId,
            ["Scheduler:InvisibilityTimeoutSeconds"] = "5",
            ["Scoring:ImportCheckSeconds"] = "3600",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) all[key] = value;
        return all;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:RiskMap", connectionString);
        foreach (var (key, value) in SettingsOf(instanceId, settings)) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddTransient<RecordOccurrenceJob>());
    }

    public JobStorage Jobs => Services.GetRequiredService<JobStorage>();

    public IRecurringJobManager RecurringJobs => Services.GetRequiredService<IRecurringJobManager>();

    /// <summary>No job of <typeparamref name="TJob"/> is waiting, scheduled (a retry) or running on any server.</summary>
    public bool NoneLeft<TJob>()
    {
        var monitoring = Jobs.GetMonitoringApi();
        return monitoring.EnqueuedJobs("default", 0, 1000).All(j => j.Value.Job?.Type != typeof(TJob))
               && monitoring.ScheduledJobs(0, 1000).All(j => j.Value.Job?.Type != typeof(TJob))
               && monitoring.ProcessingJobs(0, 1000).All(j => j.Value.Job?.Type != typeof(TJob));
    }
}

public sealed class SchedulerClusterTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private ClusterNode _a = null!;
    private ClusterNode _b = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.ExecuteAsync("CREATE TABLE test_occurrences (job text, occurrence bigint, server text)");
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
    public async Task Two_instances_on_one_database_run_each_occurrence_of_a_recurring_job_exactly_once()
    {
        const int occurrences = 8;
        _a.RecurringJobs.AddOrUpdate<RecordOccurrenceJob>("record-occurrences", job => job.RecordAsync(null), "* * * * * *");
        await Eventually.HoldsAsync(async () => await _db.ScalarAsync<long>("SELECT count(*) FROM test_occurrences") >= occurrences,
            $"{occurrences} occurrences to be run");
        _b.RecurringJobs.RemoveIfExists("record-occurrences");
        // With the recurring job gone and none of its jobs waiting or running on either server, no execution can follow.
        await Eventually.HoldsAsync(() => Task.FromResult(_a.NoneLeft<RecordOccurrenceJob>()), "no occurrence to be left on either instance");

        var rows = await _db.QueryAsync<(string Job, long? Occurrence, string Server)>("SELECT job, occurrence, server FROM test_occurrences");
        Assert.All(rows, r => Assert.NotNull(r.Occurrence));
        Assert.Equal(rows.Count, rows.Select(r => r.Job).Distinct().Count());
        Assert.Equal(rows.Count, rows.Select(r => r.Occurrence).Distinct().Count());
        Assert.All(rows, r => Assert.Matches("^node-[ab]:", r.Server));
    }

    [Fact]
    public async Task Recomputes_asked_of_both_instances_run_once_each_and_never_overlap()
    {
        await TestUsers.EnsureAsync(_db, "steward");
        var (stewardA, stewardB) = (await StewardAsync(_a), await StewardAsync(_b));
        var answers = await Task.WhenAll(stewardA.PostAsync("/api/score-runs", null), stewardB.PostAsync("/api/score-runs", null));
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode));

        await Eventually.HoldsAsync(async () => await _db.ScalarAsync<long>("SELECT count(*) FROM score_runs WHERE trigger = 'manual' AND status <> 'running'") >= 2
                                                && _a.NoneLeft<RecomputeScoresJob>(),
            "both recomputes to finish and none to be waiting, retried or running");

        // The watch for changed inputs may add a run of its own (a fresh database's weights are newer than its published
        // run, which is none) before or after the two asked for: so the runs asked for are counted by their trigger, and
        // no two runs of any trigger may overlap.
        var runs = await _db.QueryAsync<(DateTime Started, DateTime Finished, string Status, string Trigger, string RequestedBy)>(
            "SELECT started_at, finished_at, status, trigger, requested_by FROM score_runs ORDER BY started_at");
        var asked = runs.Where(r => r.Trigger == "manual").ToList();
        Assert.Equal(2, asked.Count);
        Assert.All(asked, r => Assert.Equal(("succeeded", "steward"), (r.Status, r.RequestedBy)));
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.Second.Started >= pair.First.Finished,
            $"A {pair.Second.Trigger} run started at {pair.Second.Started:O}, before the {pair.First.Trigger} run before it finished ({pair.First.Finished:O})."));
    }
}
