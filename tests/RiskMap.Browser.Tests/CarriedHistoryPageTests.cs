using Microsoft.Playwright;
using RiskMap.Data.Imports;
using RiskMap.Data.Scoring;
using RiskMap.TestSupport;

namespace RiskMap.Browser.Tests;

/// <summary>A district profile whose trend includes a quarter carried from the 2018 boundaries says so under the trend.</summary>
public sealed class CarriedHistoryPageTests(VintageBrowserApp app) : IClassFixture<VintageBrowserApp>, IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_analyst_reads_in_russian_that_konaievs_figures_for_a_2018_quarter_are_carried_by_pupils()
    {
        // 2018's last quarter is Q4 2022, before the demo's first (2023Q1): only the values imported below are carried.
        await app.Database.ExecuteAsync("UPDATE boundary_vintages SET valid_from = '2018-01-01', valid_to = '2022-12-31' WHERE vintage = 2018");
        await app.Database.ImportAsync(ImportKind.Indicators, _files.Write("2018.csv", """
            entity_level,entity_code,indicator,period,value
            district,196200000,suicides,2022Q4,8
            district,194000000,suicides,2022Q4,6
            """));
        // With forecasts, as the service's runs: the profile asks for the unit's forecast.
        var run = await TestScoring.ForecastingRuns(app.Database).RunAsync(ScoreTrigger.Manual, "test");
        Assert.Equal(ScoreRunStatus.Succeeded, run.Status);

        var (page, errors) = await app.OpenAsync("/?lang=ru&unit=191000000", signedInAs: "analyst");
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.Locator(".profile-carried"))
            .ToHaveTextAsync("Данные этого района за 4 квартал 2022 г. пересчитаны из границ 2018 г. (по числу учащихся).");

        // A district whose history is all in today's boundaries has no such note.
        await page.GotoAsync($"{app.BaseUrl}/?lang=ru&unit=111000000");
        await BrowserApp.WaitUntilReadyAsync(page);
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(profile.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Level = 2 })).ToHaveTextAsync("Кокшетау");
        await Assertions.Expect(profile.Locator(".profile-carried")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }
}
