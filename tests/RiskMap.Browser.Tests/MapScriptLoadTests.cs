using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// What the map page's first load costs in scripts: the Release build serves it one minified bundle (and the chunks
/// that bundle shares), a visitor who is no planner never loads the programme modules or their texts, and the school
/// clustering library comes only with the first schools shown; the scripts come compressed, and the page itself names
/// (modulepreload) the chunks the bundle imports, so they load beside the bundle.
/// </summary>
public class MapScriptLoadTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    [Fact]
    public async Task The_public_map_loads_its_bundle_and_no_programme_code()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync("Level boundaries");

        var scripts = await page.EvaluateAsync<string[]>("""
            performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.startsWith("/js/"))
            """);
        Assert.Contains("/js/map/app.js", scripts);
        Assert.DoesNotContain(scripts, path => path.Contains("programme", StringComparison.Ordinal));
        // Its bundle and the chunks it shares with what it imports dynamically.
        Assert.True(scripts.Length <= 6, $"The map page loaded {scripts.Length} scripts: {string.Join(", ", scripts)}");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_bundle_and_leaflet_arrive_compressed_and_the_bundles_chunks_are_preloaded_by_the_page()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync("Level boundaries");

        var entries = await page.EvaluateAsync<JsonElement>("""
            performance.getEntriesByType("resource").filter((e) => /^\/(js|lib)\//.test(new URL(e.name).pathname))
              .map((e) => ({ path: new URL(e.name).pathname, encoded: e.encodedBodySize, decoded: e.decodedBodySize }))
            """);
        var loads = entries.EnumerateArray().Select(e => new ScriptLoad(e.GetProperty("path").GetString()!,
            e.GetProperty("encoded").GetInt64(), e.GetProperty("decoded").GetInt64())).ToList();
        foreach (var path in new[] { "/js/map/app.js", "/lib/leaflet/leaflet.js" })
        {
            var load = Assert.Single(loads, l => l.Path == path);
            Assert.True(load.Encoded * 3 < load.Decoded, $"{path}: {load.Encoded} bytes sent for {load.Decoded}");
        }
        var chunks = loads.Where(l => l.Path.StartsWith("/js/chunks/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(chunks);
        var preloaded = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll("link[rel=modulepreload]")].map((link) => new URL(link.href).pathname)
            """);
        Assert.Equal(chunks.Select(chunk => chunk.Path).Order(), preloaded.Order());
        Assert.Empty(errors);
    }

    private sealed record ScriptLoad(string Path, long Encoded, long Decoded);

    [Fact]
    public async Task The_boundaries_run_status_caller_about_and_first_score_table_are_asked_for_once_each_by_the_page_itself_while_its_scripts_load()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await Assertions.Expect(page.Locator("#demo-banner")).ToBeVisibleAsync();

        var requests = await page.EvaluateAsync<string[]>("""
            performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname.startsWith("/api/"))
              .map((e) => `${e.initiatorType} ${new URL(e.name).pathname}${new URL(e.name).search}`)
            """);
        var published = await page.EvaluateAsync<JsonElement>("JSON.parse(document.getElementById('current-run').textContent)");
        var table = $"/api/scores?level=district&run={published.GetProperty("id").GetInt64()}&period={published.GetProperty("periods").EnumerateArray().Last().GetString()}&classes=fixed";
        // Preloaded from index.html (initiator "link"), the default view's district table by the page the host serves,
        // and the map's own requests served by those preloads, not sent again.
        foreach (var url in new[] { "/api/regions?simplify=0.01", "/api/districts?simplify=0.02", "/api/score-runs/current", "/api/auth/me", "/api/about", table })
            Assert.Equal("link " + url, Assert.Single(requests, request => request.EndsWith(" " + url, StringComparison.Ordinal)));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_school_cluster_library_loads_with_the_first_schools_shown_not_before_the_map()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await SignInForm.SignInAsync(page, "planner-75");
        await page.GotoAsync($"{app.BaseUrl}/?lang=en");
        await BrowserApp.WaitUntilReadyAsync(page);
        Assert.DoesNotContain(await LoadedAsync(page), path => path.Contains(MarkerCluster, StringComparison.Ordinal));

        await page.Locator("path.district[data-kato='751110000']").First.DispatchEventAsync("click");
        await page.Locator("path.district[data-kato='751110000']").First.DispatchEventAsync("click");
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-schools", new Regex("^[1-9][0-9]*$"));
        Assert.Contains(await LoadedAsync(page), path => path.Contains(MarkerCluster, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#map .school-cluster, #map [data-school]").First).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    private const string MarkerCluster = "leaflet.markercluster.js";

    private static async Task<string[]> LoadedAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)");
}
