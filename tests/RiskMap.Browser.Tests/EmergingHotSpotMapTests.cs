using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// Emerging hot spots in the map's UI (docs/emerging-hotspots.md §7): "Colour by → Emerging hot spots" for an analyst
/// (the whole country) and a planner (their region's districts only, the others "not shown"), kept in the link; absent
/// for the public; the category in a district's profile and under its name in the hotspot list; "Download map" with them.
/// </summary>
public class EmergingHotSpotMapTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string EastKazakhstan = "630000000";
    private const string AlmatyCity = "750000000";
    private const string Persistent = "persistent-hot-spot";
    /// <summary>The fill of a persistent hot spot (emerging-style.js).</summary>
    private const string PersistentFill = "#b2182b";

    private sealed record Unit(string Code, string RegionKato, string Category, string CategoryName);

    [Fact]
    public async Task An_analyst_colours_the_map_by_emerging_hot_spots_with_a_legend_of_every_category_and_a_link_brings_it_back()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "analyst");
        var (periods, units) = await EmergingAsync(page, "district");
        var persistent = units.Where(u => u.Category == Persistent).ToList();
        // The demo's persistent hot spots are districts of East Kazakhstan (docs/emerging-hotspots.md §7).
        Assert.NotEmpty(persistent);
        Assert.All(persistent, u => Assert.Equal(EastKazakhstan, u.RegionKato));

        await page.Locator("#measure-select").SelectOptionAsync(new SelectOptionValue { Label = "Emerging hot spots" });
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-layer", "hotspots");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]measure=hotspots(&|$)"));
        await AssertLayerAsync(page, periods, units, persistent);
        // "Download map" asks the server for the image with the hot spots over it.
        var image = await page.RunAndWaitForRequestFinishedAsync(
            () => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Download map (PNG)" }).ClickAsync(),
            new PageRunAndWaitForRequestFinishedOptions { Predicate = r => r.Url.Contains("/api/maps/image.png") });
        Assert.Contains("hotspots=emerging", image.Url);
        Assert.Equal(200, (await image.ResponseAsync())!.Status);
        Assert.Empty(errors);

        // The link opens the same layer in a new page.
        var again = await page.Context.NewPageAsync();
        await again.GotoAsync(page.Url);
        await BrowserApp.WaitUntilReadyAsync(again);
        await Assertions.Expect(again.Locator("#measure-select")).ToHaveValueAsync("hotspots");
        await AssertLayerAsync(again, periods, units, persistent);

        // Back to the scores: the districts are coloured by risk level again.
        await page.Locator("#measure-select").SelectOptionAsync("composite");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-layer", "scores");
        await Assertions.Expect(page.Locator("#legend-title")).ToHaveTextAsync("Composite risk score");
        Assert.Equal(0, await DistrictPaths.CountAsync(page, $"[data-class='{Persistent}']"));
    }

    [Fact]
    public async Task A_planner_sees_the_categories_of_their_region_s_districts_only_the_others_not_shown()
    {
        var (page, errors) = await app.OpenAsync("/?lang=ru&measure=hotspots", "ru-RU", signedInAs: "planner-75");
        await Assertions.Expect(page.Locator("#measure-select")).ToHaveValueAsync("hotspots");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-layer", "hotspots");
        await DistrictPaths.WaitUntilDrawnAsync(page);
        var classes = (await page.EvaluateAsync<string[][]>(
                "Array.from(document.querySelectorAll('path.district')).map(p => [p.dataset.kato, p.dataset.class])"))
            .GroupBy(pair => pair[0]).ToDictionary(g => g.Key, g => g.First()[1]);
        var own = classes.Where(p => p.Key.StartsWith("75", StringComparison.Ordinal)).ToList();
        var others = classes.Where(p => !p.Key.StartsWith("75", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(own);
        Assert.NotEmpty(others);
        Assert.All(own, p => Assert.NotEqual("not-shown", p.Value));
        Assert.All(others, p => Assert.Equal("not-shown", p.Value));
        await Assertions.Expect(page.Locator("#legend-title")).ToHaveTextAsync("Возникающие горячие точки");
        await Assertions.Expect(page.Locator("#legend li[data-category='not-shown']")).ToHaveTextAsync("Не показано: вне вашей территории");
        // Counted in Russian plural forms: «8 районов», never «8 района».
        await Assertions.Expect(page.Locator("#legend li[data-category='no-pattern']")).ToHaveTextAsync(new Regex(@"^Закономерность не обнаружена — \d+ район(а|ов)?$"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_public_is_not_offered_the_layer_and_a_link_to_it_shows_the_risk_levels()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en&measure=hotspots");
        await Assertions.Expect(page.Locator("#measure-select")).ToHaveValueAsync("composite");
        Assert.Equal(0, await page.Locator("#measure-select option[value='hotspots']").CountAsync());
        await Assertions.Expect(page.Locator("#legend-title")).ToHaveTextAsync("Composite risk score");
        Assert.Equal(0, await page.Locator("#hotspots-table .hotspot-category").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_district_s_profile_shows_its_category_its_quarters_and_what_a_hot_spot_means_only_to_who_may_see_it()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "analyst");
        var (periods, units) = await EmergingAsync(page, "district");
        var district = units.First(u => u.Category == Persistent);
        await page.GotoAsync($"{app.BaseUrl}/?lang=en&unit={district.Code}");
        await BrowserApp.WaitUntilReadyAsync(page);
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.Locator(".profile-hotspot")).ToHaveTextAsync("Persistent hot spot");
        await Assertions.Expect(profile.Locator(".profile-hotspot-note")).ToContainTextAsync("not the same as a high score");
        var quarters = profile.Locator(".hotspot-strip li");
        await Assertions.Expect(quarters).ToHaveCountAsync(periods.Length);
        // Persistent: hot in the final quarter (and in ≥ 90 % of them).
        await Assertions.Expect(quarters.Last).ToHaveAttributeAsync("title", new Regex($"^{Regex.Escape(QuarterInEnglish(periods[^1]))}: hot spot at (90|95|99) % confidence$"));
        // The strip fits the 368 px panel.
        var widths = await profile.Locator(".hotspot-strip").EvaluateAsync<int[]>("e => [e.scrollWidth, e.closest('#profile').clientWidth]");
        Assert.True(widths[0] <= widths[1], $"strip {widths[0]} px in a {widths[1]} px panel");
        Assert.Empty(errors);

        // A planner of Almaty is not shown the category of a district of East Kazakhstan.
        var (planner, _) = await app.OpenAsync($"/?lang=en&unit={district.Code}", signedInAs: "planner-75");
        await Assertions.Expect(planner.Locator("#profile")).ToHaveAttributeAsync("data-profile", "ready");
        Assert.Equal(0, await planner.Locator("#profile .profile-hotspot, #profile .hotspot-strip").CountAsync());
    }

    [Fact]
    public async Task The_hotspot_list_names_a_district_s_hot_spot_category_under_its_name_and_still_fits_the_panel()
    {
        var (page, errors) = await app.OpenAsync($"/?lang=en&unit={EastKazakhstan}", signedInAs: "analyst");
        await page.SetViewportSizeAsync(1366, 768);
        var (_, units) = await EmergingAsync(page, "district");
        var byCode = units.ToDictionary(u => u.Code);
        await page.Locator("#hotspots-size").SelectOptionAsync("50");
        var rows = page.Locator("#hotspots-table tbody tr[data-kato]");
        await Assertions.Expect(page.Locator("#hotspots-table .hotspot-category").First).ToBeVisibleAsync();
        var listed = await rows.EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.kato, r.querySelector('.hotspot-category')?.textContent ?? ''])");
        Assert.Contains(listed, row => byCode[row[0]].Category == Persistent);
        foreach (var row in listed)
        {
            var unit = byCode[row[0]];
            Assert.Equal(unit.Category == "no-pattern" ? "" : unit.CategoryName, row[1]);
        }
        await SchoolListTests.AssertFitsThePanelAsync(page);
        Assert.Empty(errors);
    }

    /// <summary>The map is coloured by category: every category in the legend with its name, the persistent hot spots in their colour.</summary>
    private static async Task AssertLayerAsync(IPage page, string[] periods, List<Unit> units, List<Unit> persistent)
    {
        var legend = page.Locator("#legend");
        await Assertions.Expect(legend.Locator("#legend-title")).ToHaveTextAsync("Emerging hot spots");
        await Assertions.Expect(legend.Locator(".legend-period"))
            .ToHaveTextAsync($"{QuarterInEnglish(periods[0])} – {QuarterInEnglish(periods[^1])}, 95 % confidence");
        var categories = units.GroupBy(u => u.Category).ToList();
        await Assertions.Expect(legend.Locator("li[data-category]")).ToHaveCountAsync(categories.Count);
        foreach (var category in categories)
        {
            var noun = category.Count() == 1 ? "district" : "districts";
            await Assertions.Expect(legend.Locator($"li[data-category='{category.Key}']"))
                .ToHaveTextAsync($"{category.First().CategoryName} — {category.Count()} {noun}");
        }
        await Assertions.Expect(legend.GetByRole(AriaRole.Link, new() { Name = "How hot spots are found" })).ToHaveAttributeAsync("href", "/methodology.html#hotspots-en");
        foreach (var unit in persistent)
        {
            var path = DistrictPaths.Of(page, unit.Code);
            await Assertions.Expect(path).ToHaveAttributeAsync("data-class", Persistent);
            await Assertions.Expect(path).ToHaveAttributeAsync("fill", PersistentFill);
        }
        Assert.Equal(persistent.Count, await DistrictPaths.CountAsync(page, $"[data-class='{Persistent}']"));
    }

    private static string QuarterInEnglish(string period) => $"Q{period[5]} {period[..4]}";

    private static async Task<(string[] Periods, List<Unit> Units)> EmergingAsync(IPage page, string level)
    {
        var answer = await page.EvaluateAsync<JsonElement>("path => fetch(path).then(r => r.json())", $"/api/hotspots/emerging?level={level}&lang=en");
        var periods = answer.GetProperty("periods").EnumerateArray().Select(p => p.GetString()!).ToArray();
        var units = answer.GetProperty("units").EnumerateArray().Select(u => new Unit(
            u.GetProperty("code").GetString()!, u.GetProperty("regionKato").GetString()!,
            u.GetProperty("category").GetString()!, u.GetProperty("categoryName").GetString()!)).ToList();
        return (periods, units);
    }
}
