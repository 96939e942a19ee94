using System.Globalization;
using System.Text;
using RiskMap.Core.Imports;

namespace RiskMap.Data.Feeds;

/// <summary>One value of a pushed batch: the unit (level and KATO code, or a school's code), indicator, quarter, value, denominator.</summary>
public sealed record FeedValue(string? Level, string? Code, string? Indicator, string? Period, double? Value, double? Denominator);

/// <summary>
/// A pushed batch written as the indicator import's CSV (<c>entity_level,entity_code,indicator,period,value,denominator</c>),
/// so that a feed goes through the very checks and writes of a file import; and the import's findings, which name file
/// lines and CSV columns, put back as the batch's positions (0-based index into values) and field names.
/// </summary>
public sealed class FeedCsv
{
    private static readonly Dictionary<string, string> FieldNames = new()
    {
        ["entity_level"] = "level", ["entity_code"] = "code", ["indicator"] = "indicator", ["period"] = "period",
        ["value"] = "value", ["denominator"] = "denominator",
    };

    private readonly Dictionary<int, int> _indexOfLine = [];

    public byte[] Bytes { get; }

    public FeedCsv(IReadOnlyList<FeedValue> values)
    {
        var text = new StringBuilder(64 * (values.Count + 1));
        text.Append(string.Join(',', FieldNames.Keys)).Append('\n');
        var line = 2;
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            var record = string.Join(',', Field(v.Level), Field(v.Code), Field(v.Indicator), Field(v.Period), Number(v.Value), Number(v.Denominator));
            _indexOfLine[line] = i;
            // A quoted line break continues the record on the next line, as the CSV reader counts lines.
            line += 1 + record.Count(c => c == '\n');
            text.Append(record).Append('\n');
        }
        Bytes = new UTF8Encoding(false).GetBytes(text.ToString());
    }

    /// <summary>A finding of the import, placed in the batch: row = the value's index, field = its name in the body.</summary>
    public ImportIssue InBatch(ImportIssue issue) => issue with
    {
        Row = issue.Row is { } line && _indexOfLine.TryGetValue(line, out var index) ? index : null,
        Field = issue.Field is { } field && FieldNames.TryGetValue(field, out var name) ? name : issue.Field,
    };

    private static string Field(string? text) =>
        text is null ? "" : text.IndexOfAny([',', '"', '\n', '\r']) >= 0 || text != text.Trim() ? $"\"{text.Replace("\"", "\"\"")}\"" : text;

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
