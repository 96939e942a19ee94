using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;
using RiskMap.Core.Imports;

namespace RiskMap.Data.Imports;

/// <param name="BeforeCommit">Run in the import's transaction once its rows are stored (never in a dry run), for a record
/// that must exist exactly when they do, such as a feed batch's.</param>
public sealed record ImportRequest(ImportKind Kind, string FilePath, string FileName, string ImportedBy, ImportOptions Options,
    Func<ImportContext, ImportCounts, Task>? BeforeCommit = null);

/// <summary>
/// The one code path of every import, from the command line and from HTTP uploads alike: size limits, the batch
/// record, one transaction for the whole file, and a rollback that leaves the database exactly as it was when
/// anything in the file is wrong. A dry run takes the same path and always rolls back, its batch record included.
/// </summary>
public sealed class ImportService(
    NpgsqlDataSource dataSource,
    ImportBatchLog batchLog,
    IEnumerable<IImporter> importers,
    ImportLimits limits,
    ILogger<ImportService> logger)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    /// <summary>How many changed rows a dry run lists.</summary>
    public const int PreviewChanges = 20;

    public async Task<ImportResult> ImportAsync(ImportRequest request, Action<ImportProgress>? onProgress = null, CancellationToken cancellationToken = default)
    {
        var (result, _) = await RunAsync(request, dryRun: false, onProgress, cancellationToken);
        return result;
    }

    /// <summary>
    /// What the import would do, with the first changed rows, without storing anything: the same checks and the same
    /// writes as <see cref="ImportAsync"/>, in a transaction that is rolled back. Findings throw
    /// <see cref="ImportFailedException"/> with batch id 0, as nothing is logged.
    /// </summary>
    public async Task<ImportPreview> PreviewAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        var (result, changes) = await RunAsync(request, dryRun: true, null, cancellationToken);
        return new ImportPreview(result.Kind, result.Counts, result.Warnings, changes);
    }

    private async Task<(ImportResult Result, IReadOnlyList<ImportChange> Changes)> RunAsync(
        ImportRequest request, bool dryRun, Action<ImportProgress>? onProgress, CancellationToken cancellationToken)
    {
        var importer = importers.Single(i => i.Kind == request.Kind);
        var file = new FileInfo(request.FilePath);
        var sha256 = await HashAsync(file, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A dry run's batch record lives in its own transaction, so the rollback takes it away with everything else.
        var batchId = await batchLog.StartAsync(request.Kind, request.FileName, sha256, file.Length, request.ImportedBy, request.Options,
            limits.Lease, dryRun ? transaction : null);
        // A dry run's batch is never seen by anyone else, so it needs no lease.
        await using var lease = dryRun ? null : new BatchLease(batchLog, batchId, limits.Lease, logger);
        logger.LogInformation("Import batch {BatchId}{DryRun}: {Kind} from {FileName} ({Bytes} bytes) by {User}",
            batchId, dryRun ? " (dry run)" : "", request.Kind.Code(), request.FileName, file.Length, request.ImportedBy);

        var issues = new IssueCollector();
        try
        {
            if (file.Length == 0) throw ImportRejectedException.Single(ImportProblem.EmptyFile);
            if (file.Length > limits.MaxFileBytes)
                throw ImportRejectedException.Single(ImportProblem.FileTooLarge, detail: ImportDetail.AtMost(DetailText.AtMostBytes, limits.MaxFileBytes));

            var preview = dryRun ? new ChangePreview(PreviewChanges) : null;
            var context = new ImportContext
            {
                BatchId = batchId,
                FilePath = request.FilePath,
                FileName = request.FileName,
                ImportedBy = request.ImportedBy,
                Options = request.Options,
                Issues = issues,
                MaxRows = limits.MaxRows,
                Connection = connection,
                Transaction = transaction,
                ReportProgress = Throttled(dryRun ? null : batchId, onProgress),
                Preview = preview,
                CancellationToken = cancellationToken,
            };
            var counts = await importer.RunAsync(context);
            issues.ThrowIfErrors();
            var warnings = issues.Warnings.ToList();
            if (dryRun)
            {
                await transaction.RollbackAsync(cancellationToken);
                logger.LogInformation("Import batch {BatchId} (dry run) rolled back: {Counts}", batchId, counts);
                return (new ImportResult(0, request.Kind, counts, warnings), preview!.Changes);
            }
            if (request.BeforeCommit is { } beforeCommit) await beforeCommit(context, counts);
            await Tiles.MapDataVersion.NotifyAsync(connection, transaction, request.Kind.Code());
            await transaction.CommitAsync(cancellationToken);

            await batchLog.SucceedAsync(batchId, counts, warnings);
            logger.LogInformation("Import batch {BatchId} succeeded: {Counts}, {Warnings} warning(s)", batchId, counts, warnings.Count);
            return (new ImportResult(batchId, request.Kind, counts, warnings), []);
        }
        catch (ImportRejectedException rejected)
        {
            if (dryRun) throw new ImportFailedException(0, rejected.Issues);
            await batchLog.FailAsync(batchId, rejected.Issues);
            logger.LogWarning("Import batch {BatchId} rejected with {Count} finding(s)", batchId, rejected.Issues.Count);
            throw new ImportFailedException(batchId, rejected.Issues);
        }
        catch (Exception e)
        {
            if (!dryRun) await batchLog.FailAsync(batchId, [new ImportIssue(ImportProblem.UnreadableFile, Detail: ImportDetail.AsIs(e.GetType().Name))]);
            logger.LogError(e, "Import batch {BatchId} failed", batchId);
            throw;
        }
    }

    private Func<ImportProgress, Task> Throttled(long? batchId, Action<ImportProgress>? onProgress)
    {
        var sinceLast = Stopwatch.StartNew();
        return async progress =>
        {
            onProgress?.Invoke(progress);
            if (batchId is null || sinceLast.Elapsed < ProgressInterval) return;
            sinceLast.Restart();
            await batchLog.ReportProgressAsync(batchId.Value, progress.Rows);
        };
    }

    private static async Task<string> HashAsync(FileInfo file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
