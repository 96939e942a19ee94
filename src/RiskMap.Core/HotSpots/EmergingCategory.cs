namespace RiskMap.Core.HotSpots;

/// <summary>The categories of ArcGIS Pro's Emerging Hot Spot Analysis (rules in <see cref="EmergingRules"/>).</summary>
public enum EmergingCategory
{
    NoPattern,
    NewHotSpot,
    ConsecutiveHotSpot,
    IntensifyingHotSpot,
    PersistentHotSpot,
    DiminishingHotSpot,
    SporadicHotSpot,
    OscillatingHotSpot,
    HistoricalHotSpot,
    NewColdSpot,
    ConsecutiveColdSpot,
    IntensifyingColdSpot,
    PersistentColdSpot,
    DiminishingColdSpot,
    SporadicColdSpot,
    OscillatingColdSpot,
    HistoricalColdSpot,
}

public static class EmergingCategories
{
    private static readonly Dictionary<EmergingCategory, string> Codes = Enum.GetValues<EmergingCategory>()
        .ToDictionary(c => c, c => string.Concat(c.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString())));

    private static readonly Dictionary<string, EmergingCategory> ByCode = Codes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>The category as stored and served: "intensifying-hot-spot", "no-pattern", …</summary>
    public static string Code(this EmergingCategory category) => Codes[category];

    public static EmergingCategory FromCode(string code) =>
        ByCode.TryGetValue(code, out var category) ? category : throw new ArgumentException($"Unknown emerging hot spot category '{code}'.", nameof(code));
}
