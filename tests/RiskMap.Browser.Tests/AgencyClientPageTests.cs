using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The agency clients on the import page, in Russian, as the steward uses them: register a client and see its key once,
/// rotate the key (both keys in force during the overlap), change the regions it may write, revoke the old key; each
/// said in words on the page and recorded in the audit log. The class has its own demo database.
/// </summary>
public class AgencyClientPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Name = "police-ui";

    [Fact]
    public async Task The_steward_registers_a_client_rotates_its_key_changes_its_regions_and_revokes_the_old_key()
    {
        var (page, errors) = await app.OpenAsync("/imports.html?lang=ru", "ru-RU", signedInAs: "steward");
        var outcome = page.Locator("#client-outcome");
        var row = page.Locator($"#clients-body tr[data-client='{Name}']");
        var keys = row.Locator(".client-key");

        var form = page.Locator("#client-form");
        await form.Locator("[name=name]").FillAsync(Name);
        await form.Locator("[name=description]").FillAsync("МВД, департамент полиции Алматы");
        await form.Locator("[name=indicators]").FillAsync("suicides");
        await form.Locator("[name=regions]").FillAsync("750000000");
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Зарегистрировать клиента и выдать ключ" }).ClickAsync();

        await Assertions.Expect(outcome).ToContainTextAsync($"Новый ключ клиента {Name}:");
        await Assertions.Expect(outcome).ToContainTextAsync("он больше не будет показан");
        var first = await outcome.Locator(".issued-key").TextContentAsync();
        Assert.Matches(@"^rmk\.[a-z0-9]{16}\.", first);
        await Assertions.Expect(row).ToContainTextAsync("Показатели: suicides. Регионы: 750000000.");
        await Assertions.Expect(keys).ToHaveCountAsync(1);
        var firstPublicId = first!.Split('.')[1];

        await keys.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = $"Заменить ключ {firstPublicId}", Exact = false }).ClickAsync();

        await Assertions.Expect(keys).ToHaveCountAsync(2);
        var second = await outcome.Locator(".issued-key").TextContentAsync();
        Assert.NotEqual(first, second);
        // Both keys in force during the overlap, in words.
        await Assertions.Expect(keys.Filter(new LocatorFilterOptions { HasText = "Действует" })).ToHaveCountAsync(2);

        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = $"Изменить описание, показатели и регионы клиента {Name}" }).ClickAsync();
        await row.Locator(".client-edit [name=regions]").FillAsync("750000000, 710000000");
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Сохранить" }).ClickAsync();

        await Assertions.Expect(outcome).ToHaveTextAsync($"Права клиента {Name} изменены: его следующий пакет проверяется по новым спискам.");
        await Assertions.Expect(row).ToContainTextAsync("Регионы: 750000000, 710000000.");

        await keys.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = $"Отозвать ключ {firstPublicId}" }).ClickAsync();

        await Assertions.Expect(outcome).ToHaveTextAsync($"Ключ клиента {Name} отозван: со следующего запроса он не принимается.");
        await Assertions.Expect(keys.Filter(new LocatorFilterOptions { HasText = firstPublicId })).ToContainTextAsync("Отозван");
        await Assertions.Expect(keys.Filter(new LocatorFilterOptions { HasText = "Действует" })).ToHaveCountAsync(1);

        Assert.Equal(new[] { "agency-client-registered", "agency-key-issued", "agency-client-changed", "agency-key-revoked" }, await app.Database.QueryAsync<string>("""
            SELECT a.action FROM audit_log a JOIN agency_clients c ON a.target = 'agency client ' || c.id
            WHERE c.name = @Name AND a.actor = 'steward' ORDER BY a.id
            """, new { Name }));
        Assert.Empty(errors);
    }
}
