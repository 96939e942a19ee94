using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The score runs page between an import and the recompute that follows it. The fixture's scores are up to date at
/// first, and the debounce is an hour, so the pending state lasts the whole test.
/// </summary>
public class PendingRecomputeJobStatusPageTests(PendingRecomputeJobStatusPageTests.App app) : IClassFixture<PendingRecomputeJobStatusPageTests.App>
{
    public sealed class App : ScoredBrowserApp
    {
        public const int DebounceSeconds = 3600;

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Scoring:ImportDebounceSeconds"] = DebounceSeconds.ToString(CultureInfo.InvariantCulture),
            ["Scoring:ImportCheckSeconds"] = "30",
        };
    }

    /// <summary>The page's own refresh (every 15 s) must bring the pending state without a reload.</summary>
    private const float RefreshTimeoutMs = 40_000;

    [Fact]
    public async Task After_an_import_the_page_shows_a_recompute_pending_with_when_it_starts_in_Almaty_time()
    {
        var (page, errors) = await app.OpenAsync("/jobs.html?lang=en", timeZone: "UTC");
        var pending = page.Locator("#pending-recompute");
        await Assertions.Expect(page.Locator("#published .badge[data-status='succeeded']")).ToBeVisibleAsync();
        await Assertions.Expect(pending).ToBeHiddenAsync();

        var steward = await app.ClientAsAsync("steward");
        using (var content = new MultipartFormDataContent())
        {
            content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("entity_level,entity_code,indicator,period,value\nregion,710000000,suicides,2019Q4,5\n")),
                "file", "astana-2019q4.csv");
            (await steward.PostAsync("/api/imports/indicators", content)).EnsureSuccessStatusCode();
        }
        var finished = await app.Database.ScalarAsync<DateTime>("SELECT max(finished_at) FROM import_batches WHERE status = 'succeeded'");
        var startsAt = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(finished, DateTimeKind.Utc).AddSeconds(App.DebounceSeconds),
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty"));

        await Assertions.Expect(pending).ToHaveTextAsync(string.Create(CultureInfo.InvariantCulture,
            $"A recompute is pending after a change of the data (an import or a boundary vintage's dates): it starts at about {startsAt:dd/MM/yyyy, HH:mm} (Asia/Almaty time), at most 30 s later."),
            new LocatorAssertionsToHaveTextOptions { Timeout = RefreshTimeoutMs });
        Assert.Equal("status", await pending.GetAttributeAsync("role"));
        await Assertions.Expect(page.Locator("#running-state")).ToHaveTextAsync("No recompute is running now.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("jobs-pending.png"), FullPage = true });
        Assert.Empty(errors);
    }
}
