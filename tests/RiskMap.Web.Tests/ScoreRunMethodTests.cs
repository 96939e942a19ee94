using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Data.Scoring;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>A recompute may name its methodology: the configured one publishes, the other is kept for comparison.</summary>
public class ScoreRunMethodTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private readonly HttpClient _steward = app.ClientAs("steward");

    private string Configured => app.Services.GetRequiredService<ScoringOptions>().Methodology.Version;

    private string NotConfigured => ScoreRunService.MethodologyVersions.Single(v => v != Configured);

    private Task<long> PublishedRunAsync() => app.Database.ScalarAsync<long>("SELECT run_id FROM published_score_run");

    private Task<long> LatestRunAsync() => app.Database.ScalarAsync<long>("SELECT max(id) FROM score_runs");

    private async Task<JsonElement> SucceededRunAfterAsync(long before)
    {
        var latest = default(JsonElement);
        await Eventually.HoldsAsync(async () =>
        {
            latest = (await Json.GetAsync(_steward, "/api/score-runs/current")).GetProperty("latest");
            return latest.GetProperty("id").GetInt64() > before && latest.GetProperty("status").GetString() is "succeeded" or "failed";
        }, "the queued recompute to finish");
        Assert.Equal("succeeded", latest.GetProperty("status").GetString());
        return latest;
    }

    [Fact]
    public async Task A_run_with_the_other_method_is_stored_for_comparison_and_the_map_keeps_the_published_run()
    {
        var published = await PublishedRunAsync();
        var before = await LatestRunAsync();

        var response = await _steward.PostAsync($"/api/score-runs?methodology={NotConfigured}", null);
        var queued = await Json.ReadAsync(response, HttpStatusCode.Accepted);
        Assert.Equal((NotConfigured, false), (queued.GetProperty("methodology").GetString(), queued.GetProperty("published").GetBoolean()));

        var run = await SucceededRunAfterAsync(before);
        Assert.Equal((NotConfigured, false), (run.GetProperty("methodologyVersion").GetString(), run.GetProperty("published").GetBoolean()));
        Assert.True(await app.Database.ScalarAsync<long>("SELECT count(*) FROM score_results WHERE run_id = @id", new { id = run.GetProperty("id").GetInt64() }) > 0);
        Assert.Equal(published, await PublishedRunAsync());
        Assert.Equal(published, (await Json.GetAsync(_steward, "/api/periods")).GetProperty("run").GetInt64());
    }

    [Fact]
    public async Task An_unknown_method_is_a_problem_naming_the_allowed_ones_and_nothing_runs()
    {
        var before = await LatestRunAsync();
        var problem = await Json.ProblemAsync(await _steward.PostAsync("/api/score-runs?methodology=riskmap-3.0", null), HttpStatusCode.BadRequest);
        Assert.Equal("methodology", problem.GetProperty("parameter").GetString());
        Assert.Contains("riskmap-1.0", problem.GetProperty("detail").GetString());
        Assert.Contains("riskmap-2.0", problem.GetProperty("detail").GetString());

        // A run asked for afterwards is the only new one: the refused request queued nothing ahead of it.
        await _steward.PostAsync($"/api/score-runs?methodology={Configured}", null);
        var run = await SucceededRunAfterAsync(before);
        Assert.Equal((Configured, true), (run.GetProperty("methodologyVersion").GetString(), run.GetProperty("published").GetBoolean()));
        Assert.Equal([run.GetProperty("id").GetInt64()], await app.Database.QueryAsync<long>("SELECT id FROM score_runs WHERE id > @before", new { before }));
        Assert.Equal(run.GetProperty("id").GetInt64(), await PublishedRunAsync());
    }
}
