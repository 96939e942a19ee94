using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// Who asked for a score run and who changed the weights are staff usernames: only the data steward sees them; everyone
/// else gets null (and still the run's trigger).
/// </summary>
[Collection(HygieneAppCollection.Name)]
public class StaffNameTests(ScoredDemoApp app)
{
    private async Task<IReadOnlyList<JsonElement>> RunsAsync(HttpClient client)
    {
        var list = (await Json.GetAsync(client, "/api/score-runs")).EnumerateArray().ToList();
        var current = await Json.GetAsync(client, "/api/score-runs/current");
        return [.. list, await Json.GetAsync(client, $"/api/score-runs/{app.FirstRun}"), current.GetProperty("published"), current.GetProperty("latest")];
    }

    [Theory]
    [InlineData(Anonymous)]
    [InlineData(Analyst)]
    [InlineData(Planner75)]
    public async Task Score_runs_do_not_name_who_asked_for_them(string caller)
    {
        var runs = await RunsAsync(await app.ClientForAsync(caller));
        Assert.Contains(runs, r => r.GetProperty("id").GetInt64() == app.FirstRun);
        Assert.All(runs, run =>
        {
            Assert.Equal(JsonValueKind.Null, run.GetProperty("requestedBy").ValueKind);
            Assert.False(string.IsNullOrEmpty(run.GetProperty("trigger").GetString()));
        });
    }

    [Fact]
    public async Task The_steward_sees_who_asked_for_a_run()
    {
        var runs = await RunsAsync(await app.ClientForAsync(Steward));
        Assert.All(runs.Where(r => r.GetProperty("id").GetInt64() == app.FirstRun), run => Assert.Equal("test", run.GetProperty("requestedBy").GetString()));
    }

    [Fact]
    public async Task Weight_changes_name_their_author_to_the_steward_only()
    {
        var steward = await app.ClientForAsync(Steward);
        var weights = await Json.GetAsync(steward, "/api/weights");
        var indicator = weights.GetProperty("indicators")[0];
        // The same weight again: a new version by the steward that changes no score.
        var change = new { indicators = new Dictionary<string, double> { [indicator.GetProperty("code").GetString()!] = indicator.GetProperty("weight").GetDouble() }, note = "staff name test" };
        await Json.ReadAsync(await steward.PutAsJsonAsync("/api/weights", change), HttpStatusCode.OK);

        var seen = (await Json.GetAsync(steward, "/api/weights")).GetProperty("history").EnumerateArray();
        Assert.Contains(seen, v => v.GetProperty("createdBy").GetString() == Steward);
        foreach (var caller in new[] { Anonymous, Analyst, Planner75 })
        {
            var history = (await Json.GetAsync(await app.ClientForAsync(caller), "/api/weights")).GetProperty("history").EnumerateArray().ToList();
            Assert.Contains(history, v => v.GetProperty("note").GetString() == "staff name test");
            Assert.All(history, v => Assert.Equal(JsonValueKind.Null, v.GetProperty("createdBy").ValueKind));
        }
    }
}
