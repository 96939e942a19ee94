using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// A keyboard user with a district's profile open tabs from the panel's controls into the hotspot table: the profile's
/// heading stays in sight (not scrolled away, not covered) and so does the row the focus lands on, at 1366 px and on a phone.
/// </summary>
public class PanelFocusTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string Almaly = "751110000";

    /// <summary>Whether the element's centre is on screen and the element itself (not something over it) is drawn there.</summary>
    private const string Uncovered = """
        e => {
          const r = e.getBoundingClientRect();
          const x = r.left + Math.min(r.width / 2, 20), y = r.top + r.height / 2;
          if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
          const hit = document.elementFromPoint(x, y);
          return hit !== null && (e.contains(hit) || hit.contains(e));
        }
        """;

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task Tabbing_into_the_hotspot_table_keeps_the_open_profile_s_heading_and_the_focused_row_in_sight(int width, int height)
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "analyst");
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync($"{app.BaseUrl}/?lang=en&unit={Almaly}");
        await BrowserApp.WaitUntilReadyAsync(page);
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(page.Locator("#hotspots-table tbody tr[data-kato]")).ToHaveCountAsync(8);
        // The profile's charts are drawn, so the profile has its full height.
        await Assertions.Expect(profile.Locator("svg.line-chart")).ToBeVisibleAsync();

        await page.Locator("#hotspots-size").FocusAsync();
        var inRow = false;
        for (var presses = 0; presses < 12 && !inRow; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            inRow = await page.EvaluateAsync<bool>("() => document.activeElement?.closest('#hotspots-table tbody tr') !== null");
        }
        Assert.True(inRow, "Tab should reach a row of the hotspot table");

        var title = page.Locator("#profile-title");
        var focused = page.Locator("#hotspots-table tbody tr:has(:focus)");
        await Assertions.Expect(title).ToHaveTextAsync("Almaly");
        await Assertions.Expect(title).ToBeInViewportAsync();
        await Assertions.Expect(focused).ToBeInViewportAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath($"panel-focus-{width}.png") });
        Assert.True(await title.EvaluateAsync<bool>(Uncovered), "The profile's heading should be drawn, not hidden under something else");
        Assert.True(await page.Locator(":focus").EvaluateAsync<bool>(Uncovered), "The focused control should be drawn, not hidden under the profile");
        Assert.Empty(errors);
    }
}
