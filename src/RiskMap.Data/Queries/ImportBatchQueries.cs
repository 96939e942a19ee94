using System.Text.Json;
using Dapper;
using Npgsql;
using RiskMap.Core.Imports;
using RiskMap.Data.Imports;

namespace RiskMap.Data.Queries;

public sealed record ImportBatch(
    long Id, string Kind, string FileName, string Sha256, long SizeBytes, string ImportedBy, string Source, string Status,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int RowsRead, int RowsInserted, int RowsUpdated, int RowsUnchanged,
    int RowsHeld, int RowsStillHeld, IReadOnlyList<ImportIssue> Issues, FeedProvenance? Feed = null);

/// <summary>Where a pushed batch came from: the agency client, its batch key and when it was received (the source system is the batch's source).</summary>
public sealed record FeedProvenance(string Client, string BatchKey, DateTimeOffset ReceivedAt);

/// <summary>
/// The import log, newest first. A batch still marked running whose lease has lapsed was left by a process that died
/// (<see cref="BatchLease"/>): it is shown as <c>interrupted</c>, and its data were rolled back with its transaction.
/// A batch of indicator values counts the values the quarantine held (migration 0025) and how many still wait for a steward.
/// </summary>
public sealed class ImportBatchQueries(NpgsqlDataSource dataSource)
{
    private sealed record Row(
        long Id, string Kind, string FileName, string Sha256, long SizeBytes, string ImportedBy, string Source, string Status,
        DateTime StartedAt, DateTime? FinishedAt, int RowsRead, int RowsInserted, int RowsUpdated, int RowsUnchanged, int RowsHeld, int RowsStillHeld,
        string Issues, string? FeedClient, string? FeedBatchKey, DateTime? FeedReceivedAt);

    private const string Select = $"""
        SELECT b.id, kind, file_name AS FileName, sha256, size_bytes AS SizeBytes, imported_by AS ImportedBy, source,
               CASE WHEN status = 'running' AND NOT {ImportBatchLog.RunningSql} THEN 'interrupted' ELSE status END AS Status,
               started_at AS StartedAt, finished_at AS FinishedAt, b.rows_read AS RowsRead, b.rows_inserted AS RowsInserted,
               b.rows_updated AS RowsUpdated, b.rows_unchanged AS RowsUnchanged,
               (SELECT count(*) FROM held_observations h WHERE h.import_batch_id = b.id)::int AS RowsHeld,
               (SELECT count(*) FROM held_observations h WHERE h.import_batch_id = b.id AND h.status = 'held')::int AS RowsStillHeld,
               issues::text AS Issues,
               c.name AS FeedClient, f.batch_key AS FeedBatchKey, f.received_at AS FeedReceivedAt
        FROM import_batches b
        LEFT JOIN feed_batches f ON f.import_batch_id = b.id
        LEFT JOIN agency_clients c ON c.id = f.client_id
        """;

    public async Task<IReadOnlyList<ImportBatch>> ListAsync(int limit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<Row>(Select + " ORDER BY b.id DESC LIMIT @limit", new { limit });
        return rows.Select(ToBatch).ToList();
    }

    public async Task<ImportBatch?> FindAsync(long id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Select + " WHERE b.id = @id", new { id });
        return row is null ? null : ToBatch(row);
    }

    private static ImportBatch ToBatch(Row r) => new(
        r.Id, r.Kind, r.FileName, r.Sha256, r.SizeBytes, r.ImportedBy, r.Source, r.Status,
        new DateTimeOffset(DateTime.SpecifyKind(r.StartedAt, DateTimeKind.Utc)),
        r.FinishedAt is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : null,
        r.RowsRead, r.RowsInserted, r.RowsUpdated, r.RowsUnchanged, r.RowsHeld, r.RowsStillHeld,
        JsonSerializer.Deserialize<List<ImportIssue>>(r.Issues, ImportBatchLog.IssueJson) ?? [],
        r.FeedClient is null ? null : new FeedProvenance(r.FeedClient, r.FeedBatchKey!, new DateTimeOffset(DateTime.SpecifyKind(r.FeedReceivedAt!.Value, DateTimeKind.Utc))));
}
