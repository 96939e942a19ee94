using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// What a planner reads of a score under methodology 2.0: a change within its uncertainty says "no clear change", a clear
/// one a rise or a fall; an indicator view gives the rate per 1,000 pupils and the count; "How to read the scores" opens
/// the methodology page in the reader's language.
/// </summary>
public class ScoreUncertaintyPageTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    internal static Task<JsonElement> ApiAsync(IPage page, string url) =>
        page.EvaluateAsync<JsonElement>($"fetch('{url}').then(r => r.json())");

    /// <summary>
    /// A district and quarter with a change against the previous quarter that the run judged clear (or not), and the
    /// change: clear changes are rare (a few districts in some quarters), so every quarter of the run is searched.
    /// </summary>
    internal static async Task<(string Code, string Period, double Change)> DistrictWithAsync(IPage page, bool clear)
    {
        var periods = (await ApiAsync(page, "/api/periods")).GetProperty("periods").EnumerateArray().Select(p => p.GetString()!).Reverse();
        foreach (var period in periods)
        {
            var unit = (await ApiAsync(page, $"/api/scores?level=district&period={period}")).GetProperty("units").EnumerateArray()
                .FirstOrDefault(u => u.TryGetProperty("clearChangeQuarter", out var flag) && flag.ValueKind == (clear ? JsonValueKind.True : JsonValueKind.False)
                                     && Math.Abs(u.GetProperty("changeQuarter").GetDouble()) >= 0.05);
            if (unit.ValueKind == JsonValueKind.Object) return (unit.GetProperty("code").GetString()!, period, unit.GetProperty("changeQuarter").GetDouble());
        }
        throw new InvalidOperationException($"no district with a {(clear ? "clear" : "not clear")} change in any quarter");
    }

    [Fact]
    public async Task A_change_within_its_uncertainty_reads_no_clear_change_and_a_clear_one_a_rise_or_fall_with_the_score_s_interval()
    {
        // Signed in through the English form; the profiles are then read in Russian.
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await SignInForm.SignInAsync(page, "analyst");
        var profile = page.Locator("#profile");

        var (noClear, noClearPeriod, _) = await DistrictWithAsync(page, clear: false);
        await page.GotoAsync($"{app.BaseUrl}/?lang=ru&period={noClearPeriod}&unit={noClear}");
        await BrowserApp.WaitUntilReadyAsync(page);
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.Locator("[data-change=quarter]")).ToContainTextAsync("без явного изменения");
        await Assertions.Expect(profile.Locator(".profile-score")).ToHaveTextAsync(new Regex(@"^\d+,\d \(\d+,\d–\d+,\d\) из 10$"));
        await Assertions.Expect(profile.Locator(".profile-high-risk")).ToHaveTextAsync(new Regex(@"^\d+\s?%$"));

        var (clear, period, change) = await DistrictWithAsync(page, clear: true);
        await page.GotoAsync($"{app.BaseUrl}/?lang=ru&period={period}&unit={clear}");
        await BrowserApp.WaitUntilReadyAsync(page);
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.Locator("[data-change=quarter]")).ToContainTextAsync(change > 0 ? "▲ рост" : "▼ снижение");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_indicator_view_shows_the_rate_per_1000_pupils_and_the_methodology_link_opens_the_page()
    {
        const string almaly = "751110000";
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await SignInForm.SignInAsync(page, "analyst");
        var value = (await ApiAsync(page, $"/api/scores/district/{almaly}?indicator=bullying_reports")).GetProperty("latest").GetProperty("value");
        var rate = await page.EvaluateAsync<string>("r => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(r)", value.GetProperty("rate").GetDouble());

        await page.GotoAsync($"{app.BaseUrl}/?lang=en&measure=indicator:bullying_reports&unit={almaly}");
        await BrowserApp.WaitUntilReadyAsync(page);
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.Locator(".profile-value")).ToHaveTextAsync(new Regex($"^{Regex.Escape(rate)} per 1,000 pupils · [0-9,]+ cases?$"));

        await profile.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "How to read the scores" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/methodology\.html#en$"));
        await Assertions.Expect(page.Locator("#en h1")).ToHaveTextAsync("How to read the scores");
        await Assertions.Expect(page.Locator("#en")).ToContainTextAsync("relative index");
        Assert.Empty(errors);
    }
}
