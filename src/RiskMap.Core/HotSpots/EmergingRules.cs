namespace RiskMap.Core.HotSpots;

/// <summary>
/// The eight patterns of ArcGIS Pro's Emerging Hot Spot Analysis ("How Emerging Hot Spot Analysis works",
/// https://pro.arcgis.com/en/pro-app/latest/tool-reference/space-time-pattern-mining/learnmoreemerging.htm), each for hot
/// spots; cold spots apply the same rule to the mirrored history. Where Esri's definitions overlap, these are made
/// exclusive (docs/emerging-hotspots.md, "Where the definitions overlap"): a unit that has been a cold spot and is now a hot
/// spot is oscillating, never new, consecutive or sporadic; persistent, intensifying and diminishing need the final
/// quarter hot, historical needs it not hot.
/// </summary>
public static class EmergingRules
{
    /// <summary>Esri's "90 percent of the time-step intervals": a hot spot in at least this share of the quarters.</summary>
    public const int MostQuartersPercent = 90;

    /// <summary>Esri's consecutive hot spot: "a single uninterrupted run of at least two" hot quarters at the end.</summary>
    public const int ConsecutiveRun = 2;

    /// <summary>Hot in the final quarter only, and never a hot or cold spot before.</summary>
    public static bool New(SpotHistory h) => h.FinalHot && h.HotQuarters == 1 && !h.EverCold;

    /// <summary>Hot in an unbroken run of at least two final quarters, never before it, never cold; under 90 % hot.</summary>
    public static bool Consecutive(SpotHistory h) =>
        h.FinalHot && h.FinalHotRun >= ConsecutiveRun && h.HotQuarters == h.FinalHotRun && !h.EverCold && !MostlyHot(h);

    /// <summary>Hot in at least 90 % of the quarters including the final one, its Gi* z-scores rising significantly.</summary>
    public static bool Intensifying(SpotHistory h) => h.FinalHot && MostlyHot(h) && h.Rising;

    /// <summary>Hot in at least 90 % of the quarters including the final one, with no significant trend either way.</summary>
    public static bool Persistent(SpotHistory h) => h.FinalHot && MostlyHot(h) && !h.Rising && !h.Falling;

    /// <summary>Hot in at least 90 % of the quarters including the final one, its Gi* z-scores falling significantly.</summary>
    public static bool Diminishing(SpotHistory h) => h.FinalHot && MostlyHot(h) && h.Falling;

    /// <summary>Hot in the final quarter and on and off before it, under 90 % hot, never cold.</summary>
    public static bool Sporadic(SpotHistory h) =>
        h.FinalHot && h.HotQuarters > h.FinalHotRun && !h.EverCold && !MostlyHot(h);

    /// <summary>Hot in the final quarter, a cold spot in some earlier one, under 90 % hot.</summary>
    public static bool Oscillating(SpotHistory h) => h.FinalHot && h.EverCold && !MostlyHot(h);

    /// <summary>Not hot in the final quarter, but hot in at least 90 % of the quarters.</summary>
    public static bool Historical(SpotHistory h) => !h.FinalHot && MostlyHot(h);

    private static bool MostlyHot(SpotHistory h) => 100 * h.HotQuarters >= MostQuartersPercent * h.Quarters;
}
