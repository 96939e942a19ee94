namespace RiskMap.Web.Features.Exports;

/// <summary>A table to export: what it says about itself (sheet name, title, headings, widths) and rows of typed cells (strings, doubles, ints or null).</summary>
public interface ITableSheet
{
    XlsxWorkbook.SheetHead Head { get; }
    IReadOnlyList<IReadOnlyList<object?>> Rows { get; }
}
