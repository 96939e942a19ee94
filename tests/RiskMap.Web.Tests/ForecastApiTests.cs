using System.Net;
using System.Text.Json;
using RiskMap.Core.Forecasting;
using RiskMap.Core.Localization;

namespace RiskMap.Web.Tests;

/// <summary>
/// GET /api/forecasts and /api/forecasts/skill on the scored demo: forecasts only of units the caller sees in full, none for
/// the public, and the backtest (no unit's data) for everyone.
/// </summary>
public class ForecastApiTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Url = "/api/forecasts";
    private const string AstanaDistrict = "711210000";

    private static List<JsonElement> Units(JsonElement list) => [.. list.GetProperty("units").EnumerateArray()];

    [Fact]
    public async Task The_public_must_sign_in_and_a_data_steward_is_refused()
    {
        await Json.ProblemAsync(await app.CreateClient().GetAsync(Url), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await app.CreateClient().GetAsync(Url + "?level=region"), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await (await app.ClientAsAsync("steward")).GetAsync(Url), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_analyst_gets_every_districts_next_two_quarters_with_the_published_method()
    {
        var list = await Json.GetAsync(await app.ClientAsAsync("analyst"), Url + "?lang=ru");
        var units = Units(list);

        Assert.Equal(app.FirstRun, list.GetProperty("run").GetInt64());
        var method = ForecastMethodCodes.FromCode(list.GetProperty("method").GetString()!);
        Assert.Equal(ForecastTexts.Name(method, Language.Ru), list.GetProperty("methodName").GetString());
        Assert.Equal(224, units.Count);
        Assert.All(units, u =>
        {
            var forecasts = u.GetProperty("forecasts").EnumerateArray().ToList();
            Assert.Equal([("composite", 1, "2026Q1"), ("composite", 2, "2026Q2")],
                forecasts.Select(f => (f.GetProperty("measure").GetString(), f.GetProperty("horizon").GetInt32(), f.GetProperty("period").GetString())));
            Assert.All(forecasts, f => Assert.InRange(f.GetProperty("highRiskProbability").GetDouble(), 0, 1));
        });
    }

    [Fact]
    public async Task One_unit_has_every_count_indicators_distribution_beside_the_composite()
    {
        var unit = Assert.Single(Units(await Json.GetAsync(await app.ClientAsAsync("analyst"), $"{Url}?unit={AstanaDistrict}")));
        var counts = unit.GetProperty("forecasts").EnumerateArray().Where(f => f.GetProperty("measure").GetString() != "composite").ToList();

        Assert.Equal(AstanaDistrict, unit.GetProperty("code").GetString());
        Assert.NotEmpty(counts);
        Assert.All(counts, f =>
        {
            Assert.Equal(JsonValueKind.Null, f.GetProperty("score").ValueKind);
            Assert.InRange(f.GetProperty("countMedian").GetInt32(), f.GetProperty("countLow").GetInt32(), f.GetProperty("countHigh").GetInt32());
        });
    }

    [Fact]
    public async Task A_planner_of_Almaty_never_gets_an_Astana_forecast()
    {
        var planner = await app.ClientAsAsync("planner-75");

        var districts = Units(await Json.GetAsync(planner, Url));
        Assert.Equal(8, districts.Count);
        Assert.All(districts, u => Assert.Equal("750000000", u.GetProperty("regionKato").GetString()));
        Assert.Equal(["750000000"], Units(await Json.GetAsync(planner, Url + "?level=region")).Select(u => u.GetProperty("code").GetString()));
        var schools = Units(await Json.GetAsync(planner, Url + "?level=school"));
        Assert.NotEmpty(schools);
        Assert.All(schools, u => Assert.Equal("750000000", u.GetProperty("regionKato").GetString()));
        await Json.ProblemAsync(await planner.GetAsync($"{Url}?unit={AstanaDistrict}"), HttpStatusCode.NotFound);
        await Json.ProblemAsync(await planner.GetAsync($"{Url}?level=region&unit=710000000"), HttpStatusCode.NotFound);
        await Json.ProblemAsync(await planner.GetAsync(Url + "?region=710000000"), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("?level=country", "level")]
    [InlineData("?region=75", "region")]
    [InlineData("?unit=a%20b", "unit")]
    [InlineData("?lang=de", "lang")]
    public async Task A_bad_parameter_is_a_problem_naming_it(string query, string parameter)
    {
        var problem = await Json.ProblemAsync(await (await app.ClientAsAsync("analyst")).GetAsync(Url + query), HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Anyone_gets_the_backtest_with_the_skill_against_each_baseline_and_one_published_method_per_level()
    {
        var skill = await Json.GetAsync(app.CreateClient(), "/api/forecasts/skill?lang=kk");
        var rows = skill.GetProperty("rows").EnumerateArray().ToList();

        Assert.Equal(24, rows.Count);
        Assert.DoesNotContain(AstanaDistrict, skill.ToString());
        foreach (var level in rows.GroupBy(r => r.GetProperty("level").GetString()))
        {
            var published = level.Where(r => r.GetProperty("published").GetBoolean()).Select(r => r.GetProperty("method").GetString()).Distinct();
            Assert.Single(published);
        }
        Assert.All(rows, r =>
        {
            var method = ForecastMethodCodes.FromCode(r.GetProperty("method").GetString()!);
            Assert.Equal(ForecastTexts.Name(method, Language.Kk), r.GetProperty("methodName").GetString());
            Assert.Equal(method == ForecastMethod.Model, r.GetProperty("crpsSkill").ValueKind == JsonValueKind.Null);
        });
    }
}
