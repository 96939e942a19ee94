using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The score runs page: what is published, the schedule, and a recompute started from the page by a data steward and
/// followed until it is published. The demo database starts with no published run.
/// </summary>
public class JobStatusPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const float RunTimeoutMs = 240_000;

    [Fact]
    public async Task Recompute_now_runs_a_manual_recompute_and_the_page_follows_it_until_it_is_published()
    {
        var (page, errors) = await app.OpenAsync("/jobs.html?lang=en");

        // Accessible table: a caption and column headers with their scope.
        var table = page.Locator("#runs-table");
        Assert.Equal("Recent runs (newest first)", (await table.Locator("caption").InnerTextAsync()).Trim());
        Assert.Equal(7, await table.Locator("thead th[scope='col']").CountAsync());
        Assert.Contains("Nightly at 02:00 (Asia/Almaty time)", await page.Locator("#schedule").InnerTextAsync());

        // Only a data steward may start a recompute.
        await Assertions.Expect(page.GetByText("Only a data steward can start a recompute.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Recompute now" })).ToBeHiddenAsync();
        await SignInForm.SignInAsync(page, "steward");
        await Assertions.Expect(page.GetByText("Only a data steward can start a recompute.")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "the jobs dashboard (Hangfire)" }))
            .ToHaveAttributeAsync("href", "/jobs/dashboard");

        var button = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Recompute now" });
        await button.ClickAsync();

        // The page polls on its own; wait (up to 4 minutes: a run scores, then forecasts) until it announces that the run succeeded and shows it published.
        var progress = page.Locator("#recompute-progress");
        await Assertions.Expect(progress).ToHaveTextAsync(new Regex(@"^Run #\d+ succeeded: [\d,]+ results published\.$"),
            new LocatorAssertionsToHaveTextOptions { Timeout = RunTimeoutMs });
        await page.Locator("#published .badge[data-status='succeeded']").WaitForAsync(new LocatorWaitForOptions { Timeout = RunTimeoutMs });
        Assert.Equal("status", await progress.GetAttributeAsync("role"));
        Assert.Equal("false", await button.GetAttributeAsync("aria-disabled"));

        var publishedId = await page.Locator("#published").GetAttributeAsync("data-run-id");
        Assert.False(string.IsNullOrEmpty(publishedId));
        Assert.Contains($"#{publishedId}", await progress.InnerTextAsync());

        // The runs table lists the manual run, marked as the published one, with its labels in the page language.
        var manual = table.Locator("tbody td[data-trigger='manual']");
        Assert.True(await manual.CountAsync() >= 1);
        Assert.Equal("Manual", (await manual.First.InnerTextAsync()).Trim());
        var publishedRow = table.Locator($"tbody tr[data-run-id='{publishedId}']");
        Assert.Equal("row", await publishedRow.Locator("th").GetAttributeAsync("scope"));
        Assert.Contains("Succeeded", await publishedRow.InnerTextAsync());
        Assert.Contains("Published", await publishedRow.InnerTextAsync());

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("jobs-page.png"), FullPage = true });

        // Switching the language relabels the rendered runs.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Қазақша" }).ClickAsync();
        Assert.Equal("kk", await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Equal("Қолмен", (await manual.First.InnerTextAsync()).Trim());
        Assert.Equal("Соңғы есептеулер (ең жаңасы басында)", (await table.Locator("caption").InnerTextAsync()).Trim());

        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_schedule_is_in_words_and_the_next_run_is_shown_in_Almaty_time_whatever_the_browser_zone()
    {
        // A browser in New York: its own clock is ten or eleven hours behind Almaty's.
        var (page, errors) = await app.OpenAsync("/jobs.html?lang=ru", "ru-RU", timeZone: "America/New_York");

        await Assertions.Expect(page.Locator("#schedule")).ToContainTextAsync("Каждую ночь в 02:00 (по времени Asia/Almaty)");
        var next = page.Locator("#next-run time");
        await Assertions.Expect(next).ToHaveTextAsync(new Regex(@"^\d{2}\.\d{2}\.\d{4}, 02:00 \(время Asia/Almaty\)$"));
        var instant = DateTimeOffset.Parse((await next.GetAttributeAsync("datetime"))!, System.Globalization.CultureInfo.InvariantCulture);
        var almaty = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty"));
        Assert.Equal($"{almaty:dd.MM.yyyy}, 02:00 (время Asia/Almaty)", await next.InnerTextAsync());
        Assert.InRange(instant - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromDays(1));

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Қазақша" }).ClickAsync();
        await Assertions.Expect(page.Locator("#schedule")).ToContainTextAsync("Күн сайын түнде, сағат 02:00 (Asia/Almaty уақыты бойынша)");
        await Assertions.Expect(next).ToHaveTextAsync(new Regex(@" 02:00 \(Asia/Almaty уақыты\)$"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_map_header_links_to_the_score_runs_page_by_keyboard_and_keeps_the_language()
    {
        var (page, errors) = await app.OpenAsync("/?lang=ru");

        // Focus and Enter in one step on the link itself: the header may be re-rendered while the page settles.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Расчёты" }).PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/jobs.html?lang=ru", StringComparison.Ordinal),
            new PageWaitForURLOptions { Timeout = 60_000, WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });

        Assert.Equal("ru", await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Equal("Пересчёт баллов риска", (await page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 }).InnerTextAsync()).Trim());
        Assert.Equal("page", await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Расчёты" }).GetAttributeAsync("aria-current"));
        await Assertions.Expect(page.GetByText("Запустить пересчёт может только администратор данных.")).ToBeVisibleAsync();

        // And back to the map.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Карта" }).ClickAsync();
        // The map may already have written its view (period, measure…) into the address after lang.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/" && new Uri(url).Query.StartsWith("?lang=ru", StringComparison.Ordinal),
            new PageWaitForURLOptions { Timeout = 60_000, WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await DistrictPaths.ExpectCountAsync(page, 224);

        Assert.Empty(errors);
    }
}
