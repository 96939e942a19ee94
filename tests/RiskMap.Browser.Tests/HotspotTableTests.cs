using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

public class HotspotTableTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string AlmatyCity = "750000000";

    [Fact]
    public async Task The_public_sees_the_ten_riskiest_districts_by_class_and_a_row_opens_its_district()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        var table = page.Locator("#hotspots-table");
        var expected = (await ScoreTableAsync(page, "")).Take(10).ToList();

        Assert.Equal(expected.Select(u => u.Code), await RowKatosAsync(table));
        Assert.Equal(expected.Select(u => ClassName(u.Class)), await table.Locator("tbody .hotspot-class").AllInnerTextsAsync());
        // The public sees classes only: no rank, score or change columns.
        Assert.Equal(["Name", "Risk level"], await table.Locator("thead th").AllInnerTextsAsync());
        await Assertions.Expect(page.Locator(".hotspots-exports")).ToBeHiddenAsync();

        var first = expected[0];
        await table.Locator($"tbody tr[data-kato='{first.Code}'] th button").ClickAsync();
        await Assertions.Expect(page.Locator("#profile")).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"unit={first.Code}")));
        await Assertions.Expect(page.Locator("#breadcrumb [aria-current]")).ToHaveTextAsync(first.NameEn);
        await Assertions.Expect(table.Locator($"tbody tr[data-kato='{first.Code}']")).ToHaveAttributeAsync("aria-current", "true");
        await DistrictPaths.ExpectCountAsync(page, 1, ".selected");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_analyst_sorts_by_score_and_change_shows_more_rows_and_by_keyboard_opens_a_district()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "analyst");
        var table = page.Locator("#hotspots-table");
        var expected = (await ScoreTableAsync(page, "")).Take(25).ToList();
        Assert.Equal(["Rank", "Name", "Risk level", "Score", "Change"], await table.Locator("thead th").AllInnerTextsAsync());

        await page.GetByLabel("Show").SelectOptionAsync("25");
        Assert.Equal(expected.Select(u => u.Code), await RowKatosAsync(table));

        var score = table.Locator("thead th").Filter(new LocatorFilterOptions { HasText = "Score" });
        await score.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(score).ToHaveAttributeAsync("aria-sort", "descending");
        await score.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(score).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Equal(expected.OrderBy(u => u.Score).ThenBy(u => u.Rank).Select(u => u.Code).ToList(), await RowKatosAsync(table));

        // Sorting keeps the focus on the heading; Tab moves on to the districts, Enter opens one.
        Assert.Equal("score", await page.EvaluateAsync<string>("document.activeElement.dataset.sort"));
        var lowest = expected.OrderBy(u => u.Score).ThenBy(u => u.Rank).First();
        await table.Locator($"tbody tr[data-kato='{lowest.Code}'] th button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#profile")).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(page.Locator("#profile-title")).ToHaveTextAsync(lowest.NameEn);
        await Assertions.Expect(page.Locator("#profile .profile-score")).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task In_a_region_the_table_lists_only_its_districts_and_follows_the_language()
    {
        var (page, errors) = await app.OpenAsync($"/?lang=ru&unit={AlmatyCity}");
        var table = page.Locator("#hotspots-table");
        var expected = (await ScoreTableAsync(page, $"&region={AlmatyCity}")).ToList();
        Assert.Equal(8, expected.Count);

        await Assertions.Expect(page.Locator("#hotspots-title")).ToHaveTextAsync(new Regex("^Районы с наибольшим риском: Алматы"));
        Assert.Equal(expected.Select(u => u.Code), await RowKatosAsync(table));
        Assert.Equal(["Название", "Уровень риска"], await table.Locator("thead th").AllInnerTextsAsync());

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Қазақша" }).ClickAsync();
        await Assertions.Expect(page.Locator("#hotspots-title")).ToHaveTextAsync(new Regex("^Тәуекелі ең жоғары аудандар: Алматы"));
        Assert.Equal(["Атауы", "Тәуекел деңгейі"], await table.Locator("thead th").AllInnerTextsAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_analyst_downloads_the_whole_list_as_CSV_with_a_byte_order_mark_and_a_named_file()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "analyst");
        var table = page.Locator("#hotspots-table");
        await page.GetByLabel("Show").SelectOptionAsync("25");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(25);
        var shown = await RowKatosAsync(table);
        var period = await page.EvaluateAsync<string>("fetch('/api/periods').then(r => r.json()).then(p => p.periods.at(-1))");

        var total = (await page.EvaluateAsync<JsonElement>("fetch('/api/hotspots?level=district&top=100000').then(r => r.json())")).GetProperty("units").GetArrayLength();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download the whole list of districts as CSV" }).ClickAsync());
        Assert.Equal($"riskmap-hotspots-district-kz-{period}-demo.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rank,code,name,", lines[0]);
        var codes = lines.Skip(1).Select(line => line.Split(',')[1]).ToList();
        // The whole list, not only the rows shown: those come first.
        Assert.Equal(total, codes.Count);
        Assert.True(codes.Count > shown.Length, $"{codes.Count} rows");
        Assert.Equal(shown, codes.Take(shown.Length));
        Assert.Empty(errors);
    }

    private sealed record Unit(string Code, int Class, double? Score, int Rank, string NameEn);

    private static async Task<string[]> RowKatosAsync(ILocator table) =>
        await table.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kato)");

    /// <summary>The districts of /api/scores (riskiest first, as the page's user sees them) that have a class.</summary>
    private static async Task<IEnumerable<Unit>> ScoreTableAsync(IPage page, string query)
    {
        var table = await page.EvaluateAsync<JsonElement>($"fetch('/api/scores?level=district{query}').then(r => r.json())");
        return table.GetProperty("units").EnumerateArray()
            .Where(u => u.GetProperty("class").ValueKind == JsonValueKind.Number)
            .Select(u => new Unit(
                u.GetProperty("code").GetString()!,
                u.GetProperty("class").GetInt32(),
                u.GetProperty("score").ValueKind == JsonValueKind.Number ? u.GetProperty("score").GetDouble() : null,
                u.GetProperty("rank").GetInt32(),
                u.GetProperty("nameEn").GetString()!))
            .ToList();
    }

    private static string ClassName(int cls) => cls switch { 1 => "Very low", 2 => "Low", 3 => "Medium", 4 => "High", _ => "Very high" };
}
