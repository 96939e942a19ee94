using RiskMap.Core.Imports;

namespace RiskMap.Data.Imports;

/// <param name="Held">Indicator values the quarantine held back until a steward accepts them (not among the others).</param>
public sealed record ImportCounts(int RowsRead, int Inserted, int Updated, int Unchanged, int Held = 0);

/// <summary>What a successful import did, with the warnings it raised (repaired geometries, unassigned schools).</summary>
public sealed record ImportResult(long BatchId, ImportKind Kind, ImportCounts Counts, IReadOnlyList<ImportIssue> Warnings);

/// <summary>An import that was refused: the batch id under which the refusal is logged, and the findings.</summary>
public sealed class ImportFailedException(long batchId, IReadOnlyList<ImportIssue> issues)
    : Exception($"Import batch {batchId} was rejected with {issues.Count(i => !i.IsWarning)} error(s); nothing was stored.")
{
    public long BatchId { get; } = batchId;

    public IReadOnlyList<ImportIssue> Issues { get; } = issues;
}

/// <summary>Where a running import is, for the command line's progress line and the batch record.</summary>
public sealed record ImportProgress(string Stage, int Rows);
