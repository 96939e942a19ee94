using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RiskMap.Data.Imports;

namespace RiskMap.Web.Tests;

/// <summary>Reads exported files back as a user's spreadsheet program would: CSV rows, and a workbook's one sheet.</summary>
internal static class ExportFiles
{
    /// <summary>Read back with the importer's own RFC 4180 reader; the file must start with the byte order mark.</summary>
    public static List<string[]> ParseCsv(byte[] bytes, char separator = ',')
    {
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var reader = new CsvRecordReader(new StringReader(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)), separator);
        var rows = new List<string[]>();
        while (reader.TryRead(out _, out var fields)) rows.Add(fields);
        return rows;
    }

    /// <summary>Every row of the one sheet as text; numbers as written (invariant), booleans as 1/0.</summary>
    public static List<string[]> ParseXlsx(byte[] bytes, out List<Row> sheetRows)
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        sheetRows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => (Row)r.CloneNode(true)).ToList();
        return sheetRows.Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray()).ToList();
    }

    /// <summary>What a user sees of a workbook: its sheet's name, rows, frozen top-left cell, autofilter range, and which rows are all bold.</summary>
    public sealed record Workbook(string SheetName, List<string[]> Rows, string? FrozenAt, string? AutoFilter, IReadOnlyList<bool> BoldRows, bool HasBooleanCells);

    public static Workbook ReadWorkbook(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbookPart = document.WorkbookPart!;
        var worksheet = workbookPart.WorksheetParts.Single().Worksheet;
        var formats = workbookPart.WorkbookStylesPart?.Stylesheet.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var fonts = workbookPart.WorkbookStylesPart?.Stylesheet.Fonts?.Elements<Font>().ToList() ?? [];
        bool Bold(Cell cell) => cell.StyleIndex?.Value is { } s && (int)s < formats.Count
            && formats[(int)s].FontId?.Value is { } f && (int)f < fonts.Count && fonts[(int)f].Bold is not null;
        var rows = worksheet.Descendants<Row>().ToList();
        return new Workbook(
            workbookPart.Workbook.Descendants<Sheet>().Single().Name!.Value!,
            ParseXlsx(bytes, out _),
            worksheet.Descendants<Pane>().SingleOrDefault()?.TopLeftCell?.Value,
            worksheet.Descendants<AutoFilter>().SingleOrDefault()?.Reference?.Value,
            rows.Select(r => r.Elements<Cell>().Any() && r.Elements<Cell>().All(Bold)).ToList(),
            worksheet.Descendants<Cell>().Any(c => c.DataType?.Value == CellValues.Boolean));
    }

    /// <summary>The spreadsheet name of a column (1 → A, 27 → AA).</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }
}
