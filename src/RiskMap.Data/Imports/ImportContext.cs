using Npgsql;
using RiskMap.Core.Imports;

namespace RiskMap.Data.Imports;

/// <summary>Everything one importer needs for one file: the open transaction, the options, where to report.</summary>
public sealed class ImportContext
{
    public required long BatchId { get; init; }

    public required string FilePath { get; init; }

    /// <summary>The name the user gave the file; its extension says the format.</summary>
    public required string FileName { get; init; }

    /// <summary>The user who imports: a dry run shows them the stored values they imported themselves.</summary>
    public required string ImportedBy { get; init; }

    public required ImportOptions Options { get; init; }

    public required IssueCollector Issues { get; init; }

    public required int MaxRows { get; init; }

    public required NpgsqlConnection Connection { get; init; }

    public required NpgsqlTransaction Transaction { get; init; }

    public required Func<ImportProgress, Task> ReportProgress { get; init; }

    /// <summary>Set for a dry run: where an importer lists the first rows it would change.</summary>
    public ChangePreview? Preview { get; init; }

    public required CancellationToken CancellationToken { get; init; }

    public string Extension => Path.GetExtension(FileName).ToLowerInvariant();

    public Stream OpenFile() => File.OpenRead(FilePath);
}

/// <summary>Reads, checks and stores one kind of file inside the caller's transaction.</summary>
public interface IImporter
{
    ImportKind Kind { get; }

    Task<ImportCounts> RunAsync(ImportContext context);
}
