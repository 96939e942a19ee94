using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Features.Exports;

/// <summary>
/// An Excel workbook (Open XML) with one sheet of typed cells, written row by row (SAX): hotspot lists (the headings
/// frozen) and programmes (title and headings frozen). The package is zipped by hand in create mode: System.IO.Packaging, which the SDK's documents need, opens a
/// package for update and keeps each part in memory. The ZIP goes to a temporary file, then out, since the response
/// stream takes no synchronous writes.
/// </summary>
public static class XlsxWorkbook
{
    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """;

    /// <summary>A hotspot list: its headings, then a row per unit as it is read.</summary>
    public static Task WriteAsync(Stream body, HotspotSheet sheet, IAsyncEnumerable<Hotspot> rows, CancellationToken cancellationToken) =>
        WriteAsync(body, "Hotspots", Rows(sheet.Headings, rows, sheet.Cells), frozenRows: 1, sheet.Widths.ToList(), cancellationToken);

    /// <summary>A small table held in memory (a programme): its title, headings and rows.</summary>
    public static async Task<byte[]> WriteAsync(ITableSheet sheet, string sheetName, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        IEnumerable<object?>[] rows = [[sheet.Title], sheet.Headings, .. sheet.Rows];
        await WriteAsync(stream, sheetName, rows.ToAsyncEnumerable(), frozenRows: 2, widths: [], cancellationToken);
        return stream.ToArray();
    }

    private static async IAsyncEnumerable<IEnumerable<object?>> Rows(
        IReadOnlyList<string> headings, IAsyncEnumerable<Hotspot> units, Func<Hotspot, IEnumerable<object?>> cells)
    {
        yield return headings;
        await foreach (var unit in units) yield return cells(unit);
    }

    private static async Task WriteAsync(Stream body, string sheetName, IAsyncEnumerable<IEnumerable<object?>> rows, int frozenRows,
        IReadOnlyList<double> widths, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(Path.Combine(Path.GetTempPath(), $"riskmap-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "[Content_Types].xml", ContentTypes);
            Text(zip, "_rels/.rels", PackageRelationships);
            Text(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
            using (var part = zip.CreateEntry("xl/workbook.xml", CompressionLevel.Fastest).Open())
            using (var writer = OpenXmlWriter.Create(part, Encoding.UTF8))
            {
                writer.WriteStartDocument(true);
                writer.WriteElement(new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = sheetName })));
            }
            using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
            using (var writer = OpenXmlWriter.Create(part, Encoding.UTF8))
            {
                writer.WriteStartDocument(true);
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = frozenRows, TopLeftCell = $"A{frozenRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft }) { TabSelected = true, WorkbookViewId = 0 }));
                if (widths.Count > 0)
                {
                    writer.WriteElement(new Columns(widths.Select((width, i) =>
                        new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));
                }
                writer.WriteStartElement(new SheetData());
                uint index = 1;
                await foreach (var row in rows.WithCancellation(cancellationToken)) WriteRow(writer, index++, row);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
        }
        file.Position = 0;
        await file.CopyToAsync(body, cancellationToken);
    }

    private static void Text(ZipArchive zip, string name, string text)
    {
        using var part = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        part.Write(text);
    }

    // Elements stand for their tags only: the writer takes a start tag's name from them, so one of each serves every cell.
    private static readonly Row RowTag = new();
    private static readonly Cell CellTag = new();
    private static readonly CellValue ValueTag = new();
    private static readonly InlineString InlineTag = new();
    private static readonly Text TextTag = new();
    private static readonly OpenXmlAttribute[] NumberType = [new("t", "", "n")];
    private static readonly OpenXmlAttribute[] BooleanType = [new("t", "", "b")];
    private static readonly OpenXmlAttribute[] InlineType = [new("t", "", "inlineStr")];

    private static void WriteRow(OpenXmlWriter writer, uint index, IEnumerable<object?> values)
    {
        writer.WriteStartElement(RowTag, [new OpenXmlAttribute("r", "", index.ToString(CultureInfo.InvariantCulture))]);
        foreach (var value in values) WriteCell(writer, value);
        writer.WriteEndElement();
    }

    // Text as inline strings: never a formula, whatever it starts with.
    private static void WriteCell(OpenXmlWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteStartElement(CellTag);
                break;
            case double d:
                Value(writer, NumberType, d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case int i:
                Value(writer, NumberType, i.ToString(CultureInfo.InvariantCulture));
                break;
            case bool b:
                Value(writer, BooleanType, b ? "1" : "0");
                break;
            default:
                writer.WriteStartElement(CellTag, InlineType);
                writer.WriteStartElement(InlineTag);
                writer.WriteStartElement(TextTag);
                writer.WriteString(value.ToString() ?? "");
                writer.WriteEndElement();
                writer.WriteEndElement();
                break;
        }
        writer.WriteEndElement();
    }

    private static void Value(OpenXmlWriter writer, OpenXmlAttribute[] type, string text)
    {
        writer.WriteStartElement(CellTag, type);
        writer.WriteStartElement(ValueTag);
        writer.WriteString(text);
        writer.WriteEndElement();
    }
}
