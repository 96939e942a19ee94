using Quartz;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Features.Scoring;

/// <summary>
/// Quartz with its clustered PostgreSQL job store: every instance of the service joins the cluster, and each firing
/// runs on exactly one of them.
/// </summary>
public static class ScoringScheduler
{
    public static readonly JobKey RecomputeJob = new("recompute-scores", "scoring");
    public static readonly TriggerKey NightlyTrigger = new("nightly", "scoring");
    public static readonly TriggerKey ImportWatchTrigger = new("after-imports", "scoring");

    public static IServiceCollection AddScoringScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var scoring = configuration.GetSection("Scoring").Get<ScoringOptions>() ?? new ScoringOptions();
        var connectionString = configuration.GetConnectionString("RiskMap") ?? "";
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "riskmap";
                if (configuration["Scheduler:InstanceId"] is { } instanceId) scheduler.InstanceId = instanceId;
                else scheduler.GenerateInstanceId = true;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(configuration.GetValue("Scheduler:CheckinSeconds", 10));
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(configuration.GetValue("Scheduler:CheckinMisfireSeconds", 20));
                });
                store.ProvisionSchema();
            });
            quartz.AddJob<RecomputeScoresJob>(job => job.WithIdentity(RecomputeJob).StoreDurably().RequestRecovery());
            quartz.AddTrigger(trigger => trigger
                .ForJob(RecomputeJob)
                .WithIdentity(NightlyTrigger)
                .UsingJobData(RecomputeScoresJob.ModeKey, ScoreTrigger.Schedule.Code())
                .WithCronSchedule(scoring.Cron, cron => cron
                    .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(scoring.TimeZone))
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            quartz.AddTrigger(trigger => trigger
                .ForJob(RecomputeJob)
                .WithIdentity(ImportWatchTrigger)
                .UsingJobData(RecomputeScoresJob.ModeKey, ScoreTrigger.Import.Code())
                .StartNow()
                .WithSimpleSchedule(simple => simple
                    .WithInterval(TimeSpan.FromSeconds(Math.Max(1, scoring.ImportCheckSeconds)))
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
