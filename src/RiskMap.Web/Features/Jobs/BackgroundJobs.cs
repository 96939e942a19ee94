using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using RiskMap.Web.Features.Access;

namespace RiskMap.Web.Features.Jobs;

/// <summary>
/// Hangfire on its PostgreSQL storage, in the project's database (schema <c>hangfire</c>, owned by the runtime role):
/// every instance of the service is a Hangfire server, each job runs on one of them, and a job whose server died is
/// fetched again once its invisibility timeout has passed. The timeout slides while a job runs, so a long recompute on
/// a live server is never taken from it.
/// </summary>
public static class BackgroundJobs
{
    /// <summary>The "Scheduler" configuration section (Scheduler:Enabled=false leaves Hangfire out of the instance).</summary>
    public sealed class SchedulerOptions
    {
        /// <summary>The server's name in the dashboard and the logs; null: Hangfire's (host name and process).</summary>
        public string? InstanceId { get; set; }

        /// <summary>How long after its server stopped answering a job is fetched by another.</summary>
        public double InvisibilityTimeoutSeconds { get; set; } = 300;

        /// <summary>How often delayed and recurring jobs are looked for.</summary>
        public double PollSeconds { get; set; } = 1;

        public int Workers { get; set; } = 2;
    }

    public static SchedulerOptions Options(IConfiguration configuration) =>
        configuration.GetSection("Scheduler").Get<SchedulerOptions>() ?? new SchedulerOptions();

    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Options(configuration);
        var connectionString = configuration.GetConnectionString("RiskMap") ?? "";
        // The storage and the job activator are this host's own, registered before AddHangfire (which would otherwise take
        // Hangfire's static JobStorage.Current and JobActivator.Current: with several hosts in one process, as in the tests,
        // a job could be run against another host's database).
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            // Installed by JobServerHost once the migrations have made the schema (the storage is built before them).
            PrepareSchemaIfNecessary = false,
            // LISTEN/NOTIFY: a job asked for now starts now, not at the next poll.
            EnableLongPolling = true,
            InvisibilityTimeout = TimeSpan.FromSeconds(options.InvisibilityTimeoutSeconds),
            UseSlidingInvisibilityTimeout = true,
        };
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions));
        services.AddSingleton(new JobServerHost.Schema(connectionString, storageOptions.SchemaName));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogs(provider.GetRequiredService<ILoggerFactory>())));
        services.AddSingleton(options);
        services.AddHostedService<JobServerHost>();
        return services;
    }

    /// <summary>Where the data steward watches and retries jobs (linked from the score-runs page).</summary>
    public const string DashboardPath = "/jobs/dashboard";

    /// <summary>
    /// The Hangfire Dashboard for the data steward only: the app's own sign-in and the steward policy decide, not
    /// Hangfire's local-requests rule; the app's security headers and CSP apply as to every page.
    /// </summary>
    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(AccessSetup.StewardPolicy, DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AppPath = "/jobs.html",
            DashboardTitle = "RiskMap jobs",
            DisplayStorageConnectionString = false,
        });

    /// <summary>A cron expression (with seconds) firing about every <paramref name="seconds"/>: whole minutes or hours above a minute.</summary>
    public static string Every(int seconds) => Math.Max(1, seconds) switch
    {
        < 60 and var s => $"*/{s} * * * * *",
        < 3600 and var s => $"0 */{s / 60} * * * *",
        var s => $"0 0 */{Math.Min(23, s / 3600)} * * *",
    };
}
