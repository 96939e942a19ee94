using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Hangfire;
using Hangfire.Storage;
using RiskMap.Core.Access;
using RiskMap.Data.Scoring;
using RiskMap.Data.Access;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Scoring;

public static class ScoreRunEndpoints
{
    private const string RequesterRule = "requestedBy (the username of whoever asked for a run) is shown to the data steward only; others get null and the trigger.";

    /// <summary>Staff usernames are not public: only the data steward sees who asked for a run (everyone else gets null).</summary>
    private static ScoreRunView ForCaller(HttpContext http, ScoreRunView run) =>
        http.CallerScope().Role == Role.Steward ? run : run with { RequestedBy = null };

    /// <summary>When the scheduled recompute fires next (UTC); null on an instance without the scheduler.</summary>
    private static DateTime? NextScheduledRun(JobStorage? jobs)
    {
        if (jobs is null) return null;
        using var connection = jobs.GetConnection();
        return connection.GetRecurringJobs([ScoringSchedule.NightlyJob]).FirstOrDefault()?.NextExecution;
    }

    public static void MapScoreRunEndpoints(this IEndpointRouteBuilder api)
    {
        var runs = api.MapGroup("/score-runs").WithTags("Score runs");
        runs.MapScoreComparison();

        runs.MapGet("/", async (HttpContext http, ScoreRunQueries queries, string? limit) =>
                Results.Ok((await queries.RunsAsync(QueryParameters.Limit(limit, 50, 500))).Select(run => ForCaller(http, run))))
            .WithSummary("Score runs, newest first: trigger, status, duration, inputs, result counts and errors.")
            .WithDescription(RequesterRule)
            .Produces<IReadOnlyList<ScoreRunView>>();

        runs.MapGet("/{id:long}", async (HttpContext http, ScoreRunQueries queries, long id) =>
                await queries.FindRunAsync(id) is { } run ? Results.Ok(ForCaller(http, run)) : ApiProblems.NotFound("score run", $"There is no score run {id}."))
            .WithSummary("One score run.")
            .WithDescription(RequesterRule)
            .Produces<ScoreRunView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        runs.MapGet("/current", async (HttpContext http, ScoreRunQueries queries, [FromServices] JobStorage? jobs, ScoringOptions options,
                NpgsqlDataSource dataSource) =>
            {
                var recent = (await queries.RunsAsync(20)).Select(run => ForCaller(http, run)).ToList();
                var nextScheduledRun = NextScheduledRun(jobs);
                var running = recent.Any(r => r.Status == "running");
                var pending = await PendingRecompute.ReadAsync(dataSource, options);
                return Results.Ok(new
                {
                    published = recent.FirstOrDefault(r => r.Published),
                    latest = recent.FirstOrDefault(),
                    running,
                    methodology = options.Methodology.Version,
                    nextScheduledRun,
                    schedule = new { cron = options.Cron, timeZone = options.TimeZone, importDebounceSeconds = options.ImportDebounceSeconds },
                    pendingRecompute = !pending.InputsChanged || running ? null : new
                    {
                        importRunning = pending.ImportRunning,
                        startsAfter = pending.StartsAfter is { } after && after > pending.Now ? after : pending.Now,
                        checkSeconds = options.ImportCheckSeconds,
                    },
                    recentFailures = recent.Where(r => r.Status == "failed").Take(5),
                });
            })
            .WithSummary("The published run, the latest run, whether one is running, the next scheduled run, a recompute pending after imports and recent failures.")
            .WithDescription(RequesterRule + " methodology is the configured method, the one a published run is made with. schedule gives the cron expression and its time zone (nextScheduledRun is in UTC). pendingRecompute is null " +
                             "unless an import or weight change is newer than the published run and no run is going: then the recompute starts at " +
                             "startsAfter (UTC; no import finishes for importDebounceSeconds) or within checkSeconds after it, or once a running import " +
                             "(importRunning) has finished.");

        runs.MapPost("/", async (HttpContext http, [FromServices] IBackgroundJobClient? jobs, ScoringOptions options, string? methodology) =>
            {
                if (methodology is not null && !ScoreRunService.MethodologyVersions.Contains(methodology))
                    return ApiProblems.BadParameter("methodology",
                        $"methodology must be one of {string.Join(", ", ScoreRunService.MethodologyVersions)}; '{methodology}' is not.");
                if (jobs is null)
                    return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Scheduler disabled",
                        detail: "This instance runs without the job server (Scheduler:Enabled=false); use another instance or ./riskmap score.");
                var requestedBy = http.CallerScope().User;
                var version = methodology ?? options.Methodology.Version;
                var published = version == options.Methodology.Version;
                await http.AuditAsync(AuditLog.Actions.RecomputeRequested, "score run", new Dictionary<string, object?> { ["methodology"] = version });
                var comparedMethod = published ? null : version;
                jobs.Enqueue<RecomputeScoresJob>(job => job.RecomputeAsync(ScoreTrigger.Manual, requestedBy, comparedMethod, CancellationToken.None));
                return Results.Accepted("/api/score-runs/current",
                    new { status = "queued", location = "/api/score-runs/current", methodology = version, published });
            })
            .WithSummary("Starts a recompute now on whichever instance of the cluster picks it up; 202 with where to follow it.")
            .WithDescription("methodology: riskmap-1.0 or riskmap-2.0 (default: the configured method, Scoring:Methodology:Version). " +
                             "A run with the configured method is published; a run with the other method is stored for comparison " +
                             "(GET /api/score-runs/compare) and not published, so the map keeps showing the published run ('published': false " +
                             "in the answer). Any other methodology is a 400 problem and nothing runs.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(AccessSetup.StewardPolicy);
    }
}
