using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The education department of Almaty city (edu-75), in Kazakh on a 1366 px screen: its city's and one district's schools
/// riskiest first beside the map, sorted by a column, downloaded whole in each format, and opened from the list by
/// keyboard; and the side panel's table fits without sideways scrolling, its actions in sight.
/// </summary>
public class SchoolListTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string AlmatyCity = "750000000";
    private const string Almaly = "751110000";

    private sealed record School(string Code, string NameKk, double? ChangeQuarter);

    [Fact]
    public async Task An_education_department_lists_its_city_s_schools_riskiest_first_sorts_them_downloads_them_whole_and_opens_one()
    {
        var page = await OpenInKazakhAsync("edu-75");
        var hotspots = page.Locator("#hotspots");
        var rows = page.Locator("#hotspots-table tbody tr[data-school]");
        var city = await SchoolsAsync(page, $"region={AlmatyCity}");
        Assert.True(city.Count > 50, $"only {city.Count} schools");

        // The city's schools come first for an education department, riskiest first, with how many there are in all.
        await Assertions.Expect(page.Locator("#hotspots-title")).ToHaveTextAsync("Тәуекелі ең жоғары мектептер: Алматы (қала)");
        await Assertions.Expect(hotspots.GetByRole(AriaRole.Button, new() { Name = "Мектептер" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(rows).ToHaveCountAsync(10);
        Assert.Equal(city.Take(10).Select(s => s.Code), await CodesAsync(rows));
        await Assertions.Expect(page.Locator("#hotspots-count")).ToContainTextAsync($"{city.Count} мектеп");
        await Assertions.Expect(page.Locator("#hotspots-table thead th")).ToHaveTextAsync(["Орын", "Атауы", "Тәуекел деңгейі", "Балл", "Өзгеріс"]);
        await AssertFitsThePanelAsync(page);

        // Sorting by change puts the largest rise first.
        var change = page.Locator("#hotspots-table thead th").Filter(new() { HasText = "Өзгеріс" });
        await change.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(change).ToHaveAttributeAsync("aria-sort", "descending");
        var byCode = city.ToDictionary(s => s.Code);
        var changes = (await CodesAsync(rows)).Select(code => byCode[code].ChangeQuarter ?? double.MinValue).ToList();
        Assert.Equal(city.Take(10).Select(s => s.ChangeQuarter ?? double.MinValue).OrderDescending(), changes);

        // Each link downloads the whole list, not only the rows shown.
        foreach (var format in new[] { "CSV", "Excel (XLSX)", "GeoJSON" })
        {
            var link = hotspots.GetByRole(AriaRole.Link, new() { Name = $"Мектептердің бүкіл тізімін {format} ретінде жүктеп алу" });
            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            Assert.Equal(city.Count, RowsIn(await File.ReadAllBytesAsync((await download.PathAsync())!), format));
        }

        // A school opens from the keyboard: its profile, its district's schools on the map with it shown, the list kept.
        var second = city[1];
        await page.Locator($"#hotspots-table tbody tr[data-school='{second.Code}'] th button").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#profile")).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(page.Locator("#profile-title")).ToHaveTextAsync(second.NameKk);
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-revealed", second.Code, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator($"#hotspots-table tbody tr[data-school='{second.Code}']")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(page.Locator("#hotspots-title")).ToHaveTextAsync("Тәуекелі ең жоғары мектептер: Алматы (қала)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("school-list-kk.png") });
    }

    [Fact]
    public async Task A_district_s_schools_are_listed_when_the_district_is_opened()
    {
        var page = await OpenInKazakhAsync("edu-75");
        var district = await SchoolsAsync(page, $"district={Almaly}");
        var search = page.Locator("#unit-search");
        await search.FillAsync("Алмалы");
        await search.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#hotspots-title")).ToHaveTextAsync("Тәуекелі ең жоғары мектептер: Алмалы");
        var rows = page.Locator("#hotspots-table tbody tr[data-school]");
        await Assertions.Expect(rows).ToHaveCountAsync(10);
        Assert.Equal(district.Take(10).Select(s => s.Code), await CodesAsync(rows));
        await Assertions.Expect(page.Locator("#hotspots-count")).ToContainTextAsync($"{district.Count} мектеп");
        await AssertFitsThePanelAsync(page);

        // The switch goes back to the districts, and to the schools again.
        await page.Locator("#hotspots").GetByRole(AriaRole.Button, new() { Name = "Аудандар" }).ClickAsync();
        await Assertions.Expect(page.Locator("#hotspots-table tbody tr[data-kato]")).ToHaveCountAsync(8);
        await page.Locator("#hotspots").GetByRole(AriaRole.Button, new() { Name = "Мектептер" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(10);
    }

    [Theory]
    [InlineData("fixed")]
    [InlineData("quantile")]
    public async Task The_school_list_shows_the_risk_levels_the_map_shows_under_either_classification(string classes)
    {
        var page = await OpenInKazakhAsync("edu-75");
        await page.GotoAsync($"{app.BaseUrl}/?unit={Almaly}&classes={classes}");
        await BrowserApp.WaitUntilReadyAsync(page);
        var rows = page.Locator("#hotspots-table tbody tr[data-school]");
        await Assertions.Expect(page.Locator("#hotspots-title")).ToHaveTextAsync("Тәуекелі ең жоғары мектептер: Алмалы");
        await page.Locator("#hotspots-size").SelectOptionAsync("50");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();

        // The classes of the map's school table of the district in this view, and in the other classification.
        var period = await page.EvaluateAsync<string>("fetch('/api/score-runs/current').then(r => r.json()).then(s => s.published.periods.at(-1))");
        async Task<Dictionary<string, int>> MapClassesAsync(string classification) =>
            (await page.EvaluateAsync<JsonElement>(
                $"fetch('/api/scores?level=school&district={Almaly}&period={period}&classes={classification}').then(r => r.json())"))
            .GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("class").GetInt32());
        var map = await MapClassesAsync(classes);
        var other = await MapClassesAsync(classes == "fixed" ? "quantile" : "fixed");

        string[] levels = ["Өте төмен", "Төмен", "Орташа", "Жоғары", "Өте жоғары"];
        var codes = await CodesAsync(rows);
        // The test tells the two classifications apart: some listed school has another level under the other one.
        Assert.Contains(codes, code => map[code] != other[code]);
        var shown = await rows.Locator("td.hotspot-class").AllTextContentsAsync();
        Assert.Equal(codes.Select(code => levels[map[code] - 1]), shown);
        // Each level has the map's colour: the legend's swatch of that level (listed from "very high" down).
        var colours = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#hotspots-table tbody tr[data-school] td.hotspot-class .legend-swatch')].map(s => getComputedStyle(s).backgroundColor)");
        var legend = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#legend .legend-swatch')].slice(0, 5).map(s => getComputedStyle(s).backgroundColor)");
        Assert.Equal(codes.Select(code => legend[5 - map[code]]), colours);
    }

    [Fact]
    public async Task A_planner_s_district_table_and_its_add_to_programme_actions_fit_the_side_panel()
    {
        var page = await OpenInKazakhAsync("planner-75");
        await page.GotoAsync($"{app.BaseUrl}/?unit={AlmatyCity}");
        await BrowserApp.WaitUntilReadyAsync(page);
        var actions = page.Locator("#hotspots-table .add-to-programme");
        await Assertions.Expect(actions).ToHaveCountAsync(8);
        await page.Locator("#hotspots-size").SelectOptionAsync("50");
        await AssertFitsThePanelAsync(page);
    }

    /// <summary>Opens the map signed in (in English), then switches the page to Kazakh on a 1366 × 768 screen.</summary>
    private async Task<IPage> OpenInKazakhAsync(string user)
    {
        var (page, _) = await app.OpenAsync("/?lang=en", signedInAs: user);
        await page.SetViewportSizeAsync(1366, 768);
        await page.GetByRole(AriaRole.Button, new() { Name = "Қазақша" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        return page;
    }

    [Fact]
    public async Task In_russian_the_school_list_fits_the_panel_with_each_school_s_reasons_folded_until_asked_for()
    {
        var (page, _) = await app.OpenAsync("/?lang=ru", signedInAs: "edu-75");
        await page.SetViewportSizeAsync(1366, 768);
        var rows = page.Locator("#hotspots-table tbody tr[data-school]");
        await Assertions.Expect(rows).ToHaveCountAsync(10);
        await AssertFitsThePanelAsync(page);
        // Folded, a school is a few lines (name, district, "Причины (3)"), not a column of indicator names.
        var heights = await rows.EvaluateAllAsync<double[]>("rows => rows.map(r => r.getBoundingClientRect().height)");
        Assert.All(heights, height => Assert.True(height < 150, $"a school's row is {height} px tall"));

        var reasons = rows.First.Locator(".hotspot-reasons");
        await Assertions.Expect(reasons.Locator("summary")).ToHaveTextAsync(new Regex(@"^Причины \(\d+\)$"));
        await Assertions.Expect(reasons.Locator("li").First).ToBeHiddenAsync();
        await reasons.Locator("summary").ClickAsync();
        await Assertions.Expect(reasons.Locator("li").First).ToBeVisibleAsync();
        // Opening the reasons is not opening the school.
        Assert.DoesNotContain("school=", page.Url, StringComparison.Ordinal);
    }

    /// <summary>No sideways scrolling in the panel or its table, and every row action and export link lies inside the panel.</summary>
    internal static async Task AssertFitsThePanelAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#hotspots-table tbody tr").First).ToBeVisibleAsync();
        foreach (var selector in new[] { ".map-panel", ".hotspots", ".hotspots-box" })
        {
            var widths = await page.Locator(selector).EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{selector}: scrollWidth {widths[0]} > clientWidth {widths[1]}");
        }
        var panel = (await page.Locator(".hotspots").BoundingBoxAsync())!;
        foreach (var control in await page.Locator("#hotspots-table .add-to-programme, #hotspots-table td.num, .hotspots-export").AllAsync())
        {
            await Assertions.Expect(control).ToBeVisibleAsync();
            var box = (await control.BoundingBoxAsync())!;
            Assert.True(box.X >= panel.X && box.X + box.Width <= panel.X + panel.Width + 0.5, $"a control at {box.X}+{box.Width} outside the panel {panel.X}+{panel.Width}");
        }
    }

    private static async Task<string[]> CodesAsync(ILocator rows) => await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.school)");

    /// <summary>The whole hotspot list of schools the page's user gets from the API, riskiest first.</summary>
    private static async Task<List<School>> SchoolsAsync(IPage page, string area)
    {
        var list = await page.EvaluateAsync<JsonElement>($"fetch('/api/hotspots?level=school&top=100000&{area}').then(r => r.json())");
        return list.GetProperty("units").EnumerateArray().Select(h => h.GetProperty("unit")).Select(u => new School(
            u.GetProperty("code").GetString()!,
            u.GetProperty("nameKk").GetString()!,
            u.GetProperty("changeQuarter").ValueKind == JsonValueKind.Number ? Math.Round(u.GetProperty("changeQuarter").GetDouble(), 6) : null)).ToList();
    }

    /// <summary>The data rows of a downloaded file: CSV lines after the headings, workbook rows after the title and headings, GeoJSON features.</summary>
    private static int RowsIn(byte[] file, string format)
    {
        switch (format)
        {
            case "CSV":
                return Encoding.UTF8.GetString(file).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
            case "GeoJSON":
                return JsonDocument.Parse(file).RootElement.GetProperty("features").GetArrayLength();
            default:
                using (var zip = new ZipArchive(new MemoryStream(file)))
                using (var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()))
                    return Regex.Matches(sheet.ReadToEnd(), "<(\\w+:)?row ").Count - 2;
        }
    }
}
