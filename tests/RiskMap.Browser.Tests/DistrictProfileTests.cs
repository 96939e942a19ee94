using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// Drill-down on the map: a click on a district zooms to its region, a second click opens the district's profile in the
/// side panel (the same figures as the API's), the breadcrumb goes back up, and a link with a district opens its profile.
/// </summary>
public class DistrictProfileTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string Almaly = "751110000";
    private const string AlmatyCity = "750000000";

    private static readonly string[] ClassNames = ["Very low", "Low", "Medium", "High", "Very high"];

    [Fact]
    public async Task An_analyst_clicks_a_district_and_sees_the_apis_score_class_rank_contributions_and_trend_then_goes_back_up()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "analyst");
        var api = await ProfileAsync(page);
        var latest = api.GetProperty("latest");
        Assert.True(latest.GetProperty("detailed").GetBoolean(), "The analyst should see the details");
        var breadcrumb = page.Locator("#breadcrumb");
        await Assertions.Expect(breadcrumb).ToHaveTextAsync("Kazakhstan");

        // The first click shows the region, the second the district's profile.
        await DistrictPaths.ClickAsync(page, Almaly);
        await Assertions.Expect(breadcrumb).ToContainTextAsync("Almaty");
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToBeHiddenAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"unit={AlmatyCity}")));
        await DistrictPaths.ClickAsync(page, Almaly);
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"unit={Almaly}")));
        await Assertions.Expect(breadcrumb).ToHaveTextAsync(new Regex("^Kazakhstan.*Almaty.*Almaly$"));

        await Assertions.Expect(profile.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Name = "Almaly", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(profile.Locator(".profile-class")).ToHaveTextAsync(ClassNames[latest.GetProperty("class").GetInt32() - 1]);
        async Task<string> Score(double value) => await page.EvaluateAsync<string>(
            "s => new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(s)", value);
        var interval = latest.GetProperty("scoreInterval");
        await Assertions.Expect(profile.Locator(".profile-score")).ToHaveTextAsync(
            $"{await Score(latest.GetProperty("score").GetDouble())} ({await Score(interval.GetProperty("low").GetDouble())}–{await Score(interval.GetProperty("high").GetDouble())}) of 10");
        var band = latest.GetProperty("rankBand");
        await Assertions.Expect(profile.Locator(".profile-rank")).ToHaveTextAsync(
            $"rank {latest.GetProperty("rank").GetInt32()} ({band.GetProperty("low").GetInt32()}–{band.GetProperty("high").GetInt32()}) of 224");

        var contributions = api.GetProperty("contributions").GetArrayLength();
        Assert.True(contributions > 0, "The API should name what drives the score");
        await Assertions.Expect(profile.Locator(".bar-row")).ToHaveCountAsync(contributions);
        var labels = await profile.Locator(".bar-label").AllTextContentsAsync();
        Assert.DoesNotContain(labels, label => label.Contains('_', StringComparison.Ordinal));
        var widths = await profile.Locator(".bar").EvaluateAllAsync<double[]>("bars => bars.map(b => parseFloat(b.style.width))");
        Assert.Equal(widths.OrderByDescending(width => width), widths); // largest first
        var history = api.GetProperty("history").GetArrayLength();
        Assert.True(history >= 2, "The API should have a history");
        await Assertions.Expect(profile.Locator("svg.line-chart .line-chart-point")).ToHaveCountAsync(history);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("district-profile.png") });

        // Escape closes the profile and leaves the region; the breadcrumb's first crumb goes back to the national view.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(profile).ToBeHiddenAsync();
        await Assertions.Expect(breadcrumb.Locator("[aria-current]")).ToHaveTextAsync("Almaty (city)");
        await breadcrumb.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Kazakhstan" }).ClickAsync();
        await Assertions.Expect(breadcrumb).ToHaveTextAsync("Kazakhstan");
        await DistrictPaths.ExpectCountAsync(page, 0, ".selected");
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("unit="));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_link_with_a_district_opens_its_profile_in_russian_and_its_close_button_and_region_crumb_go_back_up()
    {
        var (page, errors) = await app.OpenAsync($"/?lang=ru&unit={Almaly}", signedInAs: "analyst");
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Level = 2 })).ToHaveTextAsync("Алмалинский");
        await Assertions.Expect(profile.Locator(".profile-rank")).ToContainTextAsync("из 224");
        var breadcrumb = page.Locator("#breadcrumb");
        await Assertions.Expect(breadcrumb).ToHaveTextAsync(new Regex("^Казахстан.*Алмалинский$"));

        await profile.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Закрыть профиль" }).ClickAsync();
        await Assertions.Expect(profile).ToBeHiddenAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"unit={AlmatyCity}")));

        await page.GotoAsync($"{app.BaseUrl}/?lang=en&unit={Almaly}");
        await BrowserApp.WaitUntilReadyAsync(page);
        await Assertions.Expect(profile).ToBeVisibleAsync();
        var regionCrumb = breadcrumb.GetByRole(AriaRole.Button).Nth(1);
        await regionCrumb.ClickAsync();
        await Assertions.Expect(profile).ToBeHiddenAsync();
        await Assertions.Expect(breadcrumb.Locator("[aria-current]")).ToContainTextAsync("Almaty");
        await DistrictPaths.ExpectCountAsync(page, 2, int.MaxValue, ".selected", "The region's districts should be selected.");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_public_sees_the_class_and_a_sign_in_note_but_no_score()
    {
        var (page, errors) = await app.OpenAsync($"/?lang=en&unit={Almaly}");
        var latest = (await ProfileAsync(page)).GetProperty("latest");
        Assert.False(latest.GetProperty("detailed").GetBoolean());
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.Locator(".profile-class")).ToHaveTextAsync(ClassNames[latest.GetProperty("class").GetInt32() - 1]);
        await Assertions.Expect(profile).ToContainTextAsync("shown after signing in");
        await Assertions.Expect(profile.Locator(".profile-score, .profile-rank, .bar-row, svg")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    /// <summary>GET /api/scores/district/{Almaly} through the page's own origin, as the page's user.</summary>
    private static Task<JsonElement> ProfileAsync(IPage page) =>
        page.EvaluateAsync<JsonElement>($"fetch('/api/scores/district/{Almaly}').then(r => r.json())");
}
