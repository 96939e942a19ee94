using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using RiskMap.TestSupport;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The README's first command, run as a user runs it: <c>./riskmap up</c> must reach a healthy service with the demo
/// data, and a second <c>up</c> must reuse what exists and lose nothing. It uses a database of its own.
/// </summary>
public sealed class RiskmapUpTests : IAsyncLifetime
{
    private readonly string _database = "riskmap_up_" + Guid.NewGuid().ToString("N")[..10];
    private readonly int _port = FreePort();
    // A limit, not a wait: a service that has just started on a machine busy with other tests took over 10 s to answer its
    // first /api/about (load average 30).
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(90) };

    public Task InitializeAsync()
    {
        _http.BaseAddress = new Uri(Url(""));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task Up_serves_the_demo_data_and_a_second_up_keeps_everything()
    {
        var first = await RunUpAsync();
        Assert.Equal((20, 224, 7_687), first.Counts);
        Assert.True(first.Demo);

        var second = await RunUpAsync();
        Assert.Equal(first.Counts, second.Counts);
        Assert.Equal(first.ImportBatches, second.ImportBatches);
    }

    private sealed record Snapshot((int Regions, int Districts, int Schools) Counts, bool Demo, int ImportBatches);

    private async Task<Snapshot> RunUpAsync()
    {
        var log = new StringBuilder();
        using var process = StartUp(log);
        try
        {
            await WaitForHealthAsync(process, log);
            using var about = JsonDocument.Parse(await _http.GetStringAsync(Url("/api/about")));
            var counts = about.RootElement.GetProperty("counts");
            // The import history is the data steward's; `up` creates the demo users with the demo data.
            using var importsRequest = new HttpRequestMessage(HttpMethod.Get, Url("/api/imports"));
            importsRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TestUsers.TokenAsync(_http, "steward"));
            using var imports = JsonDocument.Parse(await (await _http.SendAsync(importsRequest)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
            return new Snapshot(
                (counts.GetProperty("regions").GetInt32(), counts.GetProperty("districts").GetInt32(), counts.GetProperty("schools").GetInt32()),
                about.RootElement.GetProperty("demo").GetBoolean(),
                imports.RootElement.GetArrayLength());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private Process StartUp(StringBuilder log)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(GeoData.RepositoryRoot(), "riskmap"), "up"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The script must start from what a user has: no connection string, its own database and port.
        start.Environment.Remove("ConnectionStrings__RiskMap");
        start.Environment["RISKMAP_DB"] = _database;
        start.Environment["ASPNETCORE_URLS"] = Url("");
        start.Environment["Map__BasemapUrl"] = "";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForHealthAsync(Process process, StringBuilder log)
    {
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                Assert.False(process.HasExited, $"./riskmap up exited with {(process.HasExited ? process.ExitCode : 0)}:\n{log}");
                try
                {
                    return (await _http.GetAsync(Url("/health"))).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false; // Not listening yet.
                }
            }, "/health to answer 200", TimeSpan.FromMinutes(10));
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\n{log}", timeout);
        }
    }

    private string Url(string path) => $"http://127.0.0.1:{_port}{path}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
