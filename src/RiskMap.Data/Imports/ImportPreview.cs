using RiskMap.Core.Imports;

namespace RiskMap.Data.Imports;

/// <summary>
/// One indicator value a dry run would change: the unit (level and KATO code), the indicator and quarter, its stored
/// value (null for a new row, or when <c>OldWithheld</c>) and the file's. A stored value is shown only to whoever
/// imported it: a data steward does not read other people's child data through a dry run.
/// </summary>
public sealed record ImportChange(string Level, string Code, string Indicator, string Period, double? Old, double New, bool OldWithheld);

/// <summary>What an import would do, from a dry run that stored nothing.</summary>
public sealed record ImportPreview(ImportKind Kind, ImportCounts Counts, IReadOnlyList<ImportIssue> Warnings, IReadOnlyList<ImportChange> Changes);

/// <summary>Collects the first changed rows of a dry run, up to a limit.</summary>
public sealed class ChangePreview(int limit)
{
    private readonly List<ImportChange> _changes = [];

    public int Limit => limit;

    public IReadOnlyList<ImportChange> Changes => _changes;

    public void AddRange(IEnumerable<ImportChange> changes) => _changes.AddRange(changes.Take(limit - _changes.Count));
}
