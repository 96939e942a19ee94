using System.Text.Json;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// Methodology 2.0 keeps a unit's risk level while its score stays within the level's margin: the profile says so beside
/// the level, so a reader who finds the score in another level's range knows why.
/// </summary>
public class HeldLevelPageTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    [Fact]
    public async Task A_held_district_s_profile_explains_in_russian_that_its_level_was_kept_and_by_what_margin()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await SignInForm.SignInAsync(page, "analyst");
        var units = (await page.EvaluateAsync<JsonElement>("fetch('/api/scores?level=district').then(r => r.json())")).GetProperty("units").EnumerateArray().ToList();
        var held = units.First(u => u.GetProperty("levelHeldWithin").ValueKind == JsonValueKind.Number);
        var notHeld = units.First(u => u.GetProperty("score").ValueKind == JsonValueKind.Number && u.GetProperty("levelHeldWithin").ValueKind == JsonValueKind.Null);
        var shown = await page.EvaluateAsync<string[]>(
            "values => values.map(v => new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v))",
            new[] { held.GetProperty("score").GetDouble(), held.GetProperty("levelHeldWithin").GetDouble() });

        await page.GotoAsync($"{app.BaseUrl}/?lang=ru&unit={held.GetProperty("code").GetString()}");
        await BrowserApp.WaitUntilReadyAsync(page);
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.Locator("[data-held-level]"))
            .ToHaveTextAsync($"Уровень сохранён: балл {shown[0]} не вышел за границу уровня больше чем на {shown[1]}");

        await page.GotoAsync($"{app.BaseUrl}/?lang=ru&unit={notHeld.GetProperty("code").GetString()}");
        await BrowserApp.WaitUntilReadyAsync(page);
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.Locator(".profile-class")).ToBeVisibleAsync();
        await Assertions.Expect(profile.Locator("[data-held-level]")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }
}
