using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>
/// The service as a process of its own on a free loopback port, with the test's settings (configuration keys, as
/// <c>Scheduler:InstanceId</c>): what a test kills as <c>kill -9</c> would, mid-work, with no chance to clean up.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;

    public Uri Address { get; }

    public ServiceProcess(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "RiskMap.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__RiskMap"] = connectionString;
        start.Environment["ASPNETCORE_URLS"] = Address.ToString();
        start.Environment["Map__BasemapUrl"] = "";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>A client of the process once it answers /health.</summary>
    public async Task<HttpClient> StartedClientAsync()
    {
        var http = new HttpClient { BaseAddress = Address };
        await Eventually.HoldsAsync(async () => await HealthAsync(http) == HttpStatusCode.OK, "the service process to start");
        return http;
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown, the process's connections simply end.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static async Task<HttpStatusCode?> HealthAsync(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("/health")).StatusCode;
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
