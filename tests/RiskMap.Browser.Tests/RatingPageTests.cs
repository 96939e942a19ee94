using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>The page "Rating of akimats" in Russian as Almaty city's planner: their region's districts with rank bands, the caveat and the method.</summary>
public class RatingPageTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    [Fact]
    public async Task A_russian_planner_sees_their_regions_districts_with_rank_bands_the_caveat_and_the_method_link()
    {
        var (page, errors) = await app.OpenAsync("/?lang=ru", "ru-RU", signedInAs: "planner-75");
        var link = page.Locator("a[data-page-link='/rating.html']");
        await Assertions.Expect(link).ToHaveTextAsync("Рейтинг акиматов");
        await link.ClickAsync();

        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Рейтинг акиматов");
        await Assertions.Expect(page.Locator("#rating-caveat")).ToHaveTextAsync("Рейтинг — повод для разговора, а не доказательство.");
        await Assertions.Expect(page.Locator("a[href='/rating.md']")).ToHaveTextAsync("Как считается рейтинг");
        await Assertions.Expect(page.Locator("#rating-unit-heading")).ToHaveTextAsync("Район");
        var districts = await app.Database.ScalarAsync<long>("SELECT count(*) FROM districts WHERE region_kato = '750000000'");
        var rows = page.Locator("#rating-body tr");
        await Assertions.Expect(rows).ToHaveCountAsync((int)districts);
        await Assertions.Expect(rows.First.Locator("td").First).ToHaveTextAsync("1");
        for (var i = 0; i < districts; i++)
            await Assertions.Expect(rows.Nth(i).Locator(".rating-band")).ToHaveTextAsync(new Regex(@"^\d+–\d+$"));
        Assert.Empty(errors);
    }
}
