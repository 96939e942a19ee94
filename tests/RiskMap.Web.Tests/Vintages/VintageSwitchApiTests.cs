using System.Net;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.Vintages;

public class VintageSwitchApiTests(TwoVintagesApp app) : IClassFixture<TwoVintagesApp>
{
    private readonly HttpClient _steward = app.ClientAs("steward");

    [Fact]
    public async Task The_steward_switches_the_map_to_2018_and_back_and_others_may_not()
    {
        var client = app.CreateClient();
        var before = await client.GetAsync("/api/regions");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs("analyst").PostAsync("/api/vintages/2018/current", null)).StatusCode);
        await Json.ProblemAsync(await _steward.PostAsync("/api/vintages/2017/current", null), HttpStatusCode.NotFound);

        var switched = await Json.ReadAsync(await _steward.PostAsync("/api/vintages/2018/current", null), HttpStatusCode.OK);
        Assert.Equal((2018, 2024), (switched.GetProperty("vintage").GetInt32(), switched.GetProperty("previous").GetInt32()));

        // The old ETag no longer matches once the instance hears of the switch, and no 2024 score is shown.
        await Eventually.HoldsAsync(async () =>
        {
            var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/regions");
            revalidate.Headers.IfNoneMatch.Add(before.Headers.ETag!);
            var answer = await client.SendAsync(revalidate);
            return answer.StatusCode == HttpStatusCode.OK && (await Json.ReadAsync(answer, HttpStatusCode.OK)).GetProperty("features").GetArrayLength() == 17;
        }, "the 2018 regions after the switch");
        var current = await Json.GetAsync(_steward, "/api/score-runs/current");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, current.GetProperty("published").ValueKind);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, current.GetProperty("pendingRecompute").ValueKind);
        var vintages = await Json.GetAsync(client, "/api/vintages");
        Assert.Equal((2024, false, 20), (vintages[0].GetProperty("vintage").GetInt32(), vintages[0].GetProperty("isCurrent").GetBoolean(), vintages[0].GetProperty("regions").GetInt32()));
        Assert.Equal((2018, true, 216), (vintages[1].GetProperty("vintage").GetInt32(), vintages[1].GetProperty("isCurrent").GetBoolean(), vintages[1].GetProperty("districts").GetInt32()));

        await Json.ReadAsync(await _steward.PostAsync("/api/vintages/2024/current", null), HttpStatusCode.OK);
        await Eventually.HoldsAsync(async () => (await Json.GetAsync(client, "/api/regions")).GetProperty("features").GetArrayLength() == 20,
            "the 2024 regions after switching back");
        var audit = await Json.GetAsync(_steward, "/api/audit?action=vintage-switched");
        Assert.Equal(2, audit.GetArrayLength());
    }
}
