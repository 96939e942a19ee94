using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RiskMap.Data.Schema;

/// <summary>
/// Brings the database to the newest schema. Several service instances may start at once, so the work runs under a
/// PostgreSQL advisory lock; each script runs in its own transaction and is recorded with its checksum, and a script
/// that changed after it was applied stops the start-up rather than leaving the schema in an unknown state.
/// It connects as the schema's owner (<see cref="OwnerDataSource"/>) and afterwards grants the runtime role its rights.
/// </summary>
public sealed class MigrationRunner(OwnerDataSource owner, ILogger<MigrationRunner> logger)
{
    private static readonly Lazy<string> RuntimeGrants = new(() =>
    {
        using var stream = typeof(MigrationRunner).Assembly.GetManifestResourceStream("RiskMap.Data.Schema.runtime_grants.sql")!;
        return new StreamReader(stream).ReadToEnd();
    });

    // Any fixed number works; it only has to be the same for every instance of this service.
    private const long AdvisoryLockKey = 0x5269_736B_4D61_70;

    public async Task<IReadOnlyList<Migration>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        var migrations = Migration.LoadEmbedded();
        await using var connection = await owner.DataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey });
        try
        {
            await connection.ExecuteAsync("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   char(64) NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """);
            var applied = (await connection.QueryAsync<(int Version, string Checksum)>(
                "SELECT version, checksum FROM schema_migrations")).ToDictionary(r => r.Version, r => r.Checksum);

            var newlyApplied = new List<Migration>();
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                        throw new InvalidOperationException(
                            $"Migration {migration.Version:D4}_{migration.Name} was changed after it was applied. Add a new migration instead.");
                    continue;
                }
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(migration.Sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)",
                    new { migration.Version, migration.Name, migration.Checksum }, transaction);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version:D4}_{Name}", migration.Version, migration.Name);
                newlyApplied.Add(migration);
            }
            await connection.ExecuteAsync(RuntimeGrants.Value);
            return newlyApplied;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey });
        }
    }
}
