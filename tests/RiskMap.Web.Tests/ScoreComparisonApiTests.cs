using System.Net;
using System.Text.Json;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>The app on <see cref="ComparedRunsDatabase"/>, without the scheduler, so no run is made besides the hand-made two.</summary>
public sealed class ComparedRunsApp : RiskMapWebFactory<ComparedRunsDatabase>
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" };
}

public class ScoreComparisonApiTests(ComparedRunsApp app) : IClassFixture<ComparedRunsApp>
{
    private ComparedRunsDatabase Db => app.Database;

    private string Url(string query = "") => $"/api/score-runs/compare?base={Db.BaseRun}&other={Db.OtherRun}&level=region{query}";

    [Fact]
    public async Task An_analyst_gets_each_region_under_both_methods_and_the_figures_worked_out_by_hand()
    {
        // Without base and other: the latest run of each method, in the latest quarter both cover.
        var comparison = await Json.GetAsync(await app.ClientAsAsync("analyst"), "/api/score-runs/compare?level=region");

        Assert.Equal(("2025Q4", Db.BaseRun, Db.OtherRun), (comparison.GetProperty("period").GetString(),
            comparison.GetProperty("base").GetProperty("id").GetInt64(), comparison.GetProperty("other").GetProperty("id").GetInt64()));
        var summary = comparison.GetProperty("summary");
        Assert.Equal((4, 4, 2, 2, 0.5, 1), (summary.GetProperty("units").GetInt32(), summary.GetProperty("changedClass").GetInt32(),
            summary.GetProperty("higher").GetInt32(), summary.GetProperty("lower").GetInt32(), summary.GetProperty("medianRankChange").GetDouble(),
            summary.GetProperty("maxRankChange").GetInt32()));
        Assert.Equal([(1, 3), (2, 1)], summary.GetProperty("shifts").EnumerateArray().Select(s => (s.GetProperty("by").GetInt32(), s.GetProperty("units").GetInt32())));
        Assert.Equal([0.75], comparison.GetProperty("base").GetProperty("stability").EnumerateArray().Select(s => s.GetProperty("share").GetDouble()));
        Assert.Equal([0.25], comparison.GetProperty("other").GetProperty("stability").EnumerateArray().Select(s => s.GetProperty("share").GetDouble()));
        Assert.Equal([1, 1, 1, 0, 1], comparison.GetProperty("other").GetProperty("classes").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(1.5, comparison.GetProperty("base").GetProperty("medianRankBandWidth").GetDouble());
        var first = comparison.GetProperty("units")[0];
        Assert.Equal((Db.Regions[3], 3, 1, -2, 1), (first.GetProperty("code").GetString(), first.GetProperty("baseClass").GetInt32(),
            first.GetProperty("otherClass").GetInt32(), first.GetProperty("classChange").GetInt32(), first.GetProperty("rankChange").GetInt32()));
    }

    [Fact]
    public async Task A_planner_compares_their_own_region_only_the_public_must_sign_in_and_a_steward_is_refused()
    {
        var planner = await Json.GetAsync(await app.ClientAsAsync("planner-75"), Url());
        var unit = Assert.Single(planner.GetProperty("units").EnumerateArray());
        Assert.Equal((ComparedRunsDatabase.Almaty, 1, 1), (unit.GetProperty("code").GetString(), unit.GetProperty("baseRank").GetInt32(), unit.GetProperty("otherRank").GetInt32()));
        Assert.Equal(JsonValueKind.Null, planner.GetProperty("base").GetProperty("medianRankBandWidth").ValueKind);

        await Json.ProblemAsync(await app.CreateClient().GetAsync(Url()), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await (await app.ClientAsAsync("steward")).GetAsync(Url()), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_run_is_404_and_a_quarter_the_runs_do_not_share_is_400()
    {
        var analyst = await app.ClientAsAsync("analyst");
        await Json.ProblemAsync(await analyst.GetAsync($"/api/score-runs/compare?base={Db.BaseRun}&other={Db.OtherRun + 1000}"), HttpStatusCode.NotFound);
        var problem = await Json.ProblemAsync(await analyst.GetAsync(Url("&period=2025Q1")), HttpStatusCode.BadRequest);
        Assert.Equal("period", problem.GetProperty("parameter").GetString());
        await Json.ProblemAsync(await analyst.GetAsync(Url().Replace("level=region", "level=village")), HttpStatusCode.BadRequest);
    }
}
