using RiskMap.Core.Imports;
using RiskMap.Core.Localization;
using RiskMap.Data.Queries;

namespace RiskMap.Web.Features.Imports;

/// <summary>
/// One batch of the import log: status <c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>interrupted</c> (its
/// process died and its lease lapsed; nothing of it was stored), with its findings in the reader's language; rowsHeld: the
/// values the quarantine held back, rowsStillHeld: those of them no steward has decided on yet; and for a batch an agency
/// client pushed, its provenance (client, batch key, time received; its source system is Source).
/// </summary>
public sealed record ImportBatchView(
    long Id, string Kind, string FileName, string Sha256, long SizeBytes, string ImportedBy, string Source, string Status,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int RowsRead, int RowsInserted, int RowsUpdated, int RowsUnchanged,
    int RowsHeld, int RowsStillHeld, IReadOnlyList<ImportIssueView> Issues, FeedProvenance? Feed)
{
    public static ImportBatchView From(ImportBatch b, Language language) => new(
        b.Id, b.Kind, b.FileName, b.Sha256, b.SizeBytes, b.ImportedBy, b.Source, b.Status, b.StartedAt, b.FinishedAt,
        b.RowsRead, b.RowsInserted, b.RowsUpdated, b.RowsUnchanged, b.RowsHeld, b.RowsStillHeld,
        b.Issues.Select(i => ImportIssueView.From(i, language, OptionSpelling.Query)).ToList(), b.Feed);
}
