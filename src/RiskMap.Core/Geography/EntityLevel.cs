namespace RiskMap.Core.Geography;

/// <summary>The three levels of the map: regions contain districts, districts contain schools.</summary>
public enum EntityLevel
{
    Region,
    District,
    School,
}

public static class EntityLevels
{
    public static string ToCode(this EntityLevel level) => level switch
    {
        EntityLevel.Region => "region",
        EntityLevel.District => "district",
        EntityLevel.School => "school",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The level of a stored code ("region", "district" or "school"); anything else is a programming error.</summary>
    public static EntityLevel Parse(string code) =>
        TryParse(code, out var level) ? level : throw new ArgumentOutOfRangeException(nameof(code), code, "A level is region, district or school.");

    public static bool TryParse(string? text, out EntityLevel level)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "region": level = EntityLevel.Region; return true;
            case "district": level = EntityLevel.District; return true;
            case "school": level = EntityLevel.School; return true;
            default: level = default; return false;
        }
    }
}
