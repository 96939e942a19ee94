namespace RiskMap.Web.Features.Exports;

/// <summary>A table to export: a title, column headings and rows of typed cells (strings, doubles, ints, bools or null).</summary>
public interface ITableSheet
{
    string Title { get; }
    IReadOnlyList<string> Headings { get; }
    IReadOnlyList<IReadOnlyList<object?>> Rows { get; }
}
