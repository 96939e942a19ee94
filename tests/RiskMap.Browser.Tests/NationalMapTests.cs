using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The national view after a published score run: districts coloured by class, the selectors for period, measure and
/// classification, the legend that names what is shown, and links that restore a view.
/// </summary>
public class NationalMapTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string Almaly = "751110000";

    [Fact]
    public async Task Every_district_is_coloured_by_its_class_and_the_legend_names_measure_and_period_in_english_and_russian()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        var latest = (await PeriodsAsync(page))[^1];

        await DistrictPaths.ExpectCountAsync(page, 224);
        var fills = await DistrictPaths.FillsAsync(page);
        Assert.Equal(224, fills.Count);
        Assert.True(fills.Values.Distinct().Count() >= 3, "The districts should show several classes");
        await DistrictPaths.ExpectCountAsync(page, 224, "[data-class]");

        var legend = page.Locator("#legend");
        await Assertions.Expect(legend).ToContainTextAsync("Composite risk score");
        await Assertions.Expect(legend).ToContainTextAsync($"Period: {English(latest)}");
        await Assertions.Expect(legend).ToContainTextAsync("Level boundaries: Fixed thresholds");
        await Assertions.Expect(legend).ToContainTextAsync("Low reliability (dashed outline)");
        Assert.Equal(latest, await page.GetByLabel("Period").InputValueAsync());

        // The tooltip names the district's class as the legend does.
        var almaly = DistrictPaths.Of(page, Almaly);
        var almalyClass = await almaly.GetAttributeAsync("data-class");
        var className = almalyClass switch { "1" => "Very low", "2" => "Low", "3" => "Medium", "4" => "High", "5" => "Very high", _ => "No data" };
        await almaly.DispatchEventAsync("mouseover");
        await Assertions.Expect(page.Locator(".leaflet-tooltip")).ToContainTextAsync($"Risk level{className}");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Русский" }).ClickAsync();
        await Assertions.Expect(legend).ToContainTextAsync("Сводный балл риска");
        await Assertions.Expect(legend).ToContainTextAsync($"Период: {Russian(latest)}");
        await Assertions.Expect(legend).ToContainTextAsync("Границы уровней: Фиксированные пороги");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("national-choropleth.png") });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_country_s_districts_are_drawn_and_clickable_without_a_single_tile_and_zoomed_in_the_tiles_take_over()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await DistrictPaths.ExpectCountAsync(page, 224, "[data-class]");
        // One path per district (no tile cuts it), and no vector tile asked for at the country's zoom.
        Assert.Equal(224, await page.Locator("path.district").CountAsync());
        Assert.Empty(await TileRequestsAsync(page));

        // A click on Almaly zooms to Almaty city, where the districts come from the vector tiles, still clickable.
        await DistrictPaths.ClickAsync(page, Almaly);
        await Assertions.Expect(page.Locator("#breadcrumb")).ToContainTextAsync("Almaty");
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-tiles", "ready");
        Assert.NotEmpty(await TileRequestsAsync(page));
        await DistrictPaths.ClickAsync(page, Almaly);
        await Assertions.Expect(page.Locator("#profile")).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(page.Locator("#profile-title")).ToHaveTextAsync("Almaly");
        Assert.Empty(errors);
    }

    private static Task<string[]> TileRequestsAsync(IPage page) => page.EvaluateAsync<string[]>(
        "performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.includes('/tiles/'))");

    /// <summary>The demo districts with fewer than 1,000 pupils, whose classes the public does not get.</summary>
    private static readonly string[] SmallDistricts = ["352100000", "392000000", "392400000"];

    [Fact]
    public async Task The_public_map_hatches_the_districts_too_small_to_publish_and_says_why()
    {
        const string lisakovsk = "392000000";
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await DistrictPaths.WaitUntilDrawnAsync(page);
        await Assertions.Expect(page.Locator("#legend .legend-swatch-suppressed")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync("Suppressed (small population)");
        var suppressed = await page.EvaluateAsync<string[]>(
            "Array.from(document.querySelectorAll('path.district[data-class=\"suppressed\"]')).map(p => p.dataset.kato)");
        Assert.Equal(SmallDistricts, suppressed.Distinct().Order(StringComparer.Ordinal));
        var path = DistrictPaths.Of(page, lisakovsk);
        Assert.Contains("suppressed-hatch", await path.EvaluateAsync<string>("p => getComputedStyle(p).fill"));

        await path.DispatchEventAsync("mouseover");
        await Assertions.Expect(page.Locator(".leaflet-tooltip")).ToContainTextAsync("Risk levelSuppressed: too few pupils to publish");

        // A link to the district opens its profile, which says the same in the chosen language.
        var (linked, linkedErrors) = await app.OpenAsync($"/?lang=ru&unit={lisakovsk}");
        var profile = linked.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.Locator(".profile-class")).ToHaveTextAsync("Скрыто: слишком мало учащихся для публикации");
        await linked.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("suppressed-district.png") });
        Assert.Empty(errors.Concat(linkedErrors));
    }

    [Fact]
    public async Task The_public_may_colour_by_the_composite_only()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        var values = await page.GetByLabel("Colour by").Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Equal(["composite"], values);
        Assert.Empty(errors);

        // A link that asks for a domain opens the composite for the public, without a refused request.
        var domain = (await CatalogueAsync(page)).Domain;
        (page, errors) = await app.OpenAsync($"/?lang=en&measure=domain:{domain}");
        Assert.Equal("composite", await page.GetByLabel("Colour by").InputValueAsync());
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync("Composite risk score");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Changing_the_period_recolours_the_map_and_puts_the_view_in_the_address()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        var periods = await PeriodsAsync(page);
        Assert.True(periods.Length >= 2, "The demo run should cover several quarters");
        var before = await DistrictPaths.FillsAsync(page);

        await page.GetByLabel("Period").SelectOptionAsync(periods[0]);
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync($"Period: {English(periods[0])}");
        await DistrictPaths.RecolouredAsync(page, before);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"period={periods[0]}")));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("lang=en"));

        await page.GetByLabel("Level boundaries").SelectOptionAsync("quantile");
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync("Level boundaries: Quintiles (equal groups)");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("classes=quantile"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_signed_in_analyst_colours_by_a_domain_and_a_link_restores_period_measure_classes_and_district()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "analyst");
        var (domain, domainName, indicator, indicatorName) = await CatalogueAsync(page);
        var measure = page.GetByLabel("Colour by");
        var values = await measure.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Contains($"domain:{domain}", values);
        Assert.Contains(values, value => value.StartsWith("indicator:", StringComparison.Ordinal));

        var composite = await DistrictPaths.FillsAsync(page);
        await measure.SelectOptionAsync($"domain:{domain}");
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync($"Domain: {domainName}");
        var byDomain = await DistrictPaths.RecolouredAsync(page, composite);

        // One indicator on its own colours the map differently again, and the hotspots follow it.
        await measure.SelectOptionAsync($"indicator:{indicator}");
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync($"Indicator: {indicatorName}");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"measure=indicator(:|%3A){Regex.Escape(indicator)}", RegexOptions.IgnoreCase));
        await DistrictPaths.RecolouredAsync(page, byDomain);
        var riskiest = await page.EvaluateAsync<string>(
            $"fetch('/api/scores?indicator={indicator}').then(r => r.json()).then(t => t.units[0].code)");
        await Assertions.Expect(page.Locator("#hotspots-table tbody tr").First).ToHaveAttributeAsync("data-kato", riskiest);

        var periods = await PeriodsAsync(page);
        await page.GotoAsync($"{app.BaseUrl}/?lang=ru&period={periods[0]}&measure=domain:{domain}&classes=quantile&unit={Almaly}");
        await BrowserApp.WaitUntilReadyAsync(page);
        await Assertions.Expect(page.Locator("#period-select")).ToHaveValueAsync(periods[0]);
        await Assertions.Expect(page.Locator("#measure-select")).ToHaveValueAsync($"domain:{domain}");
        await Assertions.Expect(page.Locator("#classes-select")).ToHaveValueAsync("quantile");
        var legend = page.Locator("#legend");
        await Assertions.Expect(legend).ToContainTextAsync($"Период: {Russian(periods[0])}");
        await Assertions.Expect(legend).ToContainTextAsync("Область: ");
        await Assertions.Expect(legend).ToContainTextAsync("Квинтили");
        await Assertions.Expect(DistrictPaths.Of(page, Almaly)).ToHaveClassAsync(new Regex(@"\bselected\b"));
        await DistrictPaths.ExpectCountAsync(page, 1, ".selected");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("deep-link-domain.png") });
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("kk", "Жиынтық тәуекел баллы", "Салыстырмалы индекс", "Алмалы")]
    [InlineData("ru", "Сводный балл риска", "Относительный индекс", "Алмалинский")]
    [InlineData("en", "Composite risk score", "Relative index", "Almaly")]
    public async Task An_analyst_sees_the_map_legend_hotspots_and_profile_in_each_language(string language, string legendTitle, string scoreLabel, string almaly)
    {
        var (page, errors) = await app.OpenAsync($"/?lang={language}&unit={Almaly}", signedInAs: "analyst");
        await Assertions.Expect(page.Locator("#profile")).ToHaveAttributeAsync("data-profile", "ready");

        Assert.Equal(language, await page.EvaluateAsync<string>("document.documentElement.lang"));
        await Assertions.Expect(page.Locator("#legend-title")).ToHaveTextAsync(legendTitle);
        await Assertions.Expect(page.Locator("#profile-title")).ToHaveTextAsync(almaly);
        await Assertions.Expect(page.Locator("#profile")).ToContainTextAsync(scoreLabel);
        await Assertions.Expect(page.Locator("#breadcrumb [aria-current]")).ToHaveTextAsync(almaly);
        // Scores are written with the language's decimal separator.
        var score = await page.Locator("#profile .profile-score").InnerTextAsync();
        Assert.Matches(language == "en" ? @"^\d+\.\d\b" : @"^\d+,\d\b", score);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath($"district-profile-{language}.png") });
        Assert.Empty(errors);
    }

    private static string English(string quarter) => $"Q{quarter[5]} {quarter[..4]}";

    private static string Russian(string quarter) => $"{quarter[5]} квартал {quarter[..4]} г.";

    private static Task<string[]> PeriodsAsync(IPage page) =>
        page.EvaluateAsync<string[]>("fetch('/api/periods').then(r => r.json()).then(p => p.periods)");

    /// <summary>The first indicator of the catalogue and its domain, with their English names.</summary>
    private static async Task<(string Domain, string DomainName, string Indicator, string IndicatorName)> CatalogueAsync(IPage page)
    {
        var first = await page.EvaluateAsync<JsonElement>("fetch('/api/indicators').then(r => r.json()).then(list => list[0])");
        return (first.GetProperty("domain").GetString()!, first.GetProperty("domainNameEn").GetString()!,
            first.GetProperty("code").GetString()!, first.GetProperty("nameEn").GetString()!);
    }
}
