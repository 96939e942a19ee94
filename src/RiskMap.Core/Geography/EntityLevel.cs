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
