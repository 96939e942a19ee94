using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Features.Exports;

/// <summary>
/// An Excel workbook (Open XML) with one sheet a user can hand on, written row by row (SAX): a title row that says what the
/// table is, a bold header row with an autofilter, both frozen, a sheet name in the user's language and column widths.
/// Used for hotspot lists and score tables (streamed) and programmes (in memory). The package is zipped by hand in create
/// mode: System.IO.Packaging, which the SDK's documents need, opens a package for update and keeps each part in memory. The
/// ZIP goes to a temporary file, then out, since the response stream takes no synchronous writes.
/// </summary>
public static class XlsxWorkbook
{
    /// <summary>What a sheet says about itself: its tab's name, title, headings, and column widths in characters (empty: the default).</summary>
    public sealed record SheetHead(string Name, string Title, IReadOnlyList<string> Headings, IReadOnlyList<double> Widths, bool WrapText = false);

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    // Cell formats: 0 plain, 1 the title (bold, larger), 2 a heading (bold, shaded, wrapped, ruled below), 3 wrapped text.
    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="13"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8F0F8"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """;

    private const string TitleStyle = "1";
    private const string HeadingStyle = "2";
    private const string WrapStyle = "3";

    /// <summary>Rows above the data: the title and the headings.</summary>
    private const int HeadRows = 2;

    /// <summary>A hotspot list or score table: a row per unit as it is read.</summary>
    public static Task WriteAsync(Stream body, HotspotSheet sheet, IAsyncEnumerable<Hotspot> rows, CancellationToken cancellationToken) =>
        WriteAsync(body, new SheetHead(sheet.SheetName, sheet.Title, sheet.Headings, sheet.Widths.ToList()), Rows(rows, sheet.Cells), cancellationToken);

    /// <summary>A small table held in memory (a programme).</summary>
    public static async Task<byte[]> WriteAsync(ITableSheet sheet, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await WriteAsync(stream, sheet.Head, sheet.Rows.Cast<IEnumerable<object?>>().ToAsyncEnumerable(), cancellationToken);
        return stream.ToArray();
    }

    private static async IAsyncEnumerable<IEnumerable<object?>> Rows(IAsyncEnumerable<Hotspot> units, Func<Hotspot, IEnumerable<object?>> cells)
    {
        await foreach (var unit in units) yield return cells(unit);
    }

    private static async Task WriteAsync(Stream body, SheetHead head, IAsyncEnumerable<IEnumerable<object?>> rows, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(Path.Combine(Path.GetTempPath(), $"riskmap-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "[Content_Types].xml", ContentTypes);
            Text(zip, "_rels/.rels", PackageRelationships);
            Text(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
            Text(zip, "xl/styles.xml", Styles);
            string filterRange;
            using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
            using (var writer = OpenXmlWriter.Create(part, Encoding.UTF8))
            {
                writer.WriteStartDocument(true);
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = HeadRows, TopLeftCell = $"A{HeadRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft }) { TabSelected = true, WorkbookViewId = 0 }));
                if (head.Widths.Count > 0)
                {
                    writer.WriteElement(new Columns(head.Widths.Select((width, i) =>
                        new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));
                }
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, 1, [head.Title], TitleStyle);
                WriteRow(writer, 2, head.Headings, HeadingStyle);
                uint index = HeadRows + 1;
                var dataStyle = head.WrapText ? WrapStyle : null;
                await foreach (var row in rows.WithCancellation(cancellationToken)) WriteRow(writer, index++, row, dataStyle);
                writer.WriteEndElement();
                filterRange = string.Create(CultureInfo.InvariantCulture, $"A{HeadRows}:{ColumnName(head.Headings.Count)}{index - 1}");
                writer.WriteElement(new AutoFilter { Reference = filterRange });
                writer.WriteEndElement();
            }
            // Written after the sheet, whose last row the filter's defined name needs.
            using (var part = zip.CreateEntry("xl/workbook.xml", CompressionLevel.Fastest).Open())
            using (var writer = OpenXmlWriter.Create(part, Encoding.UTF8))
            {
                writer.WriteStartDocument(true);
                var absolute = string.Join(':', filterRange.Split(':').Select(cell => "$" + string.Concat(cell.TakeWhile(char.IsAsciiLetter)) + "$" + string.Concat(cell.SkipWhile(char.IsAsciiLetter))));
                writer.WriteElement(new Workbook(
                    new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = head.Name }),
                    new DefinedNames(new DefinedName($"'{head.Name.Replace("'", "''")}'!{absolute}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true })));
            }
        }
        file.Position = 0;
        await file.CopyToAsync(body, cancellationToken);
    }

    /// <summary>The spreadsheet name of a column: 1 → A, 27 → AA.</summary>
    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
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
    private static readonly OpenXmlAttribute[] InlineType = [new("t", "", "inlineStr")];

    private static void WriteRow(OpenXmlWriter writer, uint index, IEnumerable<object?> values, string? style)
    {
        writer.WriteStartElement(RowTag, [new OpenXmlAttribute("r", "", index.ToString(CultureInfo.InvariantCulture))]);
        foreach (var value in values) WriteCell(writer, value, style);
        writer.WriteEndElement();
    }

    private static OpenXmlAttribute[] Attributes(string type, string? style) =>
        style is null ? [new("t", "", type)] : [new("t", "", type), new("s", "", style)];

    // Text as inline strings: never a formula, whatever it starts with.
    private static void WriteCell(OpenXmlWriter writer, object? value, string? style)
    {
        switch (value)
        {
            case null:
                writer.WriteStartElement(CellTag, style is null ? [] : [new OpenXmlAttribute("s", "", style)]);
                break;
            case double d:
                Value(writer, style is null ? NumberType : Attributes("n", style), d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case int i:
                Value(writer, style is null ? NumberType : Attributes("n", style), i.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStartElement(CellTag, style is null ? InlineType : Attributes("inlineStr", style));
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
