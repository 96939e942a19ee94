using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>The header's badge of new alerts and the alerts page, used as a Russian planner of Almaty city uses them.</summary>
public class AlertPageTests(AlertBrowserApp app) : IClassFixture<AlertBrowserApp>
{
    private static ILocator Badge(IPage page) => page.Locator(".app-header #alert-badge");

    [Fact]
    public async Task A_planner_sees_the_badge_follows_an_alert_to_the_map_comes_back_and_acknowledges_it_and_the_count_drops_by_one()
    {
        var ids = await app.RaiseInAlmatyAsync(2);
        var before = await app.NewAlertsOfAsync("planner-75");
        Assert.True(before >= 2);

        var (page, errors) = await app.OpenAsync("/?lang=ru", locale: "ru-RU", signedInAs: "planner-75");
        await Assertions.Expect(Badge(page)).ToHaveAttributeAsync("data-count", before.ToString());
        await Assertions.Expect(Badge(page)).ToBeVisibleAsync();

        await page.Locator(".app-header a[data-page-link='/alerts.html']").ClickAsync();
        await BrowserApp.WaitUntilReadyAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Оповещения о рисках");
        var row = page.Locator($"#alerts-table tr[data-alert='{ids[0]}']");
        await Assertions.Expect(row).ToContainTextAsync("Явный рост балла");
        await Assertions.Expect(row).ToContainTextAsync(new Regex(@"квартал \d{4} г\."));
        var name = await row.Locator(".alert-unit-name").InnerTextAsync();
        // The actions are in reach without scrolling the table sideways (the width rule).
        Assert.True(await page.Locator("#alerts-table").EvaluateAsync<bool>("t => t.parentElement.scrollWidth <= t.parentElement.clientWidth"));
        // A planner may add the unit to a programme from here, as from the map's profile.
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = $"{name}: добавить в программу" })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = $"{name}: показать на карте" }).ClickAsync();
        await BrowserApp.WaitUntilReadyAsync(page);
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.GetByRole(AriaRole.Heading, new() { Name = name, Level = 2 })).ToBeVisibleAsync();

        await page.GoBackAsync();
        await BrowserApp.WaitUntilReadyAsync(page);
        await row.GetByRole(AriaRole.Button, new() { Name = $"{name}: отметить рассмотренным" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Оповещение рассмотрено: {name}" });
        // Without a note nothing is acknowledged.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Отметить", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog.Locator(".field-error")).ToHaveTextAsync("Напишите примечание: что сделано или решено.");
        Assert.Equal(before, await app.NewAlertsOfAsync("planner-75"));

        await dialog.GetByLabel("Примечание").FillAsync("Выезд психолога в школы района согласован");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Отметить", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync($"Оповещение о территории «{name}» отмечено рассмотренным.");
        await Assertions.Expect(Badge(page)).ToHaveAttributeAsync("data-count", (before - 1).ToString());
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "acknowledged");
        await Assertions.Expect(row.Locator(".alert-acknowledged-by")).ToContainTextAsync("planner-75");
        await Assertions.Expect(row.Locator(".alert-note")).ToHaveTextAsync("Выезд психолога в школы района согласован");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = $"{name}: отметить рассмотренным" })).ToHaveCountAsync(0);
        Assert.Equal(before - 1, await app.NewAlertsOfAsync("planner-75"));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("steward")]
    public async Task The_public_and_the_steward_see_no_badge_and_no_link_to_alerts(string? user)
    {
        await app.RaiseInAlmatyAsync(1);
        var (page, _) = await app.OpenAsync("/alerts.html?lang=en", signedInAs: user);
        await Assertions.Expect(page.Locator("#access-note")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".app-header a[data-page-link='/alerts.html']")).ToBeHiddenAsync();
        await Assertions.Expect(Badge(page)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#alerts-table")).ToHaveCountAsync(0);
    }
}
