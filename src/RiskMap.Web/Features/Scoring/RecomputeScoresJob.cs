using Dapper;
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

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var mode = data.GetString(ModeKey) ?? ScoreTrigger.Schedule.Code();
        var requestedBy = data.GetString(RequestedByKey) ?? "scheduler";
        if (mode == ScoreTrigger.Import.Code() && !await InputsChangedAndSettledAsync()) return;

        var trigger = mode == ScoreTrigger.Manual.Code() ? ScoreTrigger.Manual : mode == ScoreTrigger.Import.Code() ? ScoreTrigger.Import : ScoreTrigger.Schedule;
        var outcome = await runs.RunAsync(trigger, requestedBy, force: trigger == ScoreTrigger.Manual, cancellationToken: cancellationToken);
        logger.LogInformation("Recompute ({Mode}) on {Node}: {Status}, run {RunId}", mode, context.Scheduler.SchedulerInstanceId, outcome.Status, outcome.RunId);
        context.Result = outcome;
    }

    /// <summary>
    /// True when an import or a weight change is newer than the published run and no import has finished within the
    /// debounce interval, so a series of uploads makes one run, not one each.
    /// </summary>
    private async Task<bool> InputsChangedAndSettledAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>("""
            WITH published AS (SELECT r.input_watermark, r.weight_version_id FROM published_score_run p JOIN score_runs r ON r.id = p.run_id)
            SELECT (EXISTS (SELECT 1 FROM import_batches b
                            WHERE b.status = 'succeeded' AND b.id > COALESCE((SELECT input_watermark FROM published), 0))
                    OR (SELECT max(id) FROM weight_versions) > COALESCE((SELECT weight_version_id FROM published), 0))
               AND NOT EXISTS (SELECT 1 FROM import_batches b
                               WHERE b.status = 'running' OR b.finished_at > now() - make_interval(secs => @debounce))
            """, new { debounce = (double)options.ImportDebounceSeconds });
    }
}
