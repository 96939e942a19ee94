using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.TestSupport;
using RiskMap.Web.Features.Scoring;

namespace RiskMap.Web.Tests.Jobs;

/// <summary>The scored demo with a method that cannot score it (its reference period starts in 2099), so every recompute fails.</summary>
public sealed class FailingRecomputeApp : RiskMapWebFactory<ScoredDemoDatabase>
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Scoring:Methodology:ReferenceFrom"] = "2099Q1",
        ["Scoring:ImportCheckSeconds"] = "3600",
    };
}

public class JobsDashboardTests(FailingRecomputeApp app) : IClassFixture<FailingRecomputeApp>
{
    private const string Dashboard = "/jobs/dashboard/recurring";

    [Fact]
    public async Task The_steward_sees_the_scheduled_recomputes_in_the_jobs_dashboard_under_the_app_s_security_headers()
    {
        var answer = await (await app.ClientAsAsync("steward")).GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await answer.Content.ReadAsStringAsync();
        Assert.Contains(ScoringSchedule.NightlyJob, page);
        Assert.Contains(ScoringSchedule.ChangedInputsJob, page);
        Assert.Contains("0 2 * * *", page);
        Assert.Contains("script-src 'self'", answer.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", answer.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("analyst", HttpStatusCode.Forbidden)]
    [InlineData("planner-75", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Nobody_but_the_steward_opens_the_jobs_dashboard(string? user, HttpStatusCode expected)
    {
        var client = user is null ? app.CreateClient() : await app.ClientAsAsync(user);
        var answer = await client.GetAsync(Dashboard);

        Assert.Equal(expected, answer.StatusCode);
        Assert.DoesNotContain(ScoringSchedule.NightlyJob, await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_recompute_that_fails_is_tried_again_later_with_backoff_and_the_published_run_stays()
    {
        var published = await app.Database.ScalarAsync<long>("SELECT run_id FROM published_score_run");
        var steward = await app.ClientAsAsync("steward");

        Assert.Equal(HttpStatusCode.Accepted, (await steward.PostAsync("/api/score-runs", null)).StatusCode);

        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.HoldsAsync(() => Task.FromResult(monitoring.ScheduledJobs(0, 100).Any(j => j.Value.Job?.Type == typeof(RecomputeScoresJob))),
            "the failed recompute to be scheduled again");
        var retry = monitoring.ScheduledJobs(0, 100).Single(j => j.Value.Job?.Type == typeof(RecomputeScoresJob)).Value;
        Assert.InRange((retry.EnqueueAt - retry.ScheduledAt!.Value).TotalSeconds, 29, 31);
        var failed = await app.Database.QueryAsync<(string Status, string Error)>("SELECT status, error FROM score_runs WHERE id > @published", new { published });
        Assert.Equal("failed", Assert.Single(failed).Status);
        Assert.Contains("2099Q1", failed[0].Error);
        Assert.Equal(published, await app.Database.ScalarAsync<long>("SELECT run_id FROM published_score_run"));
    }
}
