namespace RiskMap.Core.Visibility;

/// <summary>
/// How much of a unit a caller sees. Decided in one place, next to the data (<c>RiskMap.Data.Visibility.SeenUnits</c>),
/// and carried by every row a surface reads, so the score table, profiles, hotspot lists, exports, vector tiles, OGC
/// features and programme effectiveness all show the same of each unit.
/// </summary>
public enum Sight
{
    /// <summary>In the caller's scope: scores, classes by every measure, ranks, trends, contributions.</summary>
    Full,

    /// <summary>A region or district outside the scope: its composite class only, as the public sees it.</summary>
    ClassOnly,

    /// <summary>A region or district outside the scope with too few pupils to publish even its class (small-area suppression).</summary>
    Withheld,
}

public static class Sights
{
    /// <summary>The sight as SQL writes it (see <c>SeenUnits</c>).</summary>
    public static Sight Parse(string code) => code switch
    {
        "full" => Sight.Full,
        "class" => Sight.ClassOnly,
        "withheld" => Sight.Withheld,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "A sight is full, class or withheld."),
    };
}
