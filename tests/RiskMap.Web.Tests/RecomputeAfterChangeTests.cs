using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>A scored demo whose scheduler looks for new inputs every second and waits one second for imports to settle.</summary>
public sealed class WatchingApp : ScoredDemoApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Scoring:ImportCheckSeconds"] = "1",
        ["Scoring:ImportDebounceSeconds"] = "1",
    };
}

public class RecomputeAfterChangeTests(WatchingApp app) : IClassFixture<WatchingApp>
{
    private readonly HttpClient _client = app.ClientAs("steward");

    private async Task<JsonElement> PublishedAfterAsync(long run)
    {
        var published = default(JsonElement);
        await Eventually.HoldsAsync(async () =>
        {
            published = (await Json.GetAsync(_client, "/api/score-runs/current")).GetProperty("published");
            return published.ValueKind == JsonValueKind.Object && published.GetProperty("id").GetInt64() > run;
        }, $"a run after {run} to be published");
        return published;
    }

    private async Task<long> PublishedIdAsync() =>
        (await Json.GetAsync(_client, "/api/score-runs/current")).GetProperty("published").GetProperty("id").GetInt64();

    [Fact]
    public async Task An_import_is_followed_by_one_recompute_that_reads_it()
    {
        var before = await PublishedIdAsync();
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("entity_level,entity_code,indicator,period,value\nregion,750000000,suicides,2025Q4,9\n")), "file", "late.csv" },
        };
        var batch = (await Json.ReadAsync(await _client.PostAsync("/api/imports/indicators", form), HttpStatusCode.Created)).GetProperty("batchId").GetInt64();

        var run = await PublishedAfterAsync(before);
        Assert.Equal("import", run.GetProperty("trigger").GetString());
        Assert.True(run.GetProperty("inputWatermark").GetInt64() >= batch);
    }

    [Fact]
    public async Task A_weight_change_is_a_new_version_and_is_followed_by_a_recompute_with_it()
    {
        var before = await PublishedIdAsync();
        var response = await _client.PutAsJsonAsync("/api/weights", new { indicators = new { suicides = 3.0 }, domains = new { protective = 0.5 }, note = "test" });
        var weights = await Json.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal(3.0, weights.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "suicides").GetProperty("weight").GetDouble());
        Assert.Equal("test", weights.GetProperty("history")[0].GetProperty("note").GetString());

        var run = await PublishedAfterAsync(before);
        Assert.Equal(weights.GetProperty("version").GetInt64(), run.GetProperty("weightVersionId").GetInt64());
    }

    [Theory]
    [InlineData("""{"indicators":{"happiness":1}}""", "indicators.happiness")]
    [InlineData("""{"indicators":{"suicides":-1}}""", "indicators.suicides")]
    [InlineData("""{"domains":{"violence":0,"suicide":0,"offending":0,"protective":0}}""", "domains")]
    public async Task Invalid_weights_are_400_problems_and_change_nothing(string body, string parameter)
    {
        var version = (await Json.GetAsync(_client, "/api/weights")).GetProperty("version").GetInt64();
        var response = await _client.PutAsync("/api/weights", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Equal(version, (await Json.GetAsync(_client, "/api/weights")).GetProperty("version").GetInt64());
    }
}
