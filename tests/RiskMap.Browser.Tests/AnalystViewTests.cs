using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The ministry analyst's job in the UI alone: the profile follows the map's view and a link brings it back (for a
/// planner, as far as they may see it), the regions compared with their rank bands, every district ranked by its change
/// since a year before, and the map downloaded as an image.
/// </summary>
public class AnalystViewTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string Almaly = "751110000";
    private const string Domain = "domain:protective";
    private const string ViewText = "Domain: Lack of protective capacity · Q2 2025 · Quintiles (equal groups)";

    private static readonly string[] ClassNames = ["Very low", "Low", "Medium", "High", "Very high"];

    [Fact]
    public async Task The_profile_shows_the_maps_measure_quarter_and_classes_and_a_link_reopens_it_for_the_analyst_and_restricted_for_a_planner()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "analyst");
        var outside = (await JsonAsync(page, "/api/scores?level=district&region=630000000")).GetProperty("units")[0].GetProperty("code").GetString()!;
        await page.Locator("#period-select").SelectOptionAsync("2025Q2");
        await page.Locator("#measure-select").SelectOptionAsync(Domain);
        await page.Locator("#classes-select").SelectOptionAsync("quantile");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-scores", "ready");
        await Assertions.Expect(page.Locator("#legend .legend-period")).ToContainTextAsync("Q2 2025");

        await DistrictPaths.ClickAsync(page, Almaly);
        await DistrictPaths.ClickAsync(page, Almaly);
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        var unit = (await JsonAsync(page, "/api/scores?level=district&period=2025Q2&domain=protective&classes=quantile")).GetProperty("units")
            .EnumerateArray().Single(u => u.GetProperty("code").GetString() == Almaly);
        await AssertShowsViewAsync(page, unit);
        var link = page.Url;
        Assert.Contains("period=2025Q2", link);
        Assert.Contains("classes=quantile", link);

        // The same link in a new page of the analyst's session.
        var again = await page.Context.NewPageAsync();
        await again.GotoAsync(link);
        await BrowserApp.WaitUntilReadyAsync(again);
        await Assertions.Expect(again.Locator("#profile")).ToHaveAttributeAsync("data-profile", "ready");
        await AssertShowsViewAsync(again, unit);

        // A planner of Almaty opens the analyst's link to a district of another region: the view, but no domain detail.
        var (planner, plannerErrors) = await app.OpenAsync("/?lang=en", signedInAs: "planner-75");
        await planner.GotoAsync(link.Replace($"unit={Almaly}", $"unit={outside}", StringComparison.Ordinal));
        await BrowserApp.WaitUntilReadyAsync(planner);
        var restricted = planner.Locator("#profile");
        await Assertions.Expect(restricted).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(restricted.Locator(".profile-view")).ToHaveTextAsync(ViewText);
        await Assertions.Expect(restricted).ToContainTextAsync("shown within your access only");
        Assert.Equal(0, await restricted.Locator(".profile-score, .profile-rank, .profile-class, .bar-row, svg").CountAsync());
        await Assertions.Expect(planner.Locator("#measure-select")).ToHaveValueAsync(Domain);
        Assert.Empty(errors);
        Assert.Empty(plannerErrors);
    }

    [Fact]
    public async Task The_region_ranking_lists_the_20_regions_with_rank_bands_and_opens_a_regions_profile()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "analyst");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Compare regions" }).ClickAsync();
        var ranking = page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = "Regions ranked" });
        await Assertions.Expect(ranking).ToHaveAttributeAsync("data-ranking", "ready");
        var rows = ranking.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(20);
        await Assertions.Expect(ranking.Locator("td.ranking-band svg .ranking-strip-band")).ToHaveCountAsync(20);
        var bands = await ranking.Locator("td.ranking-band .num").AllTextContentsAsync();
        Assert.All(bands, band => Assert.Matches(new Regex(@"^\d+–\d+$"), band));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("region-ranking.png") });

        var first = rows.First;
        var code = await first.GetAttributeAsync("data-code");
        var name = await first.Locator(".ranking-unit").TextContentAsync();
        await first.Locator(".ranking-unit").ClickAsync();
        await Assertions.Expect(ranking).ToBeHiddenAsync();
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Level = 2 })).ToHaveTextAsync(name!);
        await Assertions.Expect(profile.Locator(".profile-rank")).ToContainTextAsync("of 20");
        Assert.Contains($"profile={code}", page.Url);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_district_ranking_sorted_by_change_since_a_year_before_lists_all_224_districts_worst_first()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "analyst");
        var changeYear = (await JsonAsync(page, "/api/scores?level=district")).GetProperty("units").EnumerateArray()
            .ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("changeYear").GetDouble());
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Rank all districts" }).ClickAsync();
        var ranking = page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = "Districts ranked" });
        await Assertions.Expect(ranking).ToHaveAttributeAsync("data-ranking", "ready");
        await ranking.GetByLabel("Change").SelectOptionAsync("year");
        await ranking.Locator("button[data-sort='change']").ClickAsync();
        await Assertions.Expect(ranking.Locator("th[aria-sort='descending'] button[data-sort='change']")).ToBeVisibleAsync();

        var codes = await ranking.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        Assert.Equal(224, codes.Length);
        Assert.Equal(changeYear.Keys.Order(), codes.Order());
        var changes = codes.Select(code => changeYear[code]).ToList();
        Assert.Equal(changes.OrderByDescending(c => c), changes);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Download_map_saves_a_png_of_the_maps_size_with_the_map_drawn_in_it()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "analyst");
        await DistrictPaths.WaitUntilDrawnAsync(page);
        var size = await page.EvaluateAsync<int[]>(
            "() => { const r = document.getElementById('map').getBoundingClientRect(); return [Math.round(r.width * devicePixelRatio), Math.round(r.height * devicePixelRatio)]; }");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Download map (PNG)" }).ClickAsync());

        Assert.EndsWith(".png", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        var (width, height, pixels) = Png.Read(buffer.ToArray());
        Assert.Equal(size, new[] { width, height });
        Assert.True(pixels.Distinct().Count() > 50, "The image should show the map, not a blank canvas");
        Assert.Empty(errors);
    }

    private static async Task AssertShowsViewAsync(IPage page, JsonElement unit)
    {
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile.Locator(".profile-view")).ToHaveTextAsync(ViewText);
        var mapClass = await DistrictPaths.Of(page, Almaly).GetAttributeAsync("data-class");
        Assert.Equal(unit.GetProperty("class").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), mapClass);
        await Assertions.Expect(profile.Locator(".profile-class")).ToHaveTextAsync(ClassNames[unit.GetProperty("class").GetInt32() - 1]);
        var score = await page.EvaluateAsync<string>(
            "s => new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(s)", unit.GetProperty("score").GetDouble());
        await Assertions.Expect(profile.Locator(".profile-score")).ToHaveTextAsync($"{score} of 10");
        await Assertions.Expect(profile.Locator("svg.line-chart")).ToHaveAttributeAsync("data-marked", "Q2 2025");
    }

    private static Task<JsonElement> JsonAsync(IPage page, string path) =>
        page.EvaluateAsync<JsonElement>("path => fetch(path).then(r => r.json())", path);

    /// <summary>Reads an 8-bit RGBA or RGB PNG's size and its filtered scanline bytes (enough to tell a drawn image from a blank one).</summary>
    private static class Png
    {
        public static (int Width, int Height, byte[] Data) Read(byte[] file)
        {
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, file[..4]);
            int BigEndian(int at) => (file[at] << 24) | (file[at + 1] << 16) | (file[at + 2] << 8) | file[at + 3];
            var (width, height) = (BigEndian(16), BigEndian(20));
            using var idat = new MemoryStream();
            for (var at = 8; at < file.Length;)
            {
                var length = BigEndian(at);
                if (System.Text.Encoding.ASCII.GetString(file, at + 4, 4) == "IDAT") idat.Write(file, at + 8, length);
                at += 12 + length;
            }
            idat.Position = 0;
            using var inflated = new MemoryStream();
            using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
            return (width, height, inflated.ToArray());
        }
    }
}
