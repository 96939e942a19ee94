namespace RiskMap.Core.Text;

/// <summary>Free text may hold tabs and line breaks, but no other control characters (PostgreSQL refuses NUL).</summary>
public static class ControlCharacters
{
    public static bool In(string? text) => text is not null && text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));
}
