using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// What the map page's first load costs in scripts: the Release build serves it one minified bundle (and the chunks
/// that bundle shares), and a visitor who is no planner never loads the programme modules or their texts.
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
        Assert.True(scripts.Length <= 3, $"The map page loaded {scripts.Length} scripts: {string.Join(", ", scripts)}");
        Assert.Empty(errors);
    }
}
