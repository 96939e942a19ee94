using System.Text;

namespace RiskMap.Data.Imports;

/// <summary>
/// Splits RFC 4180 CSV text into records: quoted fields may hold the delimiter, doubled quotes and line breaks.
/// Each record carries the file line it starts on, so errors can name it.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, char delimiter, int firstLine = 1)
{
    private int _line = firstLine;

    public bool TryRead(out int line, out string[] fields)
    {
        line = _line;
        fields = [];
        if (reader.Peek() < 0) return false;

        var result = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                result.Add(field.ToString());
                break;
            }
            var c = (char)next;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n') _line++;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == delimiter)
            {
                result.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                _line++;
                result.Add(field.ToString());
                break;
            }
            else
            {
                field.Append(c);
            }
        }
        fields = result.Select(f => f.Trim()).ToArray();
        return true;
    }
}
