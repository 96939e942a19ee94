using Microsoft.AspNetCore.Mvc;
using Quartz;
using RiskMap.Data.Scoring;
using RiskMap.Data.Access;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Scoring;

public static class ScoreRunEndpoints
{
    public static void MapScoreRunEndpoints(this IEndpointRouteBuilder api)
    {
        var runs = api.MapGroup("/score-runs").WithTags("Score runs");

        runs.MapGet("/", async (ScoreRunQueries queries, string? limit) => Results.Ok(await queries.RunsAsync(QueryParameters.Limit(limit, 50, 500))))
            .WithSummary("Score runs, newest first: trigger, status, duration, inputs, result counts and errors.")
            .Produces<IReadOnlyList<ScoreRunView>>();

        runs.MapGet("/{id:long}", async (ScoreRunQueries queries, long id) =>
                await queries.FindRunAsync(id) is { } run ? Results.Ok(run) : ApiProblems.NotFound("score run", $"There is no score run {id}."))
            .WithSummary("One score run.")
            .Produces<ScoreRunView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        runs.MapGet("/current", async (ScoreRunQueries queries, [FromServices] ISchedulerFactory? schedulers, ScoringOptions options) =>
            {
                var recent = await queries.RunsAsync(20);
                var nightly = schedulers is null ? null : await (await schedulers.GetScheduler()).GetTrigger(ScoringScheduler.NightlyTrigger);
                return Results.Ok(new
                {
                    published = recent.FirstOrDefault(r => r.Published),
                    latest = recent.FirstOrDefault(),
                    running = recent.Any(r => r.Status == "running"),
                    nextScheduledRun = nightly?.NextFireTimeUtc,
                    schedule = new { cron = options.Cron, timeZone = options.TimeZone, importDebounceSeconds = options.ImportDebounceSeconds },
                    recentFailures = recent.Where(r => r.Status == "failed").Take(5),
                });
            })
            .WithSummary("The published run, the latest run, whether one is running, the next scheduled run and recent failures.");

        runs.MapPost("/", async (HttpContext http, [FromServices] ISchedulerFactory? schedulers) =>
            {
                if (schedulers is null)
                    return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Scheduler disabled",
                        detail: "This instance runs without the scheduler (Scheduler:Enabled=false); use another instance or ./riskmap score.");
                var scheduler = await schedulers.GetScheduler();
                var requestedBy = http.CallerScope().User;
                await http.AuditAsync(AuditLog.Actions.RecomputeRequested, "score run");
                await scheduler.TriggerJob(ScoringScheduler.RecomputeJob, new JobDataMap
                {
                    [RecomputeScoresJob.ModeKey] = ScoreTrigger.Manual.Code(),
                    [RecomputeScoresJob.RequestedByKey] = requestedBy,
                });
                return Results.Accepted("/api/score-runs/current", new { status = "queued", location = "/api/score-runs/current" });
            })
            .WithSummary("Starts a recompute now on whichever instance of the cluster picks it up; 202 with where to follow it.")
            .Produces(StatusCodes.Status202Accepted)
            .RequireAuthorization(AccessSetup.StewardPolicy);
    }
}
