namespace RiskMap.Data.Imports;

public enum ImportKind
{
    Boundaries,
    Schools,
    Indicators,
}

public static class ImportKinds
{
    public static string Code(this ImportKind kind) => kind switch
    {
        ImportKind.Boundaries => "boundaries",
        ImportKind.Schools => "schools",
        _ => "indicators",
    };

    public static bool TryParse(string? text, out ImportKind kind)
    {
        foreach (var candidate in Enum.GetValues<ImportKind>())
        {
            if (string.Equals(candidate.Code(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
