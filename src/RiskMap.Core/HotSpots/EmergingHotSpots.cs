namespace RiskMap.Core.HotSpots;

/// <summary>A unit's emerging hot spot category from its quarters' hot spots (<see cref="QuarterHotSpots"/>).</summary>
public static class EmergingHotSpots
{
    /// <summary>
    /// The rules in the order they are tried, the first that holds deciding. Apart from historical the rules exclude one
    /// another (each needs the final quarter hot, or cold when mirrored); a unit hot in 90 % of the quarters but cold in the
    /// final one is both historical hot and oscillating cold, and is called by what it is now: oscillating cold.
    /// </summary>
    private static readonly (EmergingCategory Category, Func<SpotHistory, bool> Rule, bool Cold)[] Rules =
    [
        (EmergingCategory.NewHotSpot, EmergingRules.New, false),
        (EmergingCategory.ConsecutiveHotSpot, EmergingRules.Consecutive, false),
        (EmergingCategory.IntensifyingHotSpot, EmergingRules.Intensifying, false),
        (EmergingCategory.PersistentHotSpot, EmergingRules.Persistent, false),
        (EmergingCategory.DiminishingHotSpot, EmergingRules.Diminishing, false),
        (EmergingCategory.SporadicHotSpot, EmergingRules.Sporadic, false),
        (EmergingCategory.OscillatingHotSpot, EmergingRules.Oscillating, false),
        (EmergingCategory.NewColdSpot, EmergingRules.New, true),
        (EmergingCategory.ConsecutiveColdSpot, EmergingRules.Consecutive, true),
        (EmergingCategory.IntensifyingColdSpot, EmergingRules.Intensifying, true),
        (EmergingCategory.PersistentColdSpot, EmergingRules.Persistent, true),
        (EmergingCategory.DiminishingColdSpot, EmergingRules.Diminishing, true),
        (EmergingCategory.SporadicColdSpot, EmergingRules.Sporadic, true),
        (EmergingCategory.OscillatingColdSpot, EmergingRules.Oscillating, true),
        (EmergingCategory.HistoricalHotSpot, EmergingRules.Historical, false),
        (EmergingCategory.HistoricalColdSpot, EmergingRules.Historical, true),
    ];

    /// <summary>
    /// The category of a unit whose quarters, oldest first, are <paramref name="quarters"/> (null: no value that quarter).
    /// A quarter is hot or cold at <paramref name="confidence"/> after the FDR correction; the Mann–Kendall trend of the
    /// z-scores of the quarters with a value is significant at the same confidence. An "intensifying" cold spot is one
    /// whose z-scores fall (it grows colder).
    /// </summary>
    public static EmergingCategory Classify(IReadOnlyList<UnitHotSpot?> quarters, SpotConfidence confidence)
    {
        var trend = MannKendall.Test([.. quarters.OfType<UnitHotSpot>().Select(q => q.Z)]);
        var hot = new SpotHistory([.. quarters.Select(q => q?.At(confidence) ?? Spot.None)], trend, confidence.Alpha());
        var cold = hot.Mirrored();
        foreach (var (category, rule, isCold) in Rules)
            if (rule(isCold ? cold : hot)) return category;
        return EmergingCategory.NoPattern;
    }
}
