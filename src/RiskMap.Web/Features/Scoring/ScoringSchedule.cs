using Hangfire;
using RiskMap.Data.Scoring;
using RiskMap.Web.Features.Jobs;

namespace RiskMap.Web.Features.Scoring;

/// <summary>
/// The recurring recomputes, registered (or updated) by every instance as it starts: the configured schedule, nightly at
/// 02:00 Asia/Almaty by default, and the watch for changed inputs every <see cref="ScoringOptions.ImportCheckSeconds"/>.
/// Hangfire enqueues each occurrence once, whichever instances are running.
/// </summary>
public sealed class ScoringSchedule(IRecurringJobManager recurringJobs, ScoringOptions options) : IHostedService
{
    public const string NightlyJob = "recompute-scheduled";
    public const string ChangedInputsJob = "recompute-after-changes";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<RecomputeScoresJob>(NightlyJob,
            job => job.RecomputeAsync(ScoreTrigger.Schedule, "scheduler", null, CancellationToken.None), options.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone) });
        recurringJobs.AddOrUpdate<RecomputeScoresJob>(ChangedInputsJob,
            job => job.RecomputeIfChangedAsync(CancellationToken.None), BackgroundJobs.Every(options.ImportCheckSeconds));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
