using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;

namespace RiskMap.Web.Features.Jobs;

/// <summary>
/// This instance's Hangfire server, started after the migrations (a hosted service registered after
/// <c>MigrateOnStartup</c>): it first installs or upgrades Hangfire's tables in their schema, as the service's own role,
/// which therefore owns them. Stopping waits for running jobs to end or be cancelled.
/// </summary>
public sealed class JobServerHost(IServiceProvider services, BackgroundJobs.SchedulerOptions options) : IHostedService, IDisposable
{
    /// <summary>Where Hangfire's tables go, and the connection that installs them.</summary>
    public sealed record Schema(string ConnectionString, string Name);

    private BackgroundJobServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Hangfire's process-wide settings (serializer, log) are applied as this is first asked for.
        services.GetRequiredService<IGlobalConfiguration>();
        var schema = services.GetRequiredService<Schema>();
        await using (var connection = new NpgsqlConnection(schema.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            PostgreSqlObjectsInstaller.Install(connection, schema.Name);
        }
        var serverOptions = new BackgroundJobServerOptions
        {
            WorkerCount = Math.Max(1, options.Workers),
            SchedulePollingInterval = TimeSpan.FromSeconds(options.PollSeconds),
            Activator = services.GetRequiredService<JobActivator>(),
        };
        if (options.InstanceId is { } name) serverOptions.ServerName = name;
        _server = new BackgroundJobServer(serverOptions, services.GetRequiredService<JobStorage>());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null) return;
        _server.SendStop();
        await _server.WaitForShutdownAsync(cancellationToken);
    }

    public void Dispose() => _server?.Dispose();
}
