namespace RiskMap.Core.Imports;

/// <summary>
/// One finding of an import: where it is (row, the record's key, field), what was there, and what is wrong.
/// Rows are file lines for CSV (the header is line 1) and 1-based feature numbers for GeoJSON and Shapefiles.
/// </summary>
public sealed record ImportIssue(
    ImportProblem Problem,
    int? Row = null,
    string? Field = null,
    string? Value = null,
    string? Key = null,
    ImportDetail? Detail = null)
{
    public bool IsWarning => Problem.IsWarning();

    public const int MaxValueLength = 80;

    /// <summary>Values are echoed back to the user, so keep them short.</summary>
    public static string? Clip(string? value) =>
        value is { Length: > MaxValueLength } ? value[..MaxValueLength] + "…" : value;
}
