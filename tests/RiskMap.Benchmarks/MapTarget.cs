using Microsoft.Playwright;
using RiskMap.Browser.Tests;
using Xunit;

namespace RiskMap.Benchmarks;

/// <summary>The service the benchmark loads, and the browser it loads it in.</summary>
internal sealed class MapTarget : IAsyncDisposable
{
    private readonly Func<Task> _stop;

    private MapTarget(string baseUrl, IBrowser browser, string description, Func<Task> stop)
    {
        BaseUrl = baseUrl;
        Browser = browser;
        Description = description;
        _stop = stop;
    }

    public string BaseUrl { get; }

    public IBrowser Browser { get; }

    public string Description { get; }

    /// <summary>RiskMap started here as the browser tests start it: a fresh database with the demo data, one published score run.</summary>
    public static async Task<MapTarget> StartDemoAsync()
    {
        var app = new BenchmarkApp();
        IAsyncLifetime lifetime = app;
        try
        {
            await lifetime.InitializeAsync();
        }
        catch (Exception failure)
        {
            // Drops the database if it was made; a failure to clean up must not hide why the start failed.
            try
            {
                await lifetime.DisposeAsync();
            }
            catch (Exception cleanup)
            {
                throw new AggregateException(failure, cleanup);
            }
            throw;
        }
        return new MapTarget(app.BaseUrl, app.Browser, "RiskMap started by the benchmark (demo data, one published score run, no basemap)",
            lifetime.DisposeAsync);
    }

    /// <summary>A service that is already running, e.g. <c>./riskmap up</c>.</summary>
    public static async Task<MapTarget> AtAsync(string url)
    {
        var chromium = await Chromium.LaunchAsync();
        return new MapTarget(url.TrimEnd('/'), chromium.Browser, "RiskMap already running", () => chromium.DisposeAsync().AsTask());
    }

    public async ValueTask DisposeAsync() => await _stop();
}
