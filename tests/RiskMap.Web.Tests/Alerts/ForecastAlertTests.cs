using System.Net;
using System.Text.Json;
using RiskMap.Web.Tests.Access;

namespace RiskMap.Web.Tests.Alerts;

/// <summary>
/// The forecast alert rule ("risk level 4–5 likely next quarter"): raised by the published demo run from its own forecasts
/// for units not in level 4–5 yet, and served like every alert, only to callers who see the unit in full, in their language.
/// </summary>
public class ForecastAlertTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Rule = "forecast-high-risk";

    [Fact]
    public async Task The_published_run_warns_of_exactly_the_units_not_in_level_4_or_5_whose_forecast_gives_it_half_a_chance_next_quarter()
    {
        var expected = await app.Database.QueryAsync<string>("""
            SELECT f.level || ' ' || f.code FROM forecasts f
            JOIN score_runs r ON r.id = f.run_id
            JOIN score_results s ON s.run_id = f.run_id AND s.level = f.level AND s.code = f.code AND s.period = r.periods[array_length(r.periods, 1)]
            WHERE f.run_id = @FirstRun AND f.measure = 'composite' AND f.horizon = 1 AND f.high_risk_probability >= 0.5 AND s.class BETWEEN 1 AND 3
            ORDER BY 1
            """, new { app.FirstRun });
        var raised = await app.Database.QueryAsync<(string Unit, double Probability, short Horizon, long Run)>($"""
            SELECT level || ' ' || code, probability, horizon, run_id FROM alerts WHERE rule = '{Rule}' ORDER BY 1
            """);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, raised.Select(r => r.Unit));
        Assert.All(raised, r => Assert.True(r.Probability >= 0.5 && r.Horizon == 1 && r.Run == app.FirstRun, $"{r}"));
    }

    /// <summary>Raises a forecast alert by hand in a quarter long before the demo's, as a published run would.</summary>
    private async Task<long> RaiseAsync(string code, double probability) => await app.Database.ScalarAsync<long>($"""
        INSERT INTO alerts (rule, level, code, period, score, probability, horizon, run_id, rule_version_id)
        VALUES ('{Rule}', 'district', @code, '2000Q4', 5.1, @probability, 2, @FirstRun, 1)
        ON CONFLICT (rule, level, code, period) DO UPDATE SET probability = EXCLUDED.probability RETURNING id
        """, new { code, probability, app.FirstRun });

    private static async Task<List<JsonElement>> ForecastAlertsAsync(HttpClient client) =>
        [.. (await Json.GetAsync(client, $"/api/alerts?rule={Rule}&pageSize=500")).GetProperty("alerts").EnumerateArray()];

    [Fact]
    public async Task A_planner_sees_only_their_regions_forecast_alerts_and_the_public_none()
    {
        var almaty = await RaiseAsync(Callers.AlmatyDistrict, 0.62);
        var astana = await RaiseAsync(Callers.AstanaDistrict, 0.71);

        var planner = await ForecastAlertsAsync(await app.ClientAsAsync("planner-75"));
        var analyst = await ForecastAlertsAsync(await app.ClientAsAsync("analyst"));

        Assert.All(planner, a => Assert.Equal(Callers.Almaty, a.GetProperty("regionKato").GetString()));
        var own = Assert.Single(planner, a => a.GetProperty("id").GetInt64() == almaty);
        Assert.Equal((0.62, 2, "2001Q2"), (own.GetProperty("probability").GetDouble(), own.GetProperty("horizon").GetInt32(),
            own.GetProperty("forecastPeriod").GetString()));
        Assert.DoesNotContain(planner, a => a.GetProperty("id").GetInt64() == astana);
        Assert.Contains(analyst, a => a.GetProperty("id").GetInt64() == astana);
        await Json.ProblemAsync(await (await app.ClientAsAsync("planner-75")).GetAsync($"/api/alerts/{astana}"), HttpStatusCode.NotFound);
        var anonymous = app.CreateClient();
        await Json.ProblemAsync(await anonymous.GetAsync($"/api/alerts?rule={Rule}"), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await anonymous.GetAsync($"/api/alerts/{almaty}"), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await anonymous.GetAsync($"/api/exports/alerts?rule={Rule}"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("kk", "Болжам: 4–5 тәуекел деңгейі ықтимал", "2001 ж. 2-тоқсанда 4–5 тәуекел деңгейінің ықтималдығы 62 %")]
    [InlineData("ru", "Прогноз: вероятен уровень риска 4–5", "Вероятность уровня риска 4–5 на 2 квартал 2001 г.: 62 %")]
    [InlineData("en", "Forecast: risk level 4–5 likely", "Probability of risk level 4–5 in Q2 2001: 62%")]
    public async Task The_export_names_the_rule_and_the_forecast_in_the_callers_language(string lang, string rule, string forecast)
    {
        await RaiseAsync(Callers.AlmatyOtherDistrict, 0.62);

        var response = await (await app.ClientAsAsync("planner-75")).GetAsync($"/api/exports/alerts?format=csv&rule={Rule}&lang={lang}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ExportFiles.ParseCsv(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(rows.Skip(1), r => r[4] == Callers.AlmatyOtherDistrict && r[2] == rule && r[9] == forecast);
        Assert.DoesNotContain(rows.Skip(1), r => r[4] == Callers.AstanaDistrict);
    }
}
