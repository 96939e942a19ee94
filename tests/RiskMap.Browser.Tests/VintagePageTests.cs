using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The data steward's boundary vintages on the import page, in Russian: the current one marked, a switch confirmed in
/// words that say what follows, refused while a user's scope lies in a region the other vintage lacks (the refusal
/// names that user), then done and undone.
/// </summary>
public class VintagePageTests(VintageBrowserApp app) : IClassFixture<VintageBrowserApp>
{
    private const float SwitchTimeoutMs = 120_000;

    private static ILocator Row(IPage page, int vintage) => page.Locator($"#vintages-body tr[data-vintage='{vintage}']");

    private static async Task SwitchAsync(IPage page, int vintage)
    {
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Сделать текущими границы {vintage} года" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = $"Сделать текущими границы {vintage} года?" });
        await Assertions.Expect(dialog).ToContainTextAsync("карта не покажет баллов");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Сделать текущей" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = SwitchTimeoutMs });
    }

    [Fact]
    public async Task The_steward_sees_the_current_vintage_is_refused_naming_a_user_in_a_missing_region_then_switches_and_back()
    {
        var (page, errors) = await app.OpenAsync("/imports.html?lang=ru", signedInAs: "steward");
        await page.SetViewportSizeAsync(1366, 768);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Редакции границ" })).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, 2024).Locator("th, td")).ToHaveTextAsync(["2024", "Текущая", "—", "—", "20", "224", ""]);
        await Assertions.Expect(Row(page, 2018).Locator("th, td").Nth(4)).ToHaveTextAsync("17");
        await Assertions.Expect(Row(page, 2018).Locator("th, td").Nth(5)).ToHaveTextAsync("216");
        await Assertions.Expect(Row(page, 2024).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        // The width rule: the actions are reached without scrolling the table sideways.
        var table = page.Locator("#vintages .table-wrap");
        Assert.True(await table.EvaluateAsync<bool>("wrap => wrap.scrollWidth <= wrap.clientWidth"), "the vintages table scrolls sideways at 1366 px");

        // Abai region (100000000) was created in 2022: the 2018 boundaries lack it.
        await app.Database.ExecuteAsync("""
            INSERT INTO users (username, display_name, role, scope_region, password_hash) VALUES ('planner-abai', 'Abai planner', 'planner', '100000000', 'x')
            """);
        await SwitchAsync(page, 2018);
        var outcome = page.Locator("#vintage-outcome");
        await Assertions.Expect(outcome).ToContainTextAsync("В границах 2018 года нет 1 единицы, на которую ссылаются области доступа пользователей или программы");
        await Assertions.Expect(outcome.Locator("li")).ToHaveTextAsync(["Пользователь planner-abai: регион 100000000"]);
        await Assertions.Expect(outcome).ToContainTextAsync("Ничего не изменено.");
        await Assertions.Expect(Row(page, 2024).Locator("td").First).ToHaveTextAsync("Текущая");

        await app.Database.ExecuteAsync("DELETE FROM users WHERE username = 'planner-abai'");
        await SwitchAsync(page, 2018);
        await Assertions.Expect(outcome).ToHaveTextAsync("Границы 2018 года теперь текущие. Новые баллы появятся после пересчёта.");
        await Assertions.Expect(Row(page, 2018).Locator("td").First).ToHaveTextAsync("Текущая");
        Assert.Equal(17L, await app.Database.ScalarAsync<long>("SELECT count(*) FROM regions"));

        await SwitchAsync(page, 2024);
        await Assertions.Expect(Row(page, 2024).Locator("td").First).ToHaveTextAsync("Текущая");
        await Assertions.Expect(Row(page, 2018).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Удалить границы 2018 года" })).ToBeVisibleAsync();
        Assert.Equal(20L, await app.Database.ScalarAsync<long>("SELECT count(*) FROM regions"));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("imports-vintages.png"), FullPage = true });
        // The refused switch's 409 is the only failed request the browser reports.
        Assert.All(errors, error => Assert.Contains("409", error));
    }
}
