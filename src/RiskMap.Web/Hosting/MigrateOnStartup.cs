using RiskMap.Data.Schema;

namespace RiskMap.Web.Hosting;

/// <summary>Applies the SQL migrations before the server accepts requests.</summary>
internal sealed class MigrateOnStartup(MigrationRunner migrations) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrations.ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
