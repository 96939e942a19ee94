using System.Globalization;
using System.Net;
using System.Text.Json;
using static RiskMap.Web.Tests.Access.Callers;
using static RiskMap.Web.Tests.ExportFiles;

namespace RiskMap.Web.Tests;

/// <summary>
/// Methodology 2.0, the default, publishes with every score what it is worth: the score's interval, the probability of
/// risk level 4 or 5 and whether each change is clear — exactly where the score is shown, for callers who see the unit in
/// full; and an indicator view gives the observed rate per 1,000 pupils and the count behind the indicator's score.
/// </summary>
public class ScoreUncertaintyTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private static bool IsNull(JsonElement unit, string name) => !unit.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null;

    private static IEnumerable<JsonElement> Units(JsonElement table) => table.GetProperty("units").EnumerateArray();

    [Fact]
    public async Task The_published_run_is_methodology_2_0_and_each_score_comes_with_its_interval_and_probability_of_a_high_risk_level()
    {
        var table = await Json.GetAsync(app.ClientAs(Analyst), "/api/scores?level=district");

        Assert.Equal("riskmap-2.0", table.GetProperty("methodologyVersion").GetString());
        var scored = Units(table).Where(u => !IsNull(u, "score")).ToList();
        Assert.NotEmpty(scored);
        Assert.All(scored, u =>
        {
            var interval = u.GetProperty("scoreInterval");
            Assert.InRange(u.GetProperty("score").GetDouble(), interval.GetProperty("low").GetDouble(), interval.GetProperty("high").GetDouble());
            Assert.InRange(u.GetProperty("highRiskProbability").GetDouble(), 0, 1);
            Assert.Equal(IsNull(u, "changeQuarter"), IsNull(u, "clearChangeQuarter"));
        });
        // The very high are likely high or very high, the very low are not.
        double MeanProbability(int level) => scored.Where(u => u.GetProperty("class").GetInt32() == level).Average(u => u.GetProperty("highRiskProbability").GetDouble());
        Assert.True(MeanProbability(5) > 0.5 && MeanProbability(1) < 0.5, $"level 5: {MeanProbability(5)}, level 1: {MeanProbability(1)}");
    }

    [Theory]
    [InlineData(Anonymous)]
    [InlineData(Planner71)]
    [InlineData(Education75)]
    public async Task A_caller_sees_the_uncertainty_of_units_in_their_scope_only(string caller)
    {
        var client = caller == Anonymous ? app.CreateClient() : await app.ClientAsAsync(caller);
        var table = await Json.GetAsync(client, "/api/scores?level=district");
        foreach (var unit in Units(table))
        {
            var inScope = SeesInDetail(caller, unit.GetProperty("regionKato").GetString());
            foreach (var field in new[] { "scoreInterval", "highRiskProbability", "clearChangeQuarter", "clearChangeYear" })
                Assert.True(inScope != IsNull(unit, field) || IsNull(unit, "score"), $"{caller} {unit.GetProperty("code")} {field}");
        }
        // A profile outside the scope carries none of it either.
        var outside = await Json.GetAsync(client, $"/api/scores/district/{(caller == Planner71 ? AlmatyDistrict : AstanaDistrict)}");
        Assert.All(new[] { "scoreInterval", "highRiskProbability", "clearChangeQuarter", "clearChangeYear" }, f => Assert.True(IsNull(outside.GetProperty("latest"), f)));
    }

    [Fact]
    public async Task A_profile_in_the_scope_shows_the_same_interval_and_probability_as_the_table()
    {
        var client = await app.ClientAsAsync(Planner75);
        var unit = Units(await Json.GetAsync(client, $"/api/scores?level=district&region={Almaty}")).First(u => !IsNull(u, "score"));

        var latest = (await Json.GetAsync(client, $"/api/scores/district/{unit.GetProperty("code").GetString()}")).GetProperty("latest");

        Assert.Equal(unit.GetProperty("scoreInterval").ToString(), latest.GetProperty("scoreInterval").ToString());
        Assert.Equal(unit.GetProperty("highRiskProbability").GetDouble(), latest.GetProperty("highRiskProbability").GetDouble());
        Assert.Equal(unit.GetProperty("clearChangeQuarter").ToString(), latest.GetProperty("clearChangeQuarter").ToString());
    }

    [Theory]
    [InlineData("en", "score interval: from", "probability of risk level 4 or 5 (%)", "clear change on quarter", "yes", "no")]
    [InlineData("ru", "интервал балла: от", "вероятность уровня риска 4 или 5 (%)", "явное изменение за квартал", "да", "нет")]
    [InlineData("kk", "балл аралығы: бастап", "4 немесе 5 тәуекел деңгейінің ықтималдығы (%)", "тоқсан бойынша айқын өзгеріс", "иә", "жоқ")]
    public async Task The_score_export_has_the_interval_probability_and_clear_change_columns_in_the_language(
        string lang, string from, string probability, string clearChange, string yes, string no)
    {
        var client = await app.ClientAsAsync(Planner75);
        var units = Units(await Json.GetAsync(client, $"/api/scores?level=district&region={Almaty}")).ToDictionary(u => u.GetProperty("code").GetString()!);

        var response = await client.GetAsync($"/api/exports/scores?level=district&region={Almaty}&format=csv&lang={lang}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ParseCsv(await response.Content.ReadAsByteArrayAsync());
        var headings = rows[0];
        string Cell(string[] row, string heading) => row[Array.IndexOf(headings, heading)];

        Assert.Equal(units.Values.Count(u => !IsNull(u, "score")), rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            var unit = units[Cell(row, headings[1])];
            Assert.Equal(Math.Round(unit.GetProperty("scoreInterval").GetProperty("low").GetDouble(), 3),
                double.Parse(Cell(row, from), CultureInfo.InvariantCulture), 3);
            Assert.Equal(Math.Round(100 * unit.GetProperty("highRiskProbability").GetDouble(), 1),
                double.Parse(Cell(row, probability), CultureInfo.InvariantCulture), 1);
            Assert.Equal(unit.GetProperty("clearChangeQuarter").ValueKind switch { JsonValueKind.True => yes, JsonValueKind.False => no, _ => "" },
                Cell(row, clearChange));
        }
    }

    [Fact]
    public async Task An_indicator_view_gives_the_observed_rate_per_1000_pupils_and_the_count_in_the_scope_only()
    {
        var client = await app.ClientAsAsync(Planner75);
        var table = await Json.GetAsync(client, "/api/scores?level=district&indicator=bullying_reports");
        var observed = await app.Database.QueryAsync<(string, double, double)>("""
            SELECT s.district_kato, sum(o.value), sum(COALESCE(o.denominator, s.pupils))
            FROM observations o JOIN schools s ON o.entity_level = 'school' AND o.entity_code = s.code
            WHERE o.indicator_code = 'bullying_reports' AND o.period = @period AND s.region_kato = @region
              AND NOT EXISTS (SELECT 1 FROM observations d WHERE d.entity_level = 'district' AND d.entity_code = s.district_kato
                                AND d.indicator_code = 'bullying_reports' AND d.period = @period)
            GROUP BY s.district_kato
            """, new { period = table.GetProperty("period").GetString(), region = Almaty });
        Assert.NotEmpty(observed);

        var byCode = Units(table).ToDictionary(u => u.GetProperty("code").GetString()!);
        foreach (var (code, events, pupils) in observed)
        {
            var value = byCode[code].GetProperty("value");
            Assert.Equal("per1000Pupils", value.GetProperty("unit").GetString());
            Assert.Equal(events, value.GetProperty("count").GetDouble());
            Assert.Equal(events / pupils * 1000, value.GetProperty("rate").GetDouble(), 9);
        }
        Assert.All(Units(table).Where(u => u.GetProperty("regionKato").GetString() != Almaty), u => Assert.True(IsNull(u, "value")));

        // A percentage is shown as one; the composite has no value.
        var percent = await Json.GetAsync(client, $"/api/scores/district/{AlmatyDistrict}?indicator=chronic_absence_share");
        Assert.Equal("percent", percent.GetProperty("latest").GetProperty("value").GetProperty("unit").GetString());
        Assert.True(IsNull((await Json.GetAsync(client, $"/api/scores/district/{AlmatyDistrict}")).GetProperty("latest"), "value"));
    }
}
