using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
    private readonly int _port = FreePort();
    private Process? _nodeA;
    private ClusterNode? _nodeB;

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        if (_nodeA is { HasExited: false }) _nodeA.Kill(entireProcessTree: true);
        _nodeA?.Dispose();
        if (_nodeB is not null) await _nodeB.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_recompute_interrupted_by_a_crash_is_run_again_by_another_node()
    {
        _nodeA = StartNodeA();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
        await Eventually.HoldsAsync(async () => (await TryGet(http, "/health")) == HttpStatusCode.OK, "node A to start");
        await TestUsers.EnsureAsync(_db, "steward");
        http.UseToken(await TestUsers.TokenAsync(http, "steward"));

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/score-runs", null)).StatusCode);
        await Eventually.HoldsAsync(async () => await _db.ScalarAsync<long>("SELECT count(*) FROM score_runs WHERE status = 'running'") == 1, "node A to start the run");
        _nodeA.Kill(entireProcessTree: true);
        await _nodeA.WaitForExitAsync();
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

    private Process StartNodeA()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "RiskMap.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__RiskMap"] = _db.ConnectionString;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port}";
        start.Environment["Scheduler__InstanceId"] = "node-a";
        start.Environment["Scheduler__InvisibilityTimeoutSeconds"] = "5";
        start.Environment["Scoring__ImportCheckSeconds"] = "3600";
        start.Environment["Scoring__Forecasts"] = "false";
        start.Environment["Map__BasemapUrl"] = "";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<HttpStatusCode?> TryGet(HttpClient http, string path)
    {
        try
        {
            return (await http.GetAsync(path)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
