using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The schools of an opened district on the map: clustered markers coloured by class for a caller whose scope holds the
/// district, a school's profile on a click; none (and not even a request for them) for a district outside the scope or
/// for the public.
/// </summary>
public class SchoolLayerTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string Almaly = "751110000";
    private const string Astana = "710000000";

    private static readonly string[] ClassNames = ["Very low", "Low", "Medium", "High", "Very high"];

    [Fact]
    public async Task A_planner_sees_every_school_of_a_district_of_their_region_coloured_by_class_and_opens_one_schools_profile()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "planner-75");
        await OpenDistrictAsync(page, Almaly);
        var map = page.Locator("#map");
        var schools = (await GetAsync(page, $"/api/schools?district={Almaly}&limit=10000")).GetProperty("features");
        Assert.True(schools.GetArrayLength() > 1, "The demo district should have schools");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-schools", schools.GetArrayLength().ToString(CultureInfo.InvariantCulture));
        // Every school is on the map, alone or counted by its cluster.
        Assert.Equal(schools.GetArrayLength(), await page.EvaluateAsync<int>("""
            () => document.querySelectorAll("#map [data-school]").length
              + [...document.querySelectorAll("#map .school-cluster")].reduce((n, c) => n + Number(c.dataset.count), 0)
            """));

        // Zoom in by clicking clusters until single schools show; each has its class of the score table.
        var markers = page.Locator("#map [data-school]");
        for (var i = 0; i < 12 && await markers.CountAsync() == 0; i++)
        {
            var cluster = await page.Locator("#map .school-cluster").First.ElementHandleAsync();
            await cluster.ClickAsync();
            // The clicked cluster is replaced when its zoom ends; at the last zoom it spreads into single schools instead.
            await page.WaitForFunctionAsync("cluster => !cluster.isConnected || document.querySelector('#map [data-school]') !== null", cluster);
        }
        await Assertions.Expect(markers.First).ToBeAttachedAsync();
        var classes = (await GetAsync(page, $"/api/scores?level=school&district={Almaly}")).GetProperty("units").EnumerateArray()
            .ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("class").ValueKind == JsonValueKind.Number ? u.GetProperty("class").GetInt32().ToString(CultureInfo.InvariantCulture) : "none");
        foreach (var marker in await markers.AllAsync())
            Assert.Equal(classes[(await marker.GetAttributeAsync("data-school"))!], await marker.GetAttributeAsync("data-class"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("school-markers.png") });

        // A click on a school opens its profile with the API's figures.
        var school = markers.First;
        var code = (await school.GetAttributeAsync("data-school"))!;
        var api = await GetAsync(page, $"/api/scores/school/{code}");
        var latest = api.GetProperty("latest");
        var name = latest.GetProperty("nameEn").GetString() ?? latest.GetProperty("nameRu").GetString()!;
        var className = ClassNames[latest.GetProperty("class").GetInt32() - 1];
        await Assertions.Expect(school).ToHaveAttributeAsync("aria-label", new Regex($"^{Regex.Escape($"{name}, risk level: {className}")}"));
        await school.ClickAsync();
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Name = name, Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.Locator(".profile-class")).ToHaveTextAsync(className);
        async Task<string> Score(double value) => await page.EvaluateAsync<string>(
            "s => new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(s)", value);
        var interval = latest.GetProperty("scoreInterval");
        await Assertions.Expect(profile.Locator(".profile-score")).ToHaveTextAsync(
            $"{await Score(latest.GetProperty("score").GetDouble())} ({await Score(interval.GetProperty("low").GetDouble())}–{await Score(interval.GetProperty("high").GetDouble())}) of 10");
        // A planner's rank is among the schools of their region, with no national band that would count schools outside it.
        Assert.Equal(JsonValueKind.Null, latest.GetProperty("rankBand").ValueKind);
        var almatySchools = (await GetAsync(page, "/api/scores?level=school&region=750000000")).GetProperty("units").EnumerateArray()
            .Count(u => u.GetProperty("score").ValueKind == JsonValueKind.Number);
        Assert.Equal(almatySchools, latest.GetProperty("rankAmong").GetInt32());
        await Assertions.Expect(profile.Locator(".profile-facts")).ToContainTextAsync("Rank within your access");
        await Assertions.Expect(profile.Locator(".profile-rank")).ToHaveTextAsync(string.Create(CultureInfo.GetCultureInfo("en-GB"),
            $"rank {latest.GetProperty("rank").GetInt32():N0} of {almatySchools:N0}"));
        await Assertions.Expect(profile.Locator(".bar-row")).ToHaveCountAsync(api.GetProperty("contributions").GetArrayLength());
        var history = api.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("score").ValueKind == JsonValueKind.Number);
        await Assertions.Expect(profile.Locator("svg.line-chart .line-chart-point")).ToHaveCountAsync(history);
        var breadcrumb = page.Locator("#breadcrumb");
        await Assertions.Expect(breadcrumb).ToHaveTextAsync(new Regex($"^Kazakhstan.*Almaty.*Almaly.*{Regex.Escape(name)}$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("school-profile.png") });

        // Escape goes back to the district's profile with its schools; the region crumb leaves the district and its schools.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(profile.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Name = "Almaly", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(breadcrumb.Locator("[aria-current]")).ToHaveTextAsync("Almaly");
        Assert.True(await markers.CountAsync() > 0, "The district's schools should stay");

        // A school opens from the keyboard too, and the markers speak the UI language.
        await markers.Last.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(breadcrumb.Locator("li")).ToHaveCountAsync(4);
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(breadcrumb.Locator("li")).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Русский" }).ClickAsync();
        await Assertions.Expect(school).ToHaveAttributeAsync("aria-label", new Regex(", уровень риска: "));

        await breadcrumb.GetByRole(AriaRole.Button).Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("#map[data-schools]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#map [data-school], #map .school-cluster")).ToHaveCountAsync(0);
        Assert.Empty(await page.EvaluateAsync<string[]>("window.cspViolations"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_planner_sees_no_school_of_another_region_and_does_not_ask_for_them()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "planner-75");
        var astanaDistrict = await page.EvaluateAsync<string>(
            $"fetch('/api/districts').then(r => r.json()).then(c => c.features.find(f => f.properties.region_kato === '{Astana}').properties.kato)");
        var schoolRequests = RecordSchoolRequests(page);

        await OpenDistrictAsync(page, astanaDistrict);
        await AssertNoSchoolsAsync(page, schoolRequests);
        Assert.Empty(errors);

        // The same user does see the schools of a district of their own region.
        await OpenDistrictAsync(page, Almaly);
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-schools", new Regex("^[1-9]"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_public_sees_no_school_and_does_not_ask_for_them()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        var schoolRequests = RecordSchoolRequests(page);
        await OpenDistrictAsync(page, Almaly);
        await Assertions.Expect(page.Locator("#profile .profile-class")).ToBeVisibleAsync();
        await AssertNoSchoolsAsync(page, schoolRequests);
        Assert.Empty(errors);
    }

    /// <summary>Opens a district by a link, as the signed-in user, and waits until its profile and every request are done.</summary>
    private async Task OpenDistrictAsync(IPage page, string district)
    {
        await page.GotoAsync($"{app.BaseUrl}/?lang=en&unit={district}");
        await BrowserApp.WaitUntilReadyAsync(page);
        await Assertions.Expect(page.Locator("#profile")).ToHaveAttributeAsync("data-profile", "ready");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>The page's requests for schools or school-level scores from now on.</summary>
    private static List<string> RecordSchoolRequests(IPage page)
    {
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/schools", StringComparison.Ordinal) || request.Url.Contains("level=school", StringComparison.Ordinal)
                || request.Url.Contains("/api/scores/school/", StringComparison.Ordinal))
                requests.Add(request.Url);
        };
        return requests;
    }

    private static async Task AssertNoSchoolsAsync(IPage page, List<string> schoolRequests)
    {
        Assert.Null(await page.Locator("#map").GetAttributeAsync("data-schools"));
        Assert.Equal(0, await page.Locator("#map [data-school], #map .school-cluster").CountAsync());
        Assert.Empty(schoolRequests);
    }

    /// <summary>GET path through the page's own origin, as the page's user.</summary>
    private static Task<JsonElement> GetAsync(IPage page, string path) =>
        page.EvaluateAsync<JsonElement>("path => fetch(path).then(r => r.json())", path);
}
