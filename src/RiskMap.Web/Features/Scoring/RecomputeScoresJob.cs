using Npgsql;
using Quartz;
using RiskMap.Data;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Features.Scoring;

/// <summary>
/// The one Quartz job that recomputes scores. Its triggers say why: the nightly schedule, the watch for new imports,
/// or a person. Quartz never runs it twice at once in the cluster, and re-runs it on another node if a node dies
/// mid-run.
/// While the database cannot be reached (restarted, refusing connections) the job tries again with a growing, capped
/// delay; a run the database interrupted is marked as such as soon as it answers again.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RecomputeScoresJob(ScoreRunService runs, NpgsqlDataSource dataSource, ScoringOptions options, ILogger<RecomputeScoresJob> logger) : IJob
{
    public const string ModeKey = "mode";
    public const string RequestedByKey = "requestedBy";

    /// <summary>A methodology version other than the configured one: a run for comparison, not published.</summary>
    public const string MethodologyKey = "methodology";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var mode = data.GetString(ModeKey) ?? ScoreTrigger.Schedule.Code();
        var requestedBy = data.GetString(RequestedByKey) ?? "scheduler";
        if (mode == ScoreTrigger.Import.Code() && !(await PendingRecompute.ReadAsync(dataSource, options)).Settled) return;

        var trigger = mode == ScoreTrigger.Manual.Code() ? ScoreTrigger.Manual : mode == ScoreTrigger.Import.Code() ? ScoreTrigger.Import : ScoreTrigger.Schedule;
        var retry = new RetryDelay(options);
        while (true)
        {
            var outcome = await RunOnceAsync(trigger, requestedBy, data.GetString(MethodologyKey), cancellationToken);
            if (outcome is { Status: ScoreRunStatus.Interrupted, RunId: { } interrupted })
                await MarkWhenReachableAsync(interrupted, outcome.Error!, retry, cancellationToken);
            if (outcome is not null && outcome.Status != ScoreRunStatus.Interrupted)
            {
                logger.LogInformation("Recompute ({Mode}) on {Node}: {Status}, run {RunId}", mode, context.Scheduler.SchedulerInstanceId, outcome.Status, outcome.RunId);
                context.Result = outcome;
                return;
            }
            await retry.WaitAsync(logger, cancellationToken);
        }
    }

    /// <returns>Null when the database could not be reached before a run started.</returns>
    private async Task<ScoreRunOutcome?> RunOnceAsync(ScoreTrigger trigger, string requestedBy, string? methodology, CancellationToken cancellationToken)
    {
        try
        {
            return await runs.RunAsync(trigger, requestedBy, force: trigger == ScoreTrigger.Manual, cancellationToken: cancellationToken,
                methodologyVersion: methodology);
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            logger.LogWarning("Recompute could not reach the database: {Error}", e.Message);
            return null;
        }
    }

    /// <summary>The interrupted run is marked as soon as the database answers, before the run that replaces it starts.</summary>
    private async Task MarkWhenReachableAsync(long runId, string reason, RetryDelay retry, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await runs.MarkFailedAsync(runId, reason, cancellationToken);
                return;
            }
            catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
            {
                await retry.WaitAsync(logger, cancellationToken);
            }
        }
    }

    /// <summary>Waits between tries: the configured first delay, doubling up to the configured cap.</summary>
    private sealed class RetryDelay(ScoringOptions options)
    {
        private TimeSpan _next = TimeSpan.FromSeconds(options.RetryFirstSeconds);

        public async Task WaitAsync(ILogger logger, CancellationToken cancellationToken)
        {
            logger.LogWarning("Recompute interrupted by the database; trying again in {Delay}", _next);
            await Task.Delay(_next, cancellationToken);
            var cap = TimeSpan.FromSeconds(options.RetryMaxSeconds);
            _next = _next * 2 < cap ? _next * 2 : cap;
        }
    }
}
