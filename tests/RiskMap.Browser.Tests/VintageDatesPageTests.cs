using System.Text;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The data steward's dates and crosswalk on the import page, in Kazakh at 1366 px: days that overlap another
/// vintage's refused in words, the 2018 boundaries' days set, their district crosswalk downloaded, and the recompute
/// that the new days call for shown pending on the score runs page.
/// </summary>
public class VintageDatesPageTests(ScoredVintageBrowserApp app) : IClassFixture<ScoredVintageBrowserApp>
{
    private static ILocator Cells(IPage page, int vintage) => page.Locator($"#vintages-body tr[data-vintage='{vintage}'] > *");

    private static ILocator Detail(IPage page, int vintage) => page.Locator($"#vintages-body tr[data-vintage-detail='{vintage}']");

    private static async Task SetDatesAsync(IPage page, int vintage, string from, string to)
    {
        var detail = Detail(page, vintage);
        await detail.GetByLabel("Қолданыста (бастап)").FillAsync(from);
        await detail.GetByLabel("Қолданыста (дейін)").FillAsync(to);
        await detail.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = $"{vintage} жылғы шекаралардың қолданыс мерзімін сақтау" }).ClickAsync();
    }

    [Fact]
    public async Task The_steward_sets_the_2018_days_is_refused_an_overlap_in_words_downloads_the_crosswalk_and_sees_the_recompute_pending()
    {
        var (page, errors) = await app.OpenAsync("/imports.html?lang=kk", signedInAs: "steward");
        await page.SetViewportSizeAsync(1366, 768);
        var outcome = page.Locator("#vintage-outcome");

        // 2024 is in force since the reform of June 2022; the steward first gives 2018 an end after it.
        await SetDatesAsync(page, 2024, "2022-06-08", "");
        await Assertions.Expect(outcome).ToHaveTextAsync("2024 жылғы шекаралар 08.06.2022 бастап … дейін қолданыста.");
        await SetDatesAsync(page, 2018, "2018-01-01", "2022-06-30");
        await Assertions.Expect(outcome.Locator("p")).ToHaveTextAsync([
            "2024 жылғы шекаралар 08.06.2022 бастап … дейін қолданыста, бұл мерзіммен қиылысады: бір тоқсан екеуіне де жатар еді.",
            "Ештеңе өзгерген жоқ.",
        ]);
        await Assertions.Expect(Cells(page, 2018).Nth(2)).ToHaveTextAsync("—");

        await SetDatesAsync(page, 2018, "2018-01-01", "2022-06-07");
        await Assertions.Expect(outcome.Locator("p").First).ToHaveTextAsync("2018 жылғы шекаралар 01.01.2018 бастап 07.06.2022 дейін қолданыста.");
        await Assertions.Expect(outcome).ToContainTextAsync("қайта есептеу күтілуде");
        await Assertions.Expect(Cells(page, 2018).Nth(2)).ToHaveTextAsync("01.01.2018");
        await Assertions.Expect(Cells(page, 2018).Nth(3)).ToHaveTextAsync("07.06.2022");
        // The width rule: the form and the downloads are reached without scrolling the table sideways.
        var table = page.Locator("#vintages .table-wrap");
        Assert.True(await table.EvaluateAsync<bool>("wrap => wrap.scrollWidth <= wrap.clientWidth"), "the vintages table scrolls sideways at 1366 px");
        await Assertions.Expect(Detail(page, 2024).GetByRole(AriaRole.Link)).ToHaveCountAsync(0);

        var download = await page.RunAndWaitForDownloadAsync(() => Detail(page, 2018).GetByRole(AriaRole.Link,
            new LocatorGetByRoleOptions { Name = "2018 жылғы аудандардың ағымдағы шекараларға сәйкестік кестесін жүктеу (CSV)" }).ClickAsync());
        Assert.Equal("crosswalk-district-2018-2024.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8)).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("source_kato,source_name_kk,source_name_ru,source_name_en,target_kato,target_name_kk,target_name_ru,target_name_en,area_share,pupil_share",
            lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        // Every one of 2018's 216 districts lands somewhere in 2024; those split by the 2022 reform on several rows.
        Assert.Equal(216, rows.Select(f => f[0]).Distinct().Count());
        Assert.True(rows.Count > 216, $"{rows.Count} rows: no 2018 district was split");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Қайта есептеу күйі" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pending-recompute")).ToContainTextAsync("қайта есептеу күтілуде");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("jobs-pending-after-dates.png"), FullPage = true });
        // The refused overlap's 409 is the only failed request the browser reports.
        Assert.All(errors, error => Assert.Contains("409", error));
    }
}
