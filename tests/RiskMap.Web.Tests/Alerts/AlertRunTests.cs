using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskMap.Data.Scoring;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.Alerts;

/// <summary>
/// Alerts raised by published score runs under the steward's versioned rules: a re-run of the same inputs raises
/// nothing twice and keeps each alert's first-raised time; a change of the rules is a new, audited version that the next
/// run records.
/// </summary>
public class AlertRunTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Rules = "/api/alert-rules";

    /// <summary>Runs that make forecasts, as the service's do: the forecast rule's alerts are raised from them.</summary>
    private ScoreRunService Runs => TestScoring.ForecastingRuns(app.Database);

    private Task<IReadOnlyList<(long Id, string Rule, string Level, string Code, string Period, long RunId, DateTime RaisedAt)>> AlertsAsync() =>
        app.Database.QueryAsync<(long, string, string, string, string, long, DateTime)>(
            "SELECT id, rule, level, code, period, run_id, raised_at FROM alerts ORDER BY id");

    /// <summary>The newest version the migrations made: the forecast rule's (0022) on top of the first (0019).</summary>
    private Task<long> MigratedVersionAsync() =>
        app.Database.ScalarAsync<long>("SELECT max(id) FROM alert_rule_versions WHERE created_by = 'migration'");

    [Fact]
    public async Task The_published_demo_run_raised_alerts_under_the_rules_in_force()
    {
        var evaluation = await app.Database.QueryAsync<(long RuleVersion, string Period, int Raised)>(
            "SELECT rule_version_id, period, raised FROM alert_evaluations WHERE run_id = @FirstRun", new { app.FirstRun });
        var alerts = await AlertsAsync();

        var (version, period, raised) = Assert.Single(evaluation);
        Assert.Equal(await MigratedVersionAsync(), version);
        Assert.Equal(await app.Database.ScalarAsync<string>("SELECT periods[array_length(periods, 1)] FROM score_runs WHERE id = @FirstRun",
            new { app.FirstRun }), period);
        Assert.NotEmpty(alerts);
        Assert.Equal(alerts.Count, raised);
        Assert.All(alerts, a => Assert.Equal((period, app.FirstRun), (a.Period, a.RunId)));
    }

    [Fact]
    public async Task Re_running_the_same_inputs_raises_nothing_twice_and_keeps_when_each_alert_was_first_raised()
    {
        var before = await AlertsAsync();

        var outcome = await Runs.RunAsync(ScoreTrigger.Manual, "test", force: true);

        Assert.Equal(ScoreRunStatus.Succeeded, outcome.Status);
        Assert.NotEqual(app.FirstRun, outcome.RunId);
        Assert.Equal(before, await AlertsAsync());
        var (found, raised) = Assert.Single(await app.Database.QueryAsync<(int, int)>(
            "SELECT found, raised FROM alert_evaluations WHERE run_id = @RunId", new { outcome.RunId }));
        Assert.Equal((before.Count, 0), (found, raised));
    }

    [Fact]
    public async Task The_steward_changes_the_rules_as_a_new_audited_version_that_the_next_run_records()
    {
        var steward = await app.ClientAsAsync("steward");
        var current = await Json.GetAsync(steward, Rules);
        var migrated = await MigratedVersionAsync();
        Assert.Equal(migrated, current.GetProperty("version").GetInt64());
        Assert.Equal("either", current.GetProperty("rules").GetProperty("clearRise").GetProperty("compare").GetString());
        Assert.Equal(0.5, current.GetProperty("rules").GetProperty("forecastHighRisk").GetProperty("threshold").GetDouble());

        // Only narrower rules, so the other tests' runs raise nothing new either way.
        var changed = await Json.ReadAsync(await steward.PutAsJsonAsync(Rules, new
        {
            clearRise = new { compare = "year-before", minimumScore = 9.5 },
            emergingHotSpot = new { categories = new[] { "new-hot-spot" } },
            programmeTargetRise = (object?)null,
        }), HttpStatusCode.OK);

        var version = changed.GetProperty("version").GetInt64();
        Assert.Equal(migrated + 1, version);
        Assert.Equal(9.5, changed.GetProperty("rules").GetProperty("clearRise").GetProperty("minimumScore").GetDouble());
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("rules").GetProperty("programmeTargetRise").ValueKind);
        Assert.Equal("steward", await app.Database.ScalarAsync<string>(
            "SELECT actor FROM audit_log WHERE action = 'alert-rules-changed' AND target = @target", new { target = $"alert rules version {version}" }));
        var outcome = await Runs.RunAsync(ScoreTrigger.Manual, "test", force: true);
        Assert.Equal(version, await app.Database.ScalarAsync<long>(
            "SELECT rule_version_id FROM alert_evaluations WHERE run_id = @RunId", new { outcome.RunId }));
    }

    [Theory]
    [InlineData("""{"clearRise": {"compare": "either", "minimumScore": 11}, "emergingHotSpot": null, "programmeTargetRise": null}""")]
    [InlineData("""{"clearRise": null, "emergingHotSpot": {"categories": ["new-cold-spot"]}, "programmeTargetRise": null}""")]
    [InlineData("""{"clearRise": null, "emergingHotSpot": {"categories": null}, "programmeTargetRise": null}""")]
    [InlineData("""{"clearRise": {"compare": "sideways"}, "emergingHotSpot": null, "programmeTargetRise": null}""")]
    [InlineData("""{"clearRise": null, "emergingHotSpot": null, "programmeTargetRise": null, "forecast": {"threshold": 0.5}}""")]
    [InlineData("""{"clearRise": null, "emergingHotSpot": null, "programmeTargetRise": null, "forecastHighRisk": {"threshold": 1.5, "horizon": 1}}""")]
    [InlineData("""{"clearRise": null, "emergingHotSpot": null, "programmeTargetRise": null, "forecastHighRisk": {"threshold": 0.5, "horizon": 4}}""")]
    [InlineData("""[1, 2]""")]
    public async Task Rules_that_are_not_a_rule_set_or_out_of_range_are_a_problem_and_no_new_version(string body)
    {
        var versions = await app.Database.ScalarAsync<long>("SELECT count(*) FROM alert_rule_versions");

        await Json.ProblemAsync(await (await app.ClientAsAsync("steward")).PutAsync(Rules,
            new StringContent(body, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.Equal(versions, await app.Database.ScalarAsync<long>("SELECT count(*) FROM alert_rule_versions"));
    }

    [Fact]
    public async Task Only_the_steward_reads_or_changes_the_rules()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(Rules)).StatusCode);
        foreach (var user in new[] { "analyst", "planner-75" })
        {
            var client = await app.ClientAsAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Rules)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync(Rules, new { clearRise = (object?)null })).StatusCode);
        }
    }
}
