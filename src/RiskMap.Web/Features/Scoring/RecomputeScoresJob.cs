using Hangfire;
using Npgsql;
using RiskMap.Data;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Features.Scoring;

/// <summary>
/// The Hangfire job that recomputes scores, for each reason a run starts: the nightly schedule, changed inputs (imports,
/// weights, vintage dates), or a person. Runs never overlap: the score run's advisory lock spans every process, and
/// the schedule and a person wait for a running run to end, while the watch for changed inputs looks again later.
/// While the database cannot be reached the job tries again with a growing, capped delay, and a run the database
/// interrupted is marked as such as soon as it answers again. A run that fails is retried by Hangfire with backoff;
/// the published run stays until one succeeds.
/// </summary>
public sealed class RecomputeScoresJob(ScoreRunService runs, NpgsqlDataSource dataSource, ScoringOptions options, ILogger<RecomputeScoresJob> logger)
{
    /// <summary>
    /// Asked for by a person, or by the nightly schedule (<paramref name="requestedBy"/> "scheduler"). With
    /// <paramref name="methodology"/> (a version other than the configured one) the run is kept for comparison, not published.
    /// </summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 300, 1800])]
    [JobDisplayName("Recompute scores ({0}, {1})")]
    public Task<ScoreRunOutcome> RecomputeAsync(ScoreTrigger trigger, string requestedBy, string? methodology, CancellationToken cancellationToken) =>
        RunAsync(trigger, requestedBy, methodology, waitForRunning: true, cancellationToken);

    /// <summary>The watch for changed inputs: a run once no import has finished for the debounce time, unless one is running.</summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Recompute scores if the inputs changed")]
    public async Task<ScoreRunOutcome?> RecomputeIfChangedAsync(CancellationToken cancellationToken)
    {
        if (!(await PendingRecompute.ReadAsync(dataSource, options)).Settled) return null;
        return await RunAsync(ScoreTrigger.Import, "scheduler", null, waitForRunning: false, cancellationToken);
    }

    private async Task<ScoreRunOutcome> RunAsync(ScoreTrigger trigger, string requestedBy, string? methodology, bool waitForRunning,
        CancellationToken cancellationToken)
    {
        var retry = new RetryDelay(options);
        while (true)
        {
            var outcome = await RunOnceAsync(trigger, requestedBy, methodology, waitForRunning, cancellationToken);
            if (outcome is { Status: ScoreRunStatus.Interrupted, RunId: { } interrupted })
                await MarkWhenReachableAsync(interrupted, outcome.Error!, retry, cancellationToken);
            if (outcome is not null && outcome.Status != ScoreRunStatus.Interrupted)
            {
                logger.LogInformation("Recompute ({Trigger}): {Status}, run {RunId}", trigger.Code(), outcome.Status, outcome.RunId);
                // Failed: Hangfire records the error and tries again later (AutomaticRetry).
                if (outcome.Status == ScoreRunStatus.Failed) throw new ScoreRunFailedException(outcome);
                return outcome;
            }
            await retry.WaitAsync(logger, cancellationToken);
        }
    }

    /// <returns>Null when the database could not be reached before a run started.</returns>
    private async Task<ScoreRunOutcome?> RunOnceAsync(ScoreTrigger trigger, string requestedBy, string? methodology, bool waitForRunning,
        CancellationToken cancellationToken)
    {
        try
        {
            return await runs.RunAsync(trigger, requestedBy, force: trigger == ScoreTrigger.Manual, cancellationToken: cancellationToken,
                methodologyVersion: methodology, waitForRunning: waitForRunning);
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

/// <summary>A score run that ended failed: thrown so that Hangfire shows the job failed and retries it.</summary>
public sealed class ScoreRunFailedException(ScoreRunOutcome outcome) : Exception($"Score run {outcome.RunId} failed: {outcome.Error}");
