using System.Globalization;

namespace RiskMap.Data.Imports;

/// <summary>Numbers as CSV files write them: a point for decimals, or a comma in files delimited by ';' (Excel, ru/kk).</summary>
public static class CsvValues
{
    public static bool TryParseNumber(string? text, char delimiter, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var normalised = delimiter == ';' ? text.Replace(',', '.') : text;
        return double.TryParse(normalised, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
