using System.Text.Json;
using Microsoft.Playwright;
using RiskMap.TestSupport;

namespace RiskMap.Browser.Tests;

/// <summary>
/// District names on the map: none at the country's view, where 224 names would cover it; after zooming into a region,
/// its districts' names in the user's language, and in the new language after a switch.
/// </summary>
public class DistrictLabelTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string AlmatyCity = "750000000";
    private const string Almaly = "751110000";

    /// <summary>The shown district names: { kato: text } of every label that is displayed and lies inside the map.</summary>
    private const string ShownLabels = """
        () => {
          const map = document.getElementById("map").getBoundingClientRect();
          return Object.fromEntries([...document.querySelectorAll(".district-label")]
            .filter(e => !e.hidden && getComputedStyle(e).visibility !== "hidden" && e.getClientRects().length > 0)
            .filter(e => { const r = e.getBoundingClientRect(); return r.right > map.left && r.left < map.right && r.bottom > map.top && r.top < map.bottom; })
            .map(e => [e.dataset.kato, e.textContent]));
        }
        """;

    [Fact]
    public async Task No_district_name_shows_at_the_country_s_view_and_a_region_s_districts_are_named_in_the_user_s_language_once_zoomed_in()
    {
        var (page, errors) = await app.OpenAsync("/?lang=ru");
        var districts = (await page.EvaluateAsync<JsonElement>("fetch('/api/districts?geometry=none').then(r => r.json())"))
            .GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
            .Where(p => p.GetProperty("region_kato").GetString() == AlmatyCity)
            .ToDictionary(p => p.GetProperty("kato").GetString()!, p => (Ru: p.GetProperty("name_ru").GetString()!, Kk: p.GetProperty("name_kk").GetString()!));
        Assert.Equal(8, districts.Count);
        Assert.Contains(districts.Values, d => d.Ru != d.Kk);

        // At the country's view, once all 224 districts are drawn, none is named.
        await DistrictPaths.WaitUntilDrawnAsync(page);
        await DistrictPaths.ExpectCountAsync(page, 224);
        Assert.Empty(await page.EvaluateAsync<Dictionary<string, string>>(ShownLabels));

        // Zoomed into Almaty: its districts are named in Russian.
        await DistrictPaths.ClickAsync(page, Almaly);
        await Assertions.Expect(page.Locator("#breadcrumb [aria-current]")).ToContainTextAsync("Алматы");
        await ExpectNamedAsync(page, districts.ToDictionary(d => d.Key, d => d.Value.Ru));

        // After switching to Kazakh they are named in Kazakh.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Қазақша" }).ClickAsync();
        await ExpectNamedAsync(page, districts.ToDictionary(d => d.Key, d => d.Value.Kk));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("district-labels-kk.png") });
        Assert.Empty(errors);
    }

    /// <summary>Waits until most of the region's districts are named on the map, each by its name in the language.</summary>
    private static async Task ExpectNamedAsync(IPage page, Dictionary<string, string> names)
    {
        Dictionary<string, string> shown = [];
        await Eventually.HoldsAsync(async () =>
        {
            shown = (await page.EvaluateAsync<Dictionary<string, string>>(ShownLabels))
                .Where(label => names.ContainsKey(label.Key)).ToDictionary();
            return shown.Count >= names.Count / 2 && shown.All(label => label.Value == names[label.Key]);
        }, "the region's districts named in the language");
        Assert.All(shown, label => Assert.Equal(names[label.Key], label.Value));
    }
}
