using System.Net;
using System.Text.Json;

namespace RiskMap.Web.Tests;

/// <summary>Hotspot lists on hand-made results with known answers: order, classes, reasons, filters.</summary>
public class HotspotTests(HandScoredApp app) : IClassFixture<HandScoredApp>
{
    private async Task<List<JsonElement>> UnitsAsync(string query, string user = "planner-75") =>
        (await Json.GetAsync(await app.ClientAsAsync(user), $"/api/hotspots?region={HandScoredApp.Region}&{query}")).GetProperty("units").EnumerateArray().ToList();

    private static string[] Reasons(JsonElement unit) =>
        unit.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("indicator").GetString()!).ToArray();

    [Fact]
    public async Task Districts_are_listed_riskiest_first_with_their_classes_and_three_largest_contributions_as_reasons()
    {
        var units = await UnitsAsync("level=district");
        Assert.Equal(app.Expected.Select(e => e.District), units.Select(u => u.GetProperty("unit").GetProperty("code").GetString()));
        Assert.Equal(app.Expected.Select(e => e.Class), units.Select(u => u.GetProperty("unit").GetProperty("class").GetInt32()));
        Assert.Equal([1, 2, 3, 4], units.Select(u => u.GetProperty("unit").GetProperty("rank").GetInt32()));
        foreach (var (expected, unit) in app.Expected.Zip(units)) Assert.Equal(expected.Reasons, Reasons(unit));
        var first = units[0];
        Assert.Equal(3.0, first.GetProperty("reasons")[0].GetProperty("points").GetDouble());
        Assert.Equal(9.5, first.GetProperty("unit").GetProperty("reliability").GetDouble());
        Assert.Equal(0.5, first.GetProperty("unit").GetProperty("changeQuarter").GetDouble());
        // The planner's ranks are among their region's districts, without the national band; the analyst's carry it.
        Assert.Equal(JsonValueKind.Null, first.GetProperty("unit").GetProperty("rankBand").ValueKind);
        Assert.Equal(4, first.GetProperty("unit").GetProperty("rankAmong").GetInt32());
        var national = (await UnitsAsync("level=district", "analyst"))[0].GetProperty("unit");
        Assert.Equal(1, national.GetProperty("rankBand").GetProperty("low").GetInt32());
    }

    [Fact]
    public async Task Class_and_top_filter_the_ranked_list_without_changing_ranks()
    {
        var veryHigh = await UnitsAsync("class=5");
        Assert.Equal(app.Expected.Where(e => e.Class == 5).Select(e => e.District), veryHigh.Select(u => u.GetProperty("unit").GetProperty("code").GetString()));
        var highAndLow = await UnitsAsync("class=4,2");
        Assert.Equal([3, 4], highAndLow.Select(u => u.GetProperty("unit").GetProperty("rank").GetInt32()));
        var top = await UnitsAsync("top=2");
        Assert.Equal(app.Expected.Take(2).Select(e => e.District), top.Select(u => u.GetProperty("unit").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task By_an_indicator_units_rank_by_its_score_and_the_indicator_itself_is_the_reason()
    {
        var indicator = app.Indicators[1];
        var units = await UnitsAsync($"by=indicator:{indicator}");
        // Indicator scores 2, 9, 5 and none: the district without one is not listed.
        Assert.Equal([app.Districts[1], app.Districts[2], app.Districts[0]], units.Select(u => u.GetProperty("unit").GetProperty("code").GetString()));
        Assert.Equal([indicator], Reasons(units[0]));
        Assert.Equal(4.0, units[0].GetProperty("reasons")[0].GetProperty("points").GetDouble());
        Assert.Equal(JsonValueKind.Null, units[0].GetProperty("unit").GetProperty("changeQuarter").ValueKind);
    }

    [Theory]
    [InlineData(null, "/api/hotspots", HttpStatusCode.Unauthorized)]
    [InlineData("steward", "/api/hotspots", HttpStatusCode.Forbidden)]
    [InlineData("planner-71", "/api/hotspots?region=750000000", HttpStatusCode.Forbidden)]
    [InlineData("planner-75", "/api/hotspots?class=6", HttpStatusCode.BadRequest)]
    [InlineData("planner-75", "/api/hotspots?by=weather", HttpStatusCode.BadRequest)]
    [InlineData("planner-75", "/api/hotspots?by=indicator:nothing", HttpStatusCode.NotFound)]
    [InlineData("planner-75", "/api/hotspots?top=0", HttpStatusCode.BadRequest)]
    public async Task Lists_outside_the_caller_s_role_or_scope_or_with_bad_parameters_are_refused(string? user, string url, HttpStatusCode status)
    {
        var client = user is null ? app.CreateClient() : await app.ClientAsAsync(user);
        await Json.ProblemAsync(await client.GetAsync(url), status);
    }

    [Fact]
    public async Task A_planner_of_another_region_gets_an_empty_list_nationally_not_Almaty_s_districts()
    {
        var units = (await Json.GetAsync(await app.ClientAsAsync("planner-71"), "/api/hotspots")).GetProperty("units");
        Assert.Empty(units.EnumerateArray());
    }
}
