using System.Text.Json;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// Two quarters compared on the compare page: a link opens both quarters side by side where it left them, the maps pan
/// together, the change map says "no clear change" for a change within its uncertainty, and a planner's change map
/// shows no change outside their scope; the same for the change map of an indicator's rate.
/// </summary>
public class PeriodComparisonTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string Extent = "48,68,5";

    private static async Task<string> EarlierPeriodAsync(IPage page, string period)
    {
        var periods = (await ScoreUncertaintyPageTests.ApiAsync(page, "/api/periods")).GetProperty("periods").EnumerateArray().Select(p => p.GetString()!).ToList();
        return periods[periods.IndexOf(period) - 1];
    }

    private static async Task OpenComparisonAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await BrowserApp.WaitUntilReadyAsync(page);
        await page.WaitForSelectorAsync("body[data-comparison='ready']");
    }

    [Fact]
    public async Task An_analyst_s_link_opens_both_quarters_the_maps_pan_together_and_the_change_map_says_no_clear_change()
    {
        var (page, errors) = await app.OpenAsync("/compare.html?lang=ru&compare=quarters", "ru-RU", signedInAs: "analyst");
        var (code, period, _) = await ScoreUncertaintyPageTests.DistrictWithAsync(page, clear: false);
        var earlier = await EarlierPeriodAsync(page, period);

        await OpenComparisonAsync(page, $"{app.BaseUrl}/compare.html?lang=ru&compare=quarters&period={period}&against=quarter&show=split&extent={Extent}");
        await Assertions.Expect(page.Locator("#earlier-figure")).ToHaveAttributeAsync("data-period", earlier);
        await Assertions.Expect(page.Locator("#later-figure")).ToHaveAttributeAsync("data-period", period);
        await Assertions.Expect(page.Locator("#earlier-label")).ToContainTextAsync("Карта:");
        await Assertions.Expect(page.Locator("#earlier-legend")).ToContainTextAsync("Очень высокий");
        await Assertions.Expect(page.Locator($"#later-map path[data-kato='{code}']")).ToHaveAttributeAsync("data-class", new System.Text.RegularExpressions.Regex("^[1-5]$"));
        var earlierMap = page.Locator("#earlier-map");
        var laterMap = page.Locator("#later-map");
        await Assertions.Expect(laterMap).ToHaveAttributeAsync("data-extent", "48.0000,68.0000,5");

        // Panning the earlier quarter's map with the keyboard moves the selected quarter's map with it, and the link.
        await earlierMap.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(earlierMap).Not.ToHaveAttributeAsync("data-extent", "48.0000,68.0000,5");
        var moved = await earlierMap.GetAttributeAsync("data-extent");
        await Assertions.Expect(laterMap).ToHaveAttributeAsync("data-extent", moved!);
        Assert.DoesNotContain("extent=48%2C68%2C5", page.Url);

        await page.Locator("#show-select").SelectOptionAsync("change");
        await page.WaitForSelectorAsync("body[data-comparison='ready']");
        await Assertions.Expect(page.Locator($"#change-map path[data-kato='{code}']")).ToHaveAttributeAsync("data-change", "steady");
        await Assertions.Expect(page.Locator("#change-legend li[data-change='steady']")).ToHaveTextAsync("Без явного изменения (в пределах неопределённости)");
        await Assertions.Expect(page.Locator("#change-legend")).ToContainTextAsync("Изменение в пунктах сопоставимого во времени балла");
        await Assertions.Expect(page.Locator("#change-download")).ToHaveTextAsync("Скачать карту изменений (PNG)");
        Assert.Contains("show=change", page.Url);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_planner_s_change_map_shows_changes_in_their_city_only_and_fits_a_phone()
    {
        var (page, errors) = await app.OpenAsync("/compare.html?lang=ru&compare=quarters&show=change", "ru-RU", signedInAs: "planner-75");
        await page.WaitForSelectorAsync("body[data-comparison='ready']");
        var map = page.Locator("#change-map");
        await Assertions.Expect(map.Locator("path[data-kato^='75']:not([data-change='none'])").First).ToBeAttachedAsync();
        Assert.True(await map.Locator("path[data-kato]").CountAsync() > 200);
        Assert.Equal(0, await map.Locator("path[data-kato]:not([data-kato^='75']):not([data-change='none'])").CountAsync());

        await page.SetViewportSizeAsync(390, 800);
        await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        // Every control and both maps' download are reached by scrolling down only.
        Assert.True(await page.EvaluateAsync<bool>("""
            () => [...document.querySelectorAll('#periods-form select, #change-download')]
                .every((el) => el.getBoundingClientRect().right <= document.documentElement.clientWidth)
            """));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_link_opens_the_rate_change_map_with_clear_and_unclear_changes_only_inside_a_planner_s_city()
    {
        const string Link = "/compare.html?lang=en&compare=quarters&show=rate-change&measure=indicator:offences_against_minors&against=year";
        var (page, errors) = await app.OpenAsync(Link, signedInAs: "planner-75");
        await page.WaitForSelectorAsync("body[data-comparison='ready']");
        var map = page.Locator("#change-map");

        await Assertions.Expect(page.Locator("#change-label")).ToContainTextAsync("Rate change map");
        await Assertions.Expect(page.Locator("#change-legend")).ToContainTextAsync("Change in rate per 1,000 pupils");
        await Assertions.Expect(page.Locator("#change-legend li[data-change='rise-1']")).ToContainTextAsync("under 25% of the earlier rate");
        await Assertions.Expect(map.Locator("path[data-kato^='75']:not([data-change='none'])").First).ToBeAttachedAsync();
        Assert.Equal(0, await map.Locator("path[data-kato]:not([data-kato^='75']):not([data-change='none'])").CountAsync());
        var changes = await map.Locator("path[data-kato^='75']").EvaluateAllAsync<string[]>("paths => paths.map(p => p.dataset.change)");
        Assert.All(changes, change => Assert.Matches("^(rise-[1-3]|fall-[1-3]|steady|none)$", change));
        await Assertions.Expect(page.Locator("#change-download")).ToBeVisibleAsync();
        Assert.Contains("show=rate-change", page.Url);

        // The composite score has no rate: the page says to choose an indicator, and draws no change map.
        await page.Locator("#measure-select").SelectOptionAsync("composite");
        await page.WaitForSelectorAsync("body[data-comparison='ready']");
        await Assertions.Expect(page.Locator("#periods-note")).ToContainTextAsync("choose one under");
        await Assertions.Expect(page.Locator("#change-figure")).ToBeHiddenAsync();
        Assert.Empty(errors);
    }
}
