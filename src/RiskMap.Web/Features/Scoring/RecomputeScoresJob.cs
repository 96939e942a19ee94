using Npgsql;
using Quartz;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Features.Scoring;

/// <summary>
/// The one Quartz job that recomputes scores. Its triggers say why: the nightly schedule, the watch for new imports,
/// or a person. Quartz never runs it twice at once in the cluster, and re-runs it on another node if a node dies
/// mid-run.
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
        var outcome = await runs.RunAsync(trigger, requestedBy, force: trigger == ScoreTrigger.Manual, cancellationToken: cancellationToken,
            methodologyVersion: data.GetString(MethodologyKey));
        logger.LogInformation("Recompute ({Mode}) on {Node}: {Status}, run {RunId}", mode, context.Scheduler.SchedulerInstanceId, outcome.Status, outcome.RunId);
        context.Result = outcome;
    }
}
