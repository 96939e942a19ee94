using System.Globalization;
using System.Text;

namespace RiskMap.Web.Features.Exports;

/// <summary>RFC 4180 CSV in UTF-8 with a byte order mark (so spreadsheet programs read Cyrillic and Kazakh letters).</summary>
public static class HotspotCsv
{
    public static byte[] Write(HotspotSheet sheet)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', sheet.Headings.Select(Field)).Append("\r\n");
        foreach (var row in sheet.Rows) text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Field(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>Quotes where needed, and defuses text a spreadsheet would run as a formula (=, +, -, @ at the start).</summary>
    private static string Field(string text)
    {
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
