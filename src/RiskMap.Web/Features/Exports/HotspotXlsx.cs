using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RiskMap.Web.Features.Exports;

/// <summary>An Excel workbook (Open XML) with one sheet: the title, the headings, then the rows as typed cells (hotspot lists, programmes).</summary>
public static class HotspotXlsx
{
    public static byte[] Write(ITableSheet sheet, string sheetName = "Hotspots")
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, [sheet.Title]));
            data.Append(Row(2, sheet.Headings));
            uint index = 3;
            foreach (var row in sheet.Rows) data.Append(Row(index++, row));
            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<object?> values)
    {
        var row = new Row { RowIndex = index };
        foreach (var value in values) row.Append(Cell(value));
        return row;
    }

    // Text as inline strings: never a formula, whatever it starts with.
    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        double d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
        int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i) },
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString() ?? "")) },
    };
}
