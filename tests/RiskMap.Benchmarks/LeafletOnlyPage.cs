using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RiskMap.Benchmarks;

/// <summary>
/// The baseline: a page that only draws an empty Leaflet map of Kazakhstan (no data, no RiskMap code) with the Leaflet
/// files of the service under test, served by Kestrel on another loopback port, since a page the benchmark routed
/// through Playwright would not use the HTTP cache. It marks its first paint as the map page does.
/// </summary>
internal sealed class LeafletOnlyPage : IAsyncDisposable
{
    public const string PaintedMark = "baseline:leaflet-painted";

    private readonly WebApplication _app;

    private LeafletOnlyPage(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    public static async Task<LeafletOnlyPage> StartAsync(string serviceUrl)
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var html = Html(serviceUrl);
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync();
        return new LeafletOnlyPage(app);
    }

    private static string Html(string serviceUrl) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Leaflet only</title>
          <link rel="stylesheet" href="{{serviceUrl}}/lib/leaflet/leaflet.css">
          <style>html, body, #map { height: 100%; margin: 0; }</style>
          <script src="{{serviceUrl}}/lib/leaflet/leaflet.js" defer></script>
          <script type="module">
            L.map("map").fitBounds([[40.5, 46.5], [55.5, 87.4]]);
            requestAnimationFrame(() => setTimeout(() => performance.mark("{{PaintedMark}}")));
          </script>
        </head>
        <body><div id="map"></div></body>
        </html>
        """;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
