using System.Globalization;
using System.Text;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Features.Exports;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte order mark (so spreadsheet programs read Cyrillic and Kazakh letters), written as the
/// rows come. With ';' between fields numbers get a decimal comma, as spreadsheets in Russian and Kazakh locales expect.
/// </summary>
public static class HotspotCsv
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = "," };

    public static async Task WriteAsync(Stream body, HotspotSheet sheet, IAsyncEnumerable<Hotspot> rows, char separator, CancellationToken cancellationToken)
    {
        await body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var text = new StreamWriter(body, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var line = new StringBuilder();
        await text.WriteAsync(Line(line, sheet.Headings, separator));
        await foreach (var row in rows.WithCancellation(cancellationToken)) await text.WriteAsync(Line(line, sheet.Cells(row), separator));
    }

    /// <summary>A small table held in memory (an alert list), in the same form.</summary>
    public static async Task WriteAsync(Stream body, ITableSheet sheet, char separator, CancellationToken cancellationToken)
    {
        await body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var text = new StreamWriter(body, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var line = new StringBuilder();
        await text.WriteAsync(Line(line, sheet.Head.Headings, separator));
        foreach (var row in sheet.Rows) await text.WriteAsync(Line(line, row, separator));
    }

    /// <summary>One CSV record of the cells, ending in CRLF, in <paramref name="line"/> (cleared first).</summary>
    internal static StringBuilder Line(StringBuilder line, IEnumerable<object?> cells, char separator)
    {
        line.Clear();
        foreach (var cell in cells)
        {
            if (line.Length > 0) line.Append(separator);
            Append(line, cell, separator);
        }
        return line.Append("\r\n");
    }

    private static void Append(StringBuilder line, object? value, char separator)
    {
        switch (value)
        {
            case null: break;
            case double d: line.Append(d.ToString("0.###", separator == ';' ? DecimalComma : NumberFormatInfo.InvariantInfo)); break;
            case int i: line.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            default: Field(line, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", separator); break;
        }
    }

    /// <summary>Quotes where needed, and defuses text a spreadsheet would run as a formula (=, +, -, @ at the start).</summary>
    private static void Field(StringBuilder line, string text, char separator)
    {
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text;
        if (text.AsSpan().IndexOfAny([separator, '"', '\r', '\n']) < 0)
        {
            line.Append(text);
            return;
        }
        line.Append('"').Append(text.Replace("\"", "\"\"")).Append('"');
    }
}
