using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>The demo with the quarantine on, as the service runs.</summary>
public sealed class QuarantineBrowserApp : BrowserApp
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string>(base.Settings) { ["Quarantine:Enabled"] = "true" };
}

/// <summary>
/// The quarantine on the import page, in Russian: an upload with a misplaced decimal point says a value was held, the
/// held value is listed with its unit, its history and the reason, and accepting it stores it and empties the list.
/// The class has its own demo database.
/// </summary>
public class QuarantinePageTests(QuarantineBrowserApp app) : IClassFixture<QuarantineBrowserApp>
{
    private const float ImportTimeoutMs = 60_000;

    [Fact]
    public async Task The_steward_sees_a_held_value_with_its_history_and_accepts_it()
    {
        var (district, stored) = await app.Database.QueryAsync<(string, double)>("""
            SELECT entity_code, value FROM observations WHERE entity_level = 'district' AND indicator_code = 'minors_on_police_register'
              AND period = '2025Q4' AND value >= 10 ORDER BY entity_code LIMIT 1
            """).ContinueWith(t => t.Result.Single());
        var (page, errors) = await app.OpenAsync("/imports.html?lang=ru", "ru-RU", signedInAs: "steward");
        await Assertions.Expect(page.Locator("#held-empty")).ToHaveTextAsync("В карантине нет значений.");

        await page.Locator("#file-input").SetInputFilesAsync(new FilePayload
        {
            Name = "register.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"entity_level,entity_code,indicator,period,value\ndistrict,{district},minors_on_police_register,2025Q4,{stored * 10}\n"),
        });
        await page.Locator("#import-button").ClickAsync();

        await Assertions.Expect(page.Locator("#result .facts")).ToContainTextAsync(new Regex(@"Задержано в карантине\s*1"),
            new LocatorAssertionsToContainTextOptions { Timeout = ImportTimeoutMs });
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("Значения задержаны в карантине");
        var row = page.Locator("#held-body tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(district);
        await Assertions.Expect(row).ToContainTextAsync("скачок в десять раз от последнего значения");
        await Assertions.Expect(page.Locator("#held-batches")).ToContainTextAsync("в карантине 1 значение");

        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Принять значение", Exact = false }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Принять", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#held-outcome")).ToHaveTextAsync("Принято 1 значение; оно войдёт в следующий пересчёт.");
        await Assertions.Expect(page.Locator("#held-empty")).ToBeVisibleAsync();
        Assert.Equal(stored * 10, await app.Database.ScalarAsync<double>("""
            SELECT value FROM observations WHERE entity_code = @district AND indicator_code = 'minors_on_police_register' AND period = '2025Q4'
            """, new { district }));
        Assert.Empty(errors);
    }
}
