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
    private static Task<JsonElement> ApiAsync(IPage page, string url) =>
        page.EvaluateAsync<JsonElement>($"fetch('{url}').then(r => r.json())");

    /// <summary>A district with a change against the previous quarter that the run judged clear (or not).</summary>
    private static string DistrictWith(JsonElement table, bool clear) => table.GetProperty("units").EnumerateArray()
        .First(u => u.GetProperty("clearChangeQuarter").ValueKind == (clear ? JsonValueKind.True : JsonValueKind.False)
                    && Math.Abs(u.GetProperty("changeQuarter").GetDouble()) >= 0.05)
        .GetProperty("code").GetString()!;

    [Fact]
    public async Task A_change_within_its_uncertainty_reads_no_clear_change_and_a_clear_one_a_rise_or_fall_with_the_score_s_interval()
    {
        // Signed in through the English form; the profiles are then read in Russian.
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await SignInForm.SignInAsync(page, "analyst");
        var table = await ApiAsync(page, "/api/scores?level=district");
        var profile = page.Locator("#profile");

        await page.GotoAsync($"{app.BaseUrl}/?lang=ru&unit={DistrictWith(table, clear: false)}");
        await BrowserApp.WaitUntilReadyAsync(page);
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.Locator("[data-change=quarter]")).ToContainTextAsync("без явного изменения");
        await Assertions.Expect(profile.Locator(".profile-score")).ToHaveTextAsync(new Regex(@"^\d+,\d \(\d+,\d–\d+,\d\) из 10$"));
        await Assertions.Expect(profile.Locator(".profile-high-risk")).ToHaveTextAsync(new Regex(@"^\d+\s?%$"));

        var clear = DistrictWith(table, clear: true);
        var change = table.GetProperty("units").EnumerateArray().First(u => u.GetProperty("code").GetString() == clear).GetProperty("changeQuarter").GetDouble();
        await page.GotoAsync($"{app.BaseUrl}/?lang=ru&unit={clear}");
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
