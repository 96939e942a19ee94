using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;
using RiskMap.Core.Imports;

namespace RiskMap.Data.Imports;

public sealed record ImportRequest(ImportKind Kind, string FilePath, string FileName, string ImportedBy, ImportOptions Options);

/// <summary>
/// The one code path of every import, from the command line and from HTTP uploads alike: size limits, the batch
/// record, one transaction for the whole file, and a rollback that leaves the database exactly as it was when
/// anything in the file is wrong.
/// </summary>
public sealed class ImportService(
    NpgsqlDataSource dataSource,
    ImportBatchLog batchLog,
    IEnumerable<IImporter> importers,
    ImportLimits limits,
    ILogger<ImportService> logger)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    public async Task<ImportResult> ImportAsync(ImportRequest request, Action<ImportProgress>? onProgress = null, CancellationToken cancellationToken = default)
    {
        var importer = importers.Single(i => i.Kind == request.Kind);
        var file = new FileInfo(request.FilePath);
        var sha256 = await HashAsync(file, cancellationToken);
        var batchId = await batchLog.StartAsync(request.Kind, request.FileName, sha256, file.Length, request.ImportedBy, request.Options);
        logger.LogInformation("Import batch {BatchId}: {Kind} from {FileName} ({Bytes} bytes) by {User}",
            batchId, request.Kind.Code(), request.FileName, file.Length, request.ImportedBy);

        var issues = new IssueCollector();
        try
        {
            if (file.Length == 0) throw ImportRejectedException.Single(ImportProblem.EmptyFile);
            if (file.Length > limits.MaxFileBytes)
                throw ImportRejectedException.Single(ImportProblem.FileTooLarge, detail: $"at most {limits.MaxFileBytes:N0} bytes");

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var context = new ImportContext
            {
                BatchId = batchId,
                FilePath = request.FilePath,
                FileName = request.FileName,
                Options = request.Options,
                Issues = issues,
                MaxRows = limits.MaxRows,
                Connection = connection,
                Transaction = transaction,
                ReportProgress = Throttled(batchId, onProgress),
                CancellationToken = cancellationToken,
            };
            var counts = await importer.RunAsync(context);
            issues.ThrowIfErrors();
            await Tiles.MapDataVersion.NotifyAsync(connection, transaction, request.Kind.Code());
            await transaction.CommitAsync(cancellationToken);

            var warnings = issues.Warnings.ToList();
            await batchLog.SucceedAsync(batchId, counts, warnings);
            logger.LogInformation("Import batch {BatchId} succeeded: {Counts}, {Warnings} warning(s)", batchId, counts, warnings.Count);
            return new ImportResult(batchId, request.Kind, counts, warnings);
        }
        catch (ImportRejectedException rejected)
        {
            await batchLog.FailAsync(batchId, rejected.Issues);
            logger.LogWarning("Import batch {BatchId} rejected with {Count} finding(s)", batchId, rejected.Issues.Count);
            throw new ImportFailedException(batchId, rejected.Issues);
        }
        catch (Exception e)
        {
            await batchLog.FailAsync(batchId, [new ImportIssue(ImportProblem.UnreadableFile, Detail: e.GetType().Name)]);
            logger.LogError(e, "Import batch {BatchId} failed", batchId);
            throw;
        }
    }

    private Func<ImportProgress, Task> Throttled(long batchId, Action<ImportProgress>? onProgress)
    {
        var sinceLast = Stopwatch.StartNew();
        return async progress =>
        {
            onProgress?.Invoke(progress);
            if (sinceLast.Elapsed < ProgressInterval) return;
            sinceLast.Restart();
            await batchLog.ReportProgressAsync(batchId, progress.Rows);
        };
    }

    private static async Task<string> HashAsync(FileInfo file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
