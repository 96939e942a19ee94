using System.Security.Cryptography;
using Dapper;
using Npgsql;
using RiskMap.Core.Geography;
using RiskMap.Data.Imports;

namespace RiskMap.Data.Feeds;

public sealed record FeedBatchRequest(string BatchKey, string SourceSystem, IReadOnlyList<FeedValue> Values);

/// <summary>What a stored batch did: the same answer for its first push and every retry with its key.</summary>
public sealed record FeedResult(long BatchId, string BatchKey, string SourceSystem, DateTimeOffset ReceivedAt, int RowsRead, int Inserted, int Updated, int Unchanged);

/// <summary>A value the client may not write: its position in the batch, the field at fault and its content.</summary>
public sealed record FeedRefusal(int Row, string Field, string? Value);

public abstract record FeedOutcome
{
    /// <param name="Replayed">The batch key was used before with the same content: the first result, nothing written now.</param>
    public sealed record Stored(FeedResult Result, bool Replayed) : FeedOutcome;

    /// <summary>The batch key was used before for different content.</summary>
    public sealed record Conflict(FeedResult First) : FeedOutcome;

    /// <summary>Values outside the client's indicators or regions: the batch is refused whole.</summary>
    public sealed record NotPermitted(IReadOnlyList<FeedRefusal> Refusals) : FeedOutcome;
}

