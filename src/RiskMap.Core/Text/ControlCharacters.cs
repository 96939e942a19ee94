namespace RiskMap.Core.Text;

/// <summary>
/// Free text may hold tabs and line breaks, but no other control characters (PostgreSQL refuses NUL), and no bidi
/// embedding, override or isolate controls (U+202A–U+202E, U+2066–U+2069), which make text display differently from
/// what is stored.
/// </summary>
public static class ControlCharacters
{
    public static bool In(string? text) => text is not null && text.Any(c => (char.IsControl(c) && c is not ('\t' or '\r' or '\n')) || IsBidiControl(c));

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
