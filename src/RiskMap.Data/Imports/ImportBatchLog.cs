using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RiskMap.Core.Imports;
using RiskMap.Data.Model;

namespace RiskMap.Data.Imports;

/// <summary>
/// Records every import in <c>import_batches</c>, outside the import's own transaction, so that refused and failed
/// imports are logged too while their data is rolled back. A running batch holds a lease that its importer renews
/// (<see cref="BatchLease"/>); once it lapses the batch reads as interrupted (<see cref="Queries.ImportBatchQueries"/>).
/// </summary>
public sealed class ImportBatchLog(IDbContextFactory<RiskMapDbContext> contexts)
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
        await using var context = await contexts.CreateDbContextAsync();
        if (transaction is not null)
        {
            context.Database.SetDbConnection(transaction.Connection);
            await context.Database.UseTransactionAsync(transaction);
        }
        // The lease is read against the database's clock (RunningSql), so it is set from that clock too.
        var now = await context.Database.SqlQuery<DateTime>($"SELECT now() AS \"Value\"").SingleAsync();
        var batch = new ImportBatch
        {
            Kind = kind.Code(), FileName = fileName, Sha256 = sha256, SizeBytes = sizeBytes, ImportedBy = importedBy, Source = options.Source,
            Options = JsonSerializer.Serialize(options.ToRecord()), Status = "running", LeaseUntil = now + lease,
        };
        context.ImportBatches.Add(batch);
        await context.SaveChangesAsync();
        return batch.Id;
    }

    public async Task RenewLeaseAsync(long batchId, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await Running(context, batchId).ExecuteUpdateAsync(set => set.SetProperty(b => b.LeaseUntil, DateTime.UtcNow + lease), cancellationToken);
    }

    public async Task ReportProgressAsync(long batchId, int rowsRead)
    {
        await using var context = await contexts.CreateDbContextAsync();
        await Running(context, batchId).ExecuteUpdateAsync(set => set.SetProperty(b => b.RowsRead, rowsRead));
    }

    public async Task SucceedAsync(long batchId, ImportCounts counts, IReadOnlyList<ImportIssue> warnings)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var issues = JsonSerializer.Serialize(warnings, IssueJson);
        await context.ImportBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(set => set
            .SetProperty(b => b.Status, "succeeded").SetProperty(b => b.FinishedAt, DateTime.UtcNow).SetProperty(b => b.RowsRead, counts.RowsRead)
            .SetProperty(b => b.RowsInserted, counts.Inserted).SetProperty(b => b.RowsUpdated, counts.Updated)
            .SetProperty(b => b.RowsUnchanged, counts.Unchanged).SetProperty(b => b.Issues, issues));
    }

    public async Task FailAsync(long batchId, IReadOnlyList<ImportIssue> issues)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var json = JsonSerializer.Serialize(issues, IssueJson);
        await context.ImportBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(set => set
            .SetProperty(b => b.Status, "failed").SetProperty(b => b.FinishedAt, DateTime.UtcNow).SetProperty(b => b.RowsInserted, 0)
            .SetProperty(b => b.RowsUpdated, 0).SetProperty(b => b.RowsUnchanged, 0).SetProperty(b => b.Issues, json));
    }

    private static IQueryable<ImportBatch> Running(RiskMapDbContext context, long batchId) =>
        context.ImportBatches.Where(b => b.Id == batchId && b.Status == "running");
}
