using System.Net;
using System.Text.Json;

namespace RiskMap.Web.Tests;

/// <summary>A unit's profile follows the map's view: quarter, measure and classification, with the scope rules of the table.</summary>
public class ScoreProfileViewTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string View = "period=2025Q2&domain=protective&classes=quantile";
    private readonly HttpClient _analyst = app.ClientAs("analyst");

    [Fact]
    public async Task A_profile_in_a_past_quarter_by_a_domain_with_quantiles_shows_the_unit_as_the_maps_table_does()
    {
        var table = await Json.GetAsync(_analyst, $"/api/scores?level=district&{View}");
        var unit = table.GetProperty("units")[40];
        var code = unit.GetProperty("code").GetString();

        var profile = await Json.GetAsync(_analyst, $"/api/scores/district/{code}?{View}");

        Assert.Equal("2025Q2", profile.GetProperty("period").GetString());
        Assert.Equal("domain:protective", profile.GetProperty("measure").GetString());
        Assert.Equal("quantile", profile.GetProperty("classification").GetString());
        var shown = profile.GetProperty("latest");
        Assert.Equal(unit.GetProperty("score").GetDouble(), shown.GetProperty("score").GetDouble(), 9);
        Assert.Equal(unit.GetProperty("class").GetInt32(), shown.GetProperty("class").GetInt32());
        Assert.Equal(unit.GetProperty("rank").GetInt32(), shown.GetProperty("rank").GetInt32());
        // The history is of the same measure and classes: its 2025Q2 point is the one shown.
        var point = profile.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("period").GetString() == "2025Q2");
        Assert.Equal(unit.GetProperty("score").GetDouble(), point.GetProperty("score").GetDouble(), 9);
        Assert.Equal(unit.GetProperty("class").GetInt32(), point.GetProperty("class").GetInt32());
        Assert.Equal(12, profile.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task The_year_on_year_change_of_a_past_quarter_is_its_score_less_the_same_quarter_a_year_before()
    {
        var code = (await Json.GetAsync(_analyst, "/api/scores?level=district")).GetProperty("units")[10].GetProperty("code").GetString();

        var profile = await Json.GetAsync(_analyst, $"/api/scores/district/{code}?period=2025Q2");

        var score = profile.GetProperty("history").EnumerateArray().ToDictionary(h => h.GetProperty("period").GetString()!, h => h.GetProperty("score").GetDouble());
        var shown = profile.GetProperty("latest");
        Assert.Equal(score["2025Q2"], shown.GetProperty("score").GetDouble(), 9);
        Assert.Equal(score["2025Q2"] - score["2024Q2"], shown.GetProperty("changeYear").GetDouble(), 6);
        Assert.Equal(score["2025Q2"] - score["2025Q1"], shown.GetProperty("changeQuarter").GetDouble(), 6);
    }

    [Theory]
    [InlineData("domain=protective")]
    [InlineData("indicator=bullying_reports")]
    public async Task A_domain_s_or_indicator_s_change_is_its_score_less_the_previous_quarter_s_and_the_year_before_s(string measure)
    {
        var table = await Json.GetAsync(_analyst, $"/api/scores?level=district&period=2025Q2&{measure}");
        var code = table.GetProperty("units")[10].GetProperty("code").GetString();

        // The same rule as the composite's (above), by the measure's own scores: in the table, the profile and the hotspots.
        var profile = await Json.GetAsync(_analyst, $"/api/scores/district/{code}?period=2025Q2&{measure}");
        var score = profile.GetProperty("history").EnumerateArray().ToDictionary(h => h.GetProperty("period").GetString()!, h => h.GetProperty("score").GetDouble());
        var hotspots = await Json.GetAsync(_analyst, $"/api/hotspots?period=2025Q2&top=1000&by={measure.Replace('=', ':')}");
        var listed = hotspots.GetProperty("units").EnumerateArray().Select(h => h.GetProperty("unit")).Single(u => u.GetProperty("code").GetString() == code);
        foreach (var unit in new[] { table.GetProperty("units")[10], profile.GetProperty("latest"), listed })
        {
            Assert.Equal(score["2025Q2"] - score["2025Q1"], unit.GetProperty("changeQuarter").GetDouble(), 6);
            Assert.Equal(score["2025Q2"] - score["2024Q2"], unit.GetProperty("changeYear").GetDouble(), 6);
        }
        // The first quarter of the run has no earlier one.
        var first = await Json.GetAsync(_analyst, $"/api/scores/district/{code}?period=2023Q1&{measure}");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("latest").GetProperty("changeQuarter").ValueKind);

        // Outside a planner's region the change is detail, as the score is.
        var planner = app.ClientAs("planner-75");
        var outside = await Json.GetAsync(planner, $"/api/scores?level=district&period=2025Q2&{measure}");
        Assert.All(outside.GetProperty("units").EnumerateArray().Where(u => !u.GetProperty("detailed").GetBoolean()),
            u => Assert.Equal(JsonValueKind.Null, u.GetProperty("changeQuarter").ValueKind));
        Assert.Contains(outside.GetProperty("units").EnumerateArray(), u => u.GetProperty("changeQuarter").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task A_planner_opening_the_analysts_view_of_a_district_outside_the_region_gets_no_domain_class_and_no_score()
    {
        var planner = app.ClientAs("planner-75");
        var outside = (await Json.GetAsync(_analyst, "/api/scores?level=district&region=630000000")).GetProperty("units")[0].GetProperty("code").GetString();

        var profile = await Json.GetAsync(planner, $"/api/scores/district/{outside}?{View}");

        var shown = profile.GetProperty("latest");
        Assert.False(shown.GetProperty("detailed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("class").ValueKind);
        Assert.Empty(profile.GetProperty("contributions").EnumerateArray());
        Assert.All(profile.GetProperty("history").EnumerateArray(), h =>
        {
            Assert.Equal(JsonValueKind.Null, h.GetProperty("score").ValueKind);
            Assert.Equal(JsonValueKind.Null, h.GetProperty("class").ValueKind);
        });
    }

    [Theory]
    [InlineData("analyst", "school", "period=2025-2", HttpStatusCode.BadRequest)]
    [InlineData("analyst", "school", "period=2019Q1", HttpStatusCode.NotFound)]
    [InlineData("analyst", "school", "classes=natural", HttpStatusCode.BadRequest)]
    [InlineData("analyst", "school", "domain=protective&indicator=suicides", HttpStatusCode.BadRequest)]
    [InlineData("analyst", "school", "domain=weather", HttpStatusCode.NotFound)]
    [InlineData("analyst", "school", "indicator=happiness", HttpStatusCode.NotFound)]
    [InlineData(null, "district", "domain=protective", HttpStatusCode.Forbidden)]
    public async Task Bad_view_parameters_of_a_profile_are_problems_and_no_view_is_audited(string? user, string level, string query, HttpStatusCode status)
    {
        var client = user is null ? app.CreateClient() : app.ClientAs(user);
        var code = (await app.Database.QueryAsync<string>("SELECT min(code) FROM score_results WHERE level = @level", new { level })).Single();
        var before = await AuditCountAsync();

        var problem = await Json.ProblemAsync(await client.GetAsync($"/api/scores/{level}/{code}?{query}"), status);

        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, await AuditCountAsync());
    }

    private async Task<long> AuditCountAsync() => (await app.Database.QueryAsync<long>("SELECT count(*) FROM audit_log")).Single();
}
