using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using RiskMap.Web.Features.MapImages;

namespace RiskMap.Web.Features.Briefs;

/// <summary>
/// Draws a <see cref="Brief"/> as an A4 PDF with PDFsharp: on every page a header (title, area and quarter, the demo label)
/// and a footer (when it was made, page N of M); then the sections, page after page, a table's headings repeated on each
/// page it runs onto. The text is in the map images' font (<see cref="MapFonts"/>), embedded, so Kazakh and Russian letters
/// render and read back from the file.
/// </summary>
public sealed class BriefPdf(MapFonts fonts)
{
    private const double Margin = 40;
    private const double HeaderHeight = 46;
    private const double FooterHeight = 24;
    private const double Gap = 8;
    private const double CellPadding = 3;

    private static readonly XColor Ink = XColor.FromArgb(0x1b, 0x1f, 0x24);
    private static readonly XColor Muted = XColor.FromArgb(0x5f, 0x6b, 0x7a);
    private static readonly XColor Rule = XColor.FromArgb(0xc8, 0xcf, 0xd8);
    private static readonly XColor HeadingFill = XColor.FromArgb(0xee, 0xf2, 0xf7);
    private static readonly XColor DemoColor = XColor.FromArgb(0xb0, 0x00, 0x20);

    static BriefPdf() => GlobalFontSettings.FontResolver = FontFiles.Instance;

    /// <summary>PDFsharp's font resolver: a family name is a TrueType file's path (<see cref="MapFonts.RegularFile"/>, <see cref="MapFonts.BoldFile"/>).</summary>
    private sealed class FontFiles : IFontResolver
    {
        public static readonly FontFiles Instance = new();

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(familyName);

        public byte[] GetFont(string faceName) => File.ReadAllBytes(faceName);
    }

    /// <exception cref="MapFonts.Missing">The server has no font with Kazakh and Russian letters.</exception>
    public byte[] Write(Brief brief)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"{brief.Title} — {brief.Area} — {brief.Quarter}";
        document.Info.Creator = "RiskMap";
        document.Language = brief.Language switch
        {
            Core.Localization.Language.Kk => "kk-KZ",
            Core.Localization.Language.Ru => "ru-KZ",
            _ => "en-GB",
        };
        var writer = new PageWriter(document, new Fonts(fonts), brief);
        foreach (var section in brief.Sections) writer.Section(section);
        writer.Paragraph(brief.Note, writer.Fonts.Small, Muted);
        writer.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed class Fonts(MapFonts fonts)
    {
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

        public XFont Title { get; } = Font(fonts.BoldFile, 15);
        public XFont Heading { get; } = Font(fonts.BoldFile, 12);
        public XFont Bold { get; } = Font(fonts.BoldFile, 9);
        public XFont Body { get; } = Font(fonts.RegularFile, 9);
        public XFont Small { get; } = Font(fonts.RegularFile, 7.5);

        private static XFont Font(string file, double size) => new(file, size, XFontStyleEx.Regular, Unicode);
    }

    /// <summary>Lays text out down the pages, opening a new page when the next piece does not fit.</summary>
    private sealed class PageWriter(PdfDocument document, Fonts fonts, Brief brief)
    {
        private PdfPage? _page;
        private XGraphics? _graphics;
        private double _y;

        public Fonts Fonts => fonts;

        private XGraphics Graphics => _graphics ?? NewPage();

        private double Width => _page!.Width.Point - 2 * Margin;

        private double Bottom => _page!.Height.Point - Margin - FooterHeight;

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            Header(_graphics);
            _y = Margin + HeaderHeight;
            return _graphics;
        }

        private void Header(XGraphics graphics)
        {
            var right = _page!.Width.Point - Margin;
            graphics.DrawString(brief.Title, fonts.Title, new XSolidBrush(Ink), new XPoint(Margin, Margin + 12));
            graphics.DrawString($"{brief.Area} · {brief.Quarter}", fonts.Body, new XSolidBrush(Muted), new XPoint(Margin, Margin + 28));
            if (brief.Demo is { } demo)
            {
                var width = graphics.MeasureString(demo, fonts.Bold).Width;
                graphics.DrawRectangle(new XPen(DemoColor, 1), right - width - 8, Margin, width + 8, 16);
                graphics.DrawString(demo, fonts.Bold, new XSolidBrush(DemoColor), new XPoint(right - width - 4, Margin + 11));
            }
            graphics.DrawLine(new XPen(Rule, 0.8), Margin, Margin + 36, right, Margin + 36);
        }

        /// <summary>Room for <paramref name="height"/> points on this page, else a new page.</summary>
        private XGraphics Room(double height)
        {
            var graphics = Graphics;
            return _y + height <= Bottom || _y <= Margin + HeaderHeight ? graphics : NewPage();
        }

