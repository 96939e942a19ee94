using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The page "Data delivery" in Russian as the ministry's analyst: linked in the header, a grid of the regions ×
/// quarters whose late and missing deliveries read in words (the demo's quarters were loaded long after their due dates,
/// and the quarter after them has nothing), and one region's indicators with the day their data arrived.
/// </summary>
public class DataDeliveryPageTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    [Fact]
    public async Task A_russian_analyst_finds_the_late_and_missing_deliveries_in_words()
    {
        var (page, errors) = await app.OpenAsync("/data-delivery.html?lang=ru&from=2025Q4&to=2026Q1", "ru-RU", signedInAs: "analyst");
        await Assertions.Expect(page.Locator("a[data-page-link='/data-delivery.html']")).ToHaveTextAsync("Поступление данных");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Своевременность и полнота данных показателей");
        var almaty = page.Locator("#delivery-body tr[data-region='750000000']");
        await Assertions.Expect(almaty.Locator("td").Nth(0)).ToContainTextAsync("с опозданием: 14");
        await Assertions.Expect(almaty.Locator("td").Nth(1)).ToContainTextAsync("не получено: 14");
        await Assertions.Expect(page.Locator("#delivery-body tr")).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator("#delivery-meta")).ToContainTextAsync("Ожидалось 560 поставок");

        await page.Locator("#delivery-region").SelectOptionAsync("750000000");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        var suicides = page.Locator("#delivery-body tr[data-indicator='suicides']");
        await Assertions.Expect(suicides.Locator("td").Nth(0)).ToContainTextAsync("с опозданием");
        await Assertions.Expect(suicides.Locator("td").Nth(0)).ToContainTextAsync("получено ");
        await Assertions.Expect(suicides.Locator("td").Nth(1)).ToContainTextAsync("не получено");
        Assert.Empty(errors);
    }
}
