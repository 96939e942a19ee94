namespace RiskMap.Core.Imports;

/// <summary>Thrown when an import file has errors: nothing from it is stored.</summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportIssue> issues)
    : Exception($"The file was rejected with {issues.Count(i => !i.IsWarning)} error(s); nothing was stored.")
{
    public IReadOnlyList<ImportIssue> Issues { get; } = issues;

    public static ImportRejectedException Single(ImportProblem problem, ImportDetail? detail = null, int? row = null, string? field = null, string? value = null) =>
        new([new ImportIssue(problem, row, field, ImportIssue.Clip(value), Detail: detail)]);
}