/// <summary>
/// Pushed indicator batches of agency clients. A batch goes through the indicator import (<see cref="ImportService"/>,
/// the CSV import's checks and writes, all or nothing, the debounced recompute its batch triggers) after two checks of
/// its own: its key (the first result again for the same content, a conflict for other content) and the client's
/// permissions. Pushes with one client's batch key are serialised by an advisory lock, and the feed batch is stored in
/// the import's transaction, so a key is taken exactly when its values are stored, across restarts and instances.
/// </summary>
public sealed class FeedService(NpgsqlDataSource dataSource, ImportService imports, AgencyClientStore clients)
{
    /// <exception cref="ImportFailedException">The values fail the import's checks; its findings are put back in the batch's terms.</exception>
    public async Task<FeedOutcome> PushAsync(AgencyCaller caller, FeedBatchRequest batch, CancellationToken cancellationToken = default)
    {
        var csv = new FeedCsv(batch.Values);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(csv.Bytes));
        await using var held = await dataSource.OpenConnectionAsync(cancellationToken);
        await held.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(hashtextextended(@key, 0))",
            new { key = LockKey(caller, batch.BatchKey) }, commandTimeout: 0, cancellationToken: cancellationToken));
        try
        {
            if (await FindAsync(held, caller.ClientId, batch.BatchKey) is { } first)
                return first.Sha256 == sha256 && first.Result.SourceSystem == batch.SourceSystem
                    ? new FeedOutcome.Stored(first.Result, Replayed: true)
                    : new FeedOutcome.Conflict(first.Result);

            var refusals = await RefusalsAsync(held, await clients.PermissionsAsync(caller.ClientId), batch.Values);
            if (refusals.Count > 0) return new FeedOutcome.NotPermitted(refusals);

            return new FeedOutcome.Stored(await ImportAsync(caller, batch, csv, cancellationToken), Replayed: false);
        }
        finally
        {
            await held.ExecuteAsync("SELECT pg_advisory_unlock(hashtextextended(@key, 0))", new { key = LockKey(caller, batch.BatchKey) });
        }
    }

    /// <summary>The first result of a client's batch key, or null.</summary>
    public async Task<FeedResult?> FindAsync(long clientId, string batchKey)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await FindAsync(connection, clientId, batchKey))?.Result;
    }

    private static string LockKey(AgencyCaller caller, string batchKey) => $"feed-batch:{caller.ClientId}:{batchKey}";

    private async Task<FeedResult> ImportAsync(AgencyCaller caller, FeedBatchRequest batch, FeedCsv csv, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"riskmap-feed-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllBytesAsync(path, csv.Bytes, cancellationToken);
            FeedResult? result = null;
            var request = new ImportRequest(ImportKind.Indicators, path, $"feed {caller.Name} {batch.BatchKey}.csv", $"client:{caller.Name}",
                new ImportOptions { Source = batch.SourceSystem },
                BeforeCommit: async (context, counts) =>
                {
                    var receivedAt = await context.Connection.ExecuteScalarAsync<DateTime>("""
                        INSERT INTO feed_batches (client_id, batch_key, import_batch_id, key_id, rows_read, rows_inserted, rows_updated, rows_unchanged)
                        VALUES (@ClientId, @batchKey, @BatchId, @KeyId, @RowsRead, @Inserted, @Updated, @Unchanged) RETURNING received_at
                        """, new { caller.ClientId, batchKey = batch.BatchKey, context.BatchId, caller.KeyId, counts.RowsRead, counts.Inserted, counts.Updated, counts.Unchanged },
                        context.Transaction);
                    result = new FeedResult(context.BatchId, batch.BatchKey, batch.SourceSystem, Utc(receivedAt), counts.RowsRead, counts.Inserted,
                        counts.Updated, counts.Unchanged);
                });
            try
            {
                await imports.ImportAsync(request, cancellationToken: cancellationToken);
            }
            catch (ImportFailedException failed)
            {
                throw new ImportFailedException(failed.BatchId, [.. failed.Issues.Select(csv.InBatch)]);
            }
            return result!;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed record Found(FeedResult Result, string Sha256);

    private static async Task<Found?> FindAsync(NpgsqlConnection connection, long clientId, string batchKey)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long BatchId, string Source, DateTime ReceivedAt, int RowsRead, int Inserted, int Updated, int Unchanged, string Sha256)>("""
            SELECT f.import_batch_id, b.source, f.received_at, f.rows_read, f.rows_inserted, f.rows_updated, f.rows_unchanged, b.sha256
            FROM feed_batches f JOIN import_batches b ON b.id = f.import_batch_id
            WHERE f.client_id = @clientId AND f.batch_key = @batchKey
            """, new { clientId, batchKey });
        return row.Sha256 is null ? null
            : new Found(new FeedResult(row.BatchId, batchKey, row.Source, Utc(row.ReceivedAt), row.RowsRead, row.Inserted, row.Updated, row.Unchanged), row.Sha256);
    }

    /// <summary>
    /// Every value outside the client's indicators or regions (a district by its code's region, a school by the region
    /// it lies in). Codes that name no unit are left to the import's checks, which refuse them anyway.
    /// </summary>
    private static async Task<List<FeedRefusal>> RefusalsAsync(NpgsqlConnection connection, FeedPermissions permissions, IReadOnlyList<FeedValue> values)
    {
        static bool IsSchool(FeedValue v) => EntityLevels.TryParse(v.Level, out var level) && level == EntityLevel.School;
        var schoolCodes = values.Where(v => IsSchool(v) && v.Code is not null).Select(v => v.Code!.Trim()).Distinct().ToArray();
        var schoolRegions = (await connection.QueryAsync<(string Code, string? Region)>(
                "SELECT code, trim(region_kato) FROM schools WHERE code = ANY(@schoolCodes)", new { schoolCodes }))
            .ToDictionary(s => s.Code, s => s.Region);
        var refusals = new List<FeedRefusal>();
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (v.Indicator is { } indicator && !permissions.Indicators.Contains(indicator.Trim()))
                refusals.Add(new FeedRefusal(i, "indicator", indicator));
            var region = v.Code?.Trim() is not { } code ? null
                : IsSchool(v) ? schoolRegions.TryGetValue(code, out var placed) ? placed ?? "" : null
                : Kato.TryParse(code, out var kato) ? kato.Region.Value : null;
            if (region is not null && !permissions.Regions.Contains(region))
                refusals.Add(new FeedRefusal(i, "code", v.Code));
        }
        return refusals;
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
