using System.Globalization;
using System.Text;
using RiskMap.Core.Imports;

namespace RiskMap.Data.Imports;

/// <summary>One data row of a CSV file, with its line number in the file (the header is line 1).</summary>
public sealed class CsvRow(int line, IReadOnlyDictionary<string, int> columns, string[] fields)
{
    public int Line { get; } = line;

    public string? this[string column] =>
        columns.TryGetValue(column, out var index) && index < fields.Length && fields[index].Length > 0 ? fields[index] : null;
}

/// <summary>
/// Reads a UTF-8 CSV file with a header row, streaming. The delimiter (',', ';' or tab) is taken from the header,
/// since Excel in Russian and Kazakh locales writes ';'. A byte-order mark is accepted; other encodings are refused.
/// Missing columns and rows with more fields than the header are reported, and reading goes on, so that the row
/// checks that can still run report their findings too.
/// </summary>
public sealed class CsvRows
{
    public char Delimiter { get; }

    private readonly CsvRecordReader _records;
    private readonly Dictionary<string, int> _columns;
    private readonly int _headerWidth;
    private readonly IssueCollector _issues;

    private CsvRows(CsvRecordReader records, char delimiter, IReadOnlyList<string> header, IssueCollector issues)
    {
        _records = records;
        Delimiter = delimiter;
        _headerWidth = header.Count;
        _issues = issues;
        _columns = header.Select((name, index) => (name, index))
            .GroupBy(c => c.name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().index, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Reads the header; each required column it lacks is reported in <paramref name="issues"/>.</summary>
    public static CsvRows Open(Stream stream, IReadOnlyCollection<string> requiredColumns, IssueCollector issues)
    {
        var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var headerLine = Guard(reader.ReadLine);
        if (string.IsNullOrWhiteSpace(headerLine)) throw ImportRejectedException.Single(ImportProblem.EmptyFile);
        var delimiter = new[] { ',', ';', '\t' }.MaxBy(d => headerLine.Count(c => c == d));

        var header = new CsvRecordReader(new StringReader(headerLine), delimiter);
        header.TryRead(out _, out var names);
        var rows = new CsvRows(new CsvRecordReader(reader, delimiter, firstLine: 2), delimiter, names.Select(n => n.TrimStart('\uFEFF')).ToArray(), issues);
        foreach (var missing in requiredColumns.Where(c => !rows.HasColumn(c))) issues.Add(ImportProblem.MissingColumn, 1, missing);
        return rows;
    }

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>
    /// The data rows; blank lines are skipped. Stops with an error past <paramref name="maxRows"/>. Fields beyond the
    /// header's columns are an error (empty ones, as spreadsheets write at the end of a row, are not).
    /// </summary>
    public IEnumerable<CsvRow> Read(int maxRows)
    {
        var count = 0;
        while (true)
        {
            int line = 0;
            string[] fields = [];
            if (!Guard(() => _records.TryRead(out line, out fields))) yield break;
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            if (Array.FindIndex(fields, f => f.Contains('\0')) is var nul and >= 0)
                throw ImportRejectedException.Single(ImportProblem.UnreadableFile, detail: ImportDetail.Of(DetailText.NulCharacter), row: line,
                    field: _columns.FirstOrDefault(c => c.Value == nul).Key);
            if (++count > maxRows)
                throw ImportRejectedException.Single(ImportProblem.TooManyRows, detail: ImportDetail.AtMost(DetailText.AtMostRows, maxRows), row: line);
            if (fields.Skip(_headerWidth).FirstOrDefault(f => f.Length > 0) is { } extra)
                _issues.Add(ImportProblem.ExtraFields, line, value: extra,
                    detail: new ImportDetail(DetailText.FieldCounts, _headerWidth.ToString(CultureInfo.InvariantCulture), fields.Length.ToString(CultureInfo.InvariantCulture)));
            yield return new CsvRow(line, _columns, fields);
        }
    }

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DecoderFallbackException)
        {
            throw ImportRejectedException.Single(ImportProblem.UnreadableFile, detail: ImportDetail.Of(DetailText.NotUtf8));
        }
    }
}