        public void Section(BriefSection section)
        {
            // A heading stays with at least two lines of what follows it.
            Room(fonts.Heading.Height + 3 * fonts.Body.Height).DrawString(section.Heading, fonts.Heading, new XSolidBrush(Ink),
                new XRect(Margin, _y, Width, fonts.Heading.Height), XStringFormats.TopLeft);
            _y += fonts.Heading.Height + Gap / 2;
            foreach (var (label, value) in section.Facts) Fact(label, value);
            if (section.MapPng is { } png) Map(png);
            if (section.Table is { } table) Table(table);
            foreach (var note in section.Notes ?? []) Paragraph(note, fonts.Body, Ink);
            _y += Gap;
        }

        private void Fact(string label, string value)
        {
            var labelWidth = value.Length == 0 ? Width : Width * 0.45;
            var labelLines = Wrap(label, fonts.Body, labelWidth);
            var valueLines = Wrap(value, fonts.Bold, Width - labelWidth);
            var height = Math.Max(labelLines.Count, valueLines.Count) * fonts.Body.Height + 2;
            var graphics = Room(height);
            Lines(graphics, labelLines, fonts.Body, Muted, Margin, _y);
            Lines(graphics, valueLines, fonts.Bold, Ink, Margin + labelWidth, _y);
            _y += height;
        }

        private void Map(byte[] png)
        {
            using var stream = new MemoryStream(png);
            using var image = XImage.FromStream(stream);
            var height = Width * image.PixelHeight / image.PixelWidth;
            var graphics = Room(height);
            graphics.DrawImage(image, Margin, _y, Width, height);
            _y += height + Gap / 2;
        }

        private void Table(BriefTable table)
        {
            var columns = table.Widths.Select(share => share * Width).ToList();
            TableRow(table.Headings, columns, heading: true);
            foreach (var row in table.Rows)
            {
                var height = RowHeight(row, columns, fonts.Body);
                if (_y + height > Bottom)
                {
                    NewPage();
                    TableRow(table.Headings, columns, heading: true);
                }
                TableRow(row, columns, heading: false);
            }
        }

        private double RowHeight(IReadOnlyList<string> cells, IReadOnlyList<double> columns, XFont font) =>
            cells.Select((cell, i) => Wrap(cell, font, columns[i] - 2 * CellPadding).Count).Max() * font.Height + 2 * CellPadding;

        private void TableRow(IReadOnlyList<string> cells, IReadOnlyList<double> columns, bool heading)
        {
            var font = heading ? fonts.Bold : fonts.Body;
            var height = RowHeight(cells, columns, font);
            // Headings stay with the table's first row.
            var graphics = Room(heading ? height + 2 * font.Height : height);
            if (heading) graphics.DrawRectangle(new XSolidBrush(HeadingFill), Margin, _y, Width, height);
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                Lines(graphics, Wrap(cells[i], font, columns[i] - 2 * CellPadding), font, Ink, x + CellPadding, _y + CellPadding);
                x += columns[i];
            }
            graphics.DrawLine(new XPen(Rule, 0.5), Margin, _y + height, Margin + Width, _y + height);
            _y += height;
        }

        public void Paragraph(string text, XFont font, XColor color)
        {
            foreach (var line in Wrap(text, font, Width))
            {
                Lines(Room(font.Height), [line], font, color, Margin, _y);
                _y += font.Height;
            }
        }

        private static void Lines(XGraphics graphics, IEnumerable<string> lines, XFont font, XColor color, double x, double y)
        {
            var brush = new XSolidBrush(color);
            foreach (var line in lines)
            {
                graphics.DrawString(line, font, brush, new XRect(x, y, 1, font.Height), XStringFormats.TopLeft);
                y += font.Height;
            }
        }

        /// <summary>The text broken into lines no wider than <paramref name="width"/>, at spaces, or inside a word too long for a line.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var graphics = Graphics;
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (graphics.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && graphics.MeasureString(line, font).Width > width)
                {
                    var fits = Enumerable.Range(1, line.Length - 1).Last(n => n == 1 || graphics.MeasureString(line[..n], font).Width <= width);
                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }
            if (line.Length > 0 || lines.Count == 0) lines.Add(line);
            return lines;
        }

        /// <summary>Numbers the pages and dates them, once every page is laid out.</summary>
        public void Finish()
        {
            _graphics?.Dispose();
            for (var i = 0; i < document.PageCount; i++)
            {
                var page = document.Pages[i];
                using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var y = page.Height.Point - Margin - fonts.Small.Height;
                var brush = new XSolidBrush(Muted);
                graphics.DrawString(brief.Generated, fonts.Small, brush, new XRect(Margin, y, 1, fonts.Small.Height), XStringFormats.TopLeft);
                var number = Core.Localization.BriefTexts.Page(i + 1, document.PageCount, brief.Language);
                graphics.DrawString(number, fonts.Small, brush, new XRect(page.Width.Point - Margin, y, 0, fonts.Small.Height), XStringFormats.TopRight);
            }
        }
    }
}
