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
/// </summary>
public sealed class CsvRows
{
    public char Delimiter { get; }

    private readonly CsvRecordReader _records;
    private readonly Dictionary<string, int> _columns;

    private CsvRows(CsvRecordReader records, char delimiter, IReadOnlyList<string> header)
    {
        _records = records;
        Delimiter = delimiter;
        _columns = header.Select((name, index) => (name, index))
            .GroupBy(c => c.name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().index, StringComparer.OrdinalIgnoreCase);
    }

    public static CsvRows Open(Stream stream, IReadOnlyCollection<string> requiredColumns)
    {
        var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var headerLine = Guard(reader.ReadLine);
        if (string.IsNullOrWhiteSpace(headerLine)) throw ImportRejectedException.Single(ImportProblem.EmptyFile);
        var delimiter = new[] { ',', ';', '\t' }.MaxBy(d => headerLine.Count(c => c == d));

        var header = new CsvRecordReader(new StringReader(headerLine), delimiter);
        header.TryRead(out _, out var names);
        var rows = new CsvRows(new CsvRecordReader(reader, delimiter, firstLine: 2), delimiter, names.Select(n => n.TrimStart('\uFEFF')).ToArray());

        var missing = requiredColumns.Where(c => !rows._columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new ImportRejectedException(missing.Select(c => new ImportIssue(ImportProblem.MissingColumn, 1, c)).ToList());
        return rows;
    }

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>The data rows; blank lines are skipped. Stops with an error past <paramref name="maxRows"/>.</summary>
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
                throw ImportRejectedException.Single(ImportProblem.UnreadableFile, detail: "A field holds a NUL character.", row: line,
                    field: _columns.FirstOrDefault(c => c.Value == nul).Key);
            if (++count > maxRows)
                throw ImportRejectedException.Single(ImportProblem.TooManyRows, detail: $"at most {maxRows:N0} rows", row: line);
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
            throw ImportRejectedException.Single(ImportProblem.UnreadableFile, detail: "The file is not UTF-8 text.");
        }
    }
}
