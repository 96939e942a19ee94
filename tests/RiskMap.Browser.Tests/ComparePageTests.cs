using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The method comparison page: an analyst compares the published riskmap-2.0 run of the scored demo with a run labelled
/// riskmap-1.0 made here from it with every region's score reversed (10 − score), so most regions change risk level.
/// </summary>
public class ComparePageTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private static readonly string[] LevelsRu = ["Очень низкий", "Низкий", "Средний", "Высокий", "Очень высокий"];

    private Task AddReversedRunAsync() => app.Database.ExecuteAsync("""
        WITH published AS (SELECT run_id FROM published_score_run),
        run AS (
            INSERT INTO score_runs (methodology_version, methodology, weight_version_id, indicator_codes, indicator_weights, domain_codes,
                                    domain_weights, input_watermark, trigger, requested_by, status, finished_at, periods, result_count)
            SELECT 'riskmap-1.0', methodology || '{"version": "riskmap-1.0"}', weight_version_id, indicator_codes, indicator_weights, domain_codes,
                   domain_weights, input_watermark, 'manual', 'hand', 'succeeded', now(), periods, 0
            FROM score_runs WHERE id = (SELECT run_id FROM published)
            RETURNING id)
        INSERT INTO score_results (run_id, level, code, period, score, class, domain_scores, contributions, indicator_scores, reliability,
                                   low_reliability, rank, change_quarter, change_year, rank_median, rank_low, rank_high)
        SELECT run.id, r.level, r.code, r.period, 10 - r.score, r.class, r.domain_scores, r.contributions, r.indicator_scores, r.reliability,
               r.low_reliability, r.rank, r.change_quarter, r.change_year, r.rank_median, r.rank_low, r.rank_high
        FROM score_results r, run WHERE r.run_id = (SELECT run_id FROM published) AND r.level = 'region'
        """);

    [Fact]
    public async Task An_analyst_opens_the_comparison_in_Russian_and_sees_the_summary_and_a_region_whose_risk_level_differs()
    {
        await AddReversedRunAsync();
        var (page, errors) = await app.OpenAsync("/compare.html?lang=en");
        await SignInForm.SignInAsync(page, "analyst");
        await page.GotoAsync(app.BaseUrl + "/compare.html?lang=ru&level=region");
        await BrowserApp.WaitUntilReadyAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Сравнение методик расчёта" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".app-header a[data-page-link='/compare.html']")).ToHaveTextAsync("Сравнение методик");
        await Assertions.Expect(page.Locator("#summary dd[data-fact='units']")).ToHaveTextAsync("20 единиц");
        await Assertions.Expect(page.Locator("#summary dd[data-fact='changed']")).ToHaveTextAsync(new Regex(@"^\d+ \([\d,]+\s?%\): выше — \d+, ниже — \d+$"));
        await Assertions.Expect(page.Locator("#units-caption")).ToContainTextAsync("квартал");

        var changed = page.Locator("#units-body tr[data-changed='true']").First;
        await Assertions.Expect(changed).ToBeVisibleAsync();
        var cells = changed.Locator("td");
        var (before, after) = ((await cells.Nth(0).InnerTextAsync()).Trim(), (await cells.Nth(1).InnerTextAsync()).Trim());
        Assert.Contains(before, LevelsRu);
        Assert.Contains(after, LevelsRu);
        Assert.NotEqual(before, after);

        // Sorting by the unit column puts the names in order; the table needs no sideways scrolling.
        await page.Locator("#units-head th[data-column='name'] button").ClickAsync();
        await Assertions.Expect(page.Locator("#units-head th[data-column='name']")).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.True(await page.EvaluateAsync<bool>("""
            (() => { const names = [...document.querySelectorAll('#units-body th')].map((th) => th.textContent);
                     return names.length === 20 && names.every((name, i) => i === 0 || names[i - 1].localeCompare(name, 'ru') <= 0); })()
            """));
        Assert.True(await page.EvaluateAsync<bool>("(() => { const w = document.querySelector('#units-table').closest('.table-wrap'); return w.scrollWidth <= w.clientWidth; })()"));
        Assert.DoesNotContain(errors, e => !e.Contains("401", StringComparison.Ordinal));
    }
}
