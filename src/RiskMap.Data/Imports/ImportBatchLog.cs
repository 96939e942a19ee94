using System.Text.Json;
using Dapper;
using Npgsql;
using RiskMap.Core.Imports;

namespace RiskMap.Data.Imports;

/// <summary>
/// Records every import in <c>import_batches</c>, outside the import's own transaction, so that refused and failed
/// imports are logged too while their data is rolled back. A running batch holds a lease that its importer renews
/// (<see cref="BatchLease"/>); once it lapses the batch reads as interrupted (<see cref="Queries.ImportBatchQueries"/>).
/// </summary>
public sealed class ImportBatchLog(NpgsqlDataSource dataSource)
{
    public static readonly JsonSerializerOptions IssueJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower), new ImportDetailJson() },
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// SQL condition on <c>import_batches</c>: the batch is being imported now, its importer renewing its lease. A batch
    /// still marked running without it was interrupted: its process died, and its transaction with it.
    /// </summary>
    public const string RunningSql = "(status = 'running' AND lease_until >= now())";

    /// <param name="transaction">Null: the record is stored at once. A dry run passes its own transaction, whose rollback takes the record away.</param>
    public async Task<long> StartAsync(ImportKind kind, string fileName, string sha256, long sizeBytes, string importedBy, ImportOptions options,
        TimeSpan lease, NpgsqlTransaction? transaction = null)
    {
        await using var own = transaction is null ? await dataSource.OpenConnectionAsync() : null;
        var connection = transaction?.Connection ?? own!;
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO import_batches (kind, file_name, sha256, size_bytes, imported_by, source, options, status, lease_until)
            VALUES (@kind, @fileName, @sha256, @sizeBytes, @importedBy, @source, @options::jsonb, 'running', now() + @lease)
            RETURNING id
            """, new
        {
            kind = kind.Code(), fileName, sha256, sizeBytes, importedBy, source = options.Source,
            options = JsonSerializer.Serialize(options.ToRecord()), lease,
        }, transaction);
    }

    public async Task RenewLeaseAsync(long batchId, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE import_batches SET lease_until = now() + @lease WHERE id = @batchId AND status = 'running'",
            new { batchId, lease }, cancellationToken: cancellationToken));
    }

    public async Task ReportProgressAsync(long batchId, int rowsRead)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE import_batches SET rows_read = @rowsRead WHERE id = @batchId AND status = 'running'",
            new { batchId, rowsRead });
    }

    public async Task SucceedAsync(long batchId, ImportCounts counts, IReadOnlyList<ImportIssue> warnings)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            UPDATE import_batches
            SET status = 'succeeded', finished_at = now(), rows_read = @RowsRead, rows_inserted = @Inserted,
                rows_updated = @Updated, rows_unchanged = @Unchanged, issues = @issues::jsonb
            WHERE id = @batchId
            """, new { batchId, counts.RowsRead, counts.Inserted, counts.Updated, counts.Unchanged, issues = JsonSerializer.Serialize(warnings, IssueJson) });
    }

    public async Task FailAsync(long batchId, IReadOnlyList<ImportIssue> issues)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            UPDATE import_batches SET status = 'failed', finished_at = now(), rows_inserted = 0, rows_updated = 0,
                rows_unchanged = 0, issues = @issues::jsonb
            WHERE id = @batchId
            """, new { batchId, issues = JsonSerializer.Serialize(issues, IssueJson) });
    }
}
