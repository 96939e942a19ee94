using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// A school's profile in the address: choosing a school puts it in the link, and the link opens the school's profile
/// in the same view (quarter, measure, classes) for a user who may see the school; another region's planner and the
/// public get the district as they may see it, and nothing of the school, not even a request for it.
/// </summary>
public class SchoolLinkTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string Almaly = "751110000";

    [Fact]
    public async Task A_chosen_school_is_in_the_link_and_the_link_opens_its_profile_in_the_same_view()
    {
        var (page, errors) = await app.OpenAsync($"/?lang=en&unit={Almaly}", signedInAs: "edu-75");
        var school = await SecondRiskiestSchoolAsync(page);

        // Choosing the school from the list puts it in the address.
        var row = page.Locator($"#hotspots-table tbody tr[data-school='{school}']");
        await row.Locator("th button").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"[?&]school={school}(&|$)"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"[?&]unit={Almaly}(&|$)"));

        // The link, with another quarter, a domain and quintiles, opens the school's profile in that view.
        var (period, domain, latest) = await OtherViewAsync(page, school);
        var view = $"period={period}&measure=domain:{domain}&classes=quantile";
        var name = latest.GetProperty("nameEn").ValueKind == JsonValueKind.String ? latest.GetProperty("nameEn").GetString()! : latest.GetProperty("nameRu").GetString()!;
        await page.GotoAsync($"{app.BaseUrl}/?lang=en&{view}&unit={Almaly}&school={school}");
        await BrowserApp.WaitUntilReadyAsync(page);
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(page.Locator("#profile-title")).ToHaveTextAsync(name);
        await Assertions.Expect(profile.Locator(".profile-view")).ToContainTextAsync("Quintiles");
        await Assertions.Expect(profile.Locator(".profile-view")).ToContainTextAsync(await page.EvaluateAsync<string>(
            "p => { const [y, q] = p.split('Q'); return `Q${q} ${y}`; }", period));
        var cls = latest.GetProperty("class").GetInt32();
        await Assertions.Expect(profile.Locator(".profile-class")).ToHaveTextAsync(new[] { "Very low", "Low", "Medium", "High", "Very high" }[cls - 1]);
        await Assertions.Expect(page.Locator("#measure-select")).ToHaveValueAsync($"domain:{domain}");
        await Assertions.Expect(page.Locator("#breadcrumb [aria-current]")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-revealed", school, new() { Timeout = 30_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"[?&]school={school}(&|$)"));

        // Closing the school's profile goes back to its district, and the school leaves the address.
        await profile.GetByRole(AriaRole.Button, new() { Name = "Close profile" }).ClickAsync();
        await Assertions.Expect(page.Locator("#profile-title")).ToHaveTextAsync("Almaly");
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("school="));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("planner-71")]
    [InlineData(null)]
    public async Task A_link_to_a_school_shows_nothing_of_it_to_whoever_may_not_see_it(string? user)
    {
        var (analyst, _) = await app.OpenAsync("/?lang=en", signedInAs: "analyst");
        var school = await SecondRiskiestSchoolAsync(analyst);
        var names = await analyst.EvaluateAsync<string[]>(
            $"fetch('/api/scores/school/{school}').then(r => r.json()).then(p => [p.latest.nameKk, p.latest.nameRu, p.latest.nameEn].filter(Boolean))");

        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: user);
        var schoolRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.IsNavigationRequest && request.Url.Contains(school, StringComparison.Ordinal)) schoolRequests.Add(request.Url);
        };
        await page.GotoAsync($"{app.BaseUrl}/?lang=en&unit={Almaly}&school={school}");
        await BrowserApp.WaitUntilReadyAsync(page);

        // The district opens as this caller may see it; the school nowhere.
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(page.Locator("#profile-title")).ToHaveTextAsync("Almaly");
        await Assertions.Expect(page.Locator("#error-box")).ToBeHiddenAsync();
        var text = await page.Locator("body").InnerTextAsync();
        Assert.All(names, name => Assert.DoesNotContain(name, text, StringComparison.Ordinal));
        Assert.DoesNotContain(school, text, StringComparison.Ordinal);
        Assert.Empty(schoolRequests);
        Assert.Empty(errors);
    }

    /// <summary>The code of Almaly's second riskiest school, as the page's user lists them.</summary>
    private static async Task<string> SecondRiskiestSchoolAsync(IPage page) =>
        await page.EvaluateAsync<string>($"fetch('/api/hotspots?level=school&top=2&district={Almaly}').then(r => r.json()).then(l => l.units[1].unit.code)");

    /// <summary>The run's first quarter and first domain: a view other than the page's default.</summary>
    /// <summary>A quarter before the latest and a domain in which the school has a risk level, with its profile there.</summary>
    private static async Task<(string Period, string Domain, JsonElement Latest)> OtherViewAsync(IPage page, string school)
    {
        var status = await page.EvaluateAsync<JsonElement>("fetch('/api/score-runs/current').then(r => r.json())");
        var periods = status.GetProperty("published").GetProperty("periods").EnumerateArray().Select(p => p.GetString()!).SkipLast(1);
        var domains = await page.EvaluateAsync<string[]>("fetch('/api/hotspots?top=1').then(r => r.json()).then(l => l.domains)");
        foreach (var period in periods)
            foreach (var domain in domains)
            {
                var latest = (await page.EvaluateAsync<JsonElement>(
                    $"fetch('/api/scores/school/{school}?period={period}&domain={domain}&classes=quantile').then(r => r.json())")).GetProperty("latest");
                if (latest.GetProperty("class").ValueKind == JsonValueKind.Number) return (period, domain, latest);
            }
        throw new InvalidOperationException($"school {school} has a domain level in no earlier quarter");
    }
}
