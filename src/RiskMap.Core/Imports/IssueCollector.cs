namespace RiskMap.Core.Imports;

/// <summary>
/// Gathers the findings of one import. Stops the import once too many errors are found, because a file with
/// thousands of broken rows is better reported by its first hundred.
/// </summary>
public sealed class IssueCollector(int maxErrors = 100)
{
    private readonly List<ImportIssue> _issues = [];

    public int ErrorCount { get; private set; }

    public IReadOnlyList<ImportIssue> Issues => _issues;

    public IEnumerable<ImportIssue> Warnings => _issues.Where(i => i.IsWarning);

    public void Add(ImportIssue issue)
    {
        if (!issue.IsWarning) ErrorCount++;
        _issues.Add(issue with { Value = ImportIssue.Clip(issue.Value) });
        if (ErrorCount >= maxErrors) throw new ImportRejectedException(InFileOrder());
    }

    public void Add(ImportProblem problem, int? row = null, string? field = null, string? value = null, string? key = null, ImportDetail? detail = null) =>
        Add(new ImportIssue(problem, row, field, value, key, detail));

    /// <summary>Ends the import if any error was found, so that nothing partial is written.</summary>
    public void ThrowIfErrors()
    {
        if (ErrorCount > 0) throw new ImportRejectedException(InFileOrder());
    }

    /// <summary>Findings sorted by row (file-wide ones first), as a person reads the file.</summary>
    private List<ImportIssue> InFileOrder() => _issues.OrderBy(i => i.Row ?? 0).ToList();
}
