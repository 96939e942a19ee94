using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Features.Exports;

/// <summary>
/// An Excel workbook (Open XML) with one sheet: the headings, frozen, then the rows as typed cells. The sheet is written
/// row by row (SAX) into a write-only package on a temporary file, which is then copied out: a ZIP needs a seekable
/// stream, and a write-only package keeps no part in memory.
/// </summary>
public static class HotspotXlsx
{
    public static async Task WriteAsync(Stream body, HotspotSheet sheet, IAsyncEnumerable<Hotspot> rows, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(Path.Combine(Path.GetTempPath(), $"riskmap-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var package = Package.Open(file, FileMode.Create, FileAccess.Write))
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(worksheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft }) { TabSelected = true, WorkbookViewId = 0 }));
                writer.WriteElement(new Columns(sheet.Widths.Select((width, i) =>
                    new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, 1, sheet.Headings);
                uint index = 2;
                await foreach (var row in rows.WithCancellation(cancellationToken)) WriteRow(writer, index++, sheet.Cells(row));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Hotspots" }));
        }
        file.Position = 0;
        await file.CopyToAsync(body, cancellationToken);
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, IEnumerable<object?> values)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        foreach (var value in values) writer.WriteElement(Cell(value));
        writer.WriteEndElement();
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
