using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// Forecasts in the UI: the forecast line of a district's profile for a caller who may see it (in Russian), and the model
/// card "How reliable are forecasts" with the stored backtest (in Kazakh). On the demo, districts publish their counts
/// from one method and the probability of level 4–5 from another (each chosen by its own backtest): both are named.
/// </summary>
public class ForecastPageTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string AstanaDistrict = "711210000";

    [Fact]
    public async Task A_russian_analyst_sees_the_next_quarters_forecast_in_a_district_profile_and_a_planner_elsewhere_does_not()
    {
        var (page, errors) = await app.OpenAsync($"/?lang=ru&unit={AstanaDistrict}", "ru-RU", signedInAs: "analyst");
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");

        await Assertions.Expect(profile.Locator(".profile-forecast"))
            .ToHaveTextAsync(new Regex(@"^1 квартал 2026 г\.: балл \d+,\d–\d+,\d \(80 % интервал\)$"));
        await Assertions.Expect(profile.Locator(".profile-forecast-risk")).ToHaveTextAsync(new Regex(@"^Вероятность уровня риска Высокий или Очень высокий: \d+\s?%$"));
        var published = await FetchAsync(page, $"/api/forecasts?level=district&unit={AstanaDistrict}&lang=ru");
        Assert.NotEqual(published.GetProperty("method").GetString(), published.GetProperty("probabilityMethod").GetString());
        await Assertions.Expect(profile.Locator(".profile-forecast-method")).ToHaveTextAsync(
            $"Метод для числа случаев и балла: {published.GetProperty("methodName").GetString()}; " +
            $"для вероятности уровня 4–5: {published.GetProperty("probabilityMethodName").GetString()}");
        await Assertions.Expect(profile.Locator(".profile-forecast-note")).ToContainTextAsync("Это прогноз, а не факт.");
        await Assertions.Expect(profile.Locator(".profile-forecast-note a")).ToHaveAttributeAsync("href", "/forecasts.html?lang=ru");
        Assert.Empty(errors);

        // A planner of Almaty is shown the Astana district's risk level only, never its forecast.
        var (planner, _) = await app.OpenAsync($"/?lang=ru&unit={AstanaDistrict}", "ru-RU", signedInAs: "planner-75");
        await Assertions.Expect(planner.Locator("#profile")).ToHaveAttributeAsync("data-profile", "ready");
        Assert.Equal(0, await planner.Locator("#profile .profile-forecast").CountAsync());
    }

    [Fact]
    public async Task The_model_card_in_kazakh_shows_the_skill_table_against_the_baselines_and_that_forecasts_are_never_about_children()
    {
        var (page, errors) = await app.OpenAsync("/forecasts.html?lang=kk", "kk-KZ");
        await page.SetViewportSizeAsync(1366, 768);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Болжамдар қаншалықты сенімді");
        var rows = page.Locator("#skill-body tr");
        // 3 levels × 2 horizons × the model and 3 baselines.
        await Assertions.Expect(rows).ToHaveCountAsync(24);
        await Assertions.Expect(page.Locator("#skill-body tr[data-level='district'][data-method='historical-mean']").First)
            .ToContainTextAsync("Аудандар");
        await Assertions.Expect(page.Locator("#skill-body .skill-published")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#skill-body .skill-published").First).ToHaveTextAsync("(жарияланады)");
        // One row per level and horizon is marked as publishing the probability of level 4–5: for districts, not the counts' method.
        var marked = page.Locator("#skill-body .skill-published-probability");
        await Assertions.Expect(marked).ToHaveCountAsync(6);
        await Assertions.Expect(marked.First).ToHaveTextAsync("(4–5 деңгей ықтималдығы осыдан жарияланады)");
        var skill = await FetchAsync(page, "/api/forecasts/skill?lang=kk");
        var probabilityMethod = skill.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("level").GetString() == "district" && r.GetProperty("horizon").GetInt32() == 1 && r.GetProperty("publishedProbability").GetBoolean())
            .GetProperty("method").GetString();
        await Assertions.Expect(page.Locator($"#skill-body tr[data-level='district'][data-method='{probabilityMethod}'] .skill-published-probability"))
            .ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator($"#skill-body tr[data-level='district'][data-method='{probabilityMethod}'] .skill-published")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#children-text")).ToContainTextAsync("баланы немесе отбасын белгілеу үшін қолдануға болмайды");
        // The width rule: the table needs no horizontal scrolling at 1366 px.
        var widths = await page.Locator("#skill-table").EvaluateAsync<int[]>("e => [e.scrollWidth, e.closest('.table-wrap').clientWidth]");
        Assert.True(widths[0] <= widths[1], $"table {widths[0]} px in a {widths[1]} px frame");
        Assert.Empty(errors);
    }

    /// <summary>An API answer as the page's own session gets it.</summary>
    private static Task<JsonElement> FetchAsync(IPage page, string path) =>
        page.EvaluateAsync<JsonElement>("async path => (await fetch(path, { credentials: 'same-origin' })).json()", path);
}
