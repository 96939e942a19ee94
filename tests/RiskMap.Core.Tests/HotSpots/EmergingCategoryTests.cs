using RiskMap.Core.HotSpots;

namespace RiskMap.Core.Tests.HotSpots;

public class EmergingCategoryTests
{
    /// <summary>
    /// A unit's quarters from a pattern, oldest first: H hot, C cold (adjusted p 0.001), '.' neither (adjusted p 0.5),
    /// '_' no value. Its z-scores are ±3 (0.5 for '.'), plus <paramref name="slope"/> per quarter and 0.4 on every other
    /// quarter, so that a zero slope is no trend and a slope of ±0.2 over twelve quarters is a significant one.
    /// </summary>
    private static UnitHotSpot?[] Quarters(string pattern, double slope) =>
    [
        .. pattern.Select((spot, k) => spot == '_' ? (UnitHotSpot?)null : new UnitHotSpot(
            (spot switch { 'H' => 3, 'C' => -3, _ => 0.5 }) + slope * k + 0.4 * (k % 2), double.NaN, spot == '.' ? 0.5 : 0.001)),
    ];

    private static EmergingCategory Hot(string pattern, double slope = 0) => EmergingHotSpots.Classify(Quarters(pattern, slope), SpotConfidence.NinetyFive);

    /// <summary>The same history read as cold spots: hot and cold swapped, the trend reversed.</summary>
    private static EmergingCategory Cold(string pattern, double slope = 0) =>
        EmergingHotSpots.Classify(Quarters(new string([.. pattern.Select(c => c switch { 'H' => 'C', 'C' => 'H', _ => c })]), -slope), SpotConfidence.NinetyFive);

    // pattern, slope, its category (hot); a near miss, its slope, what it is instead (hot).
    public static TheoryData<string, double, EmergingCategory, string, double, EmergingCategory> Cases => new()
    {
        // Hot only in the final quarter; hot once before as well is sporadic.
        { "...........H", 0, EmergingCategory.NewHotSpot, "H..........H", 0, EmergingCategory.SporadicHotSpot },
        // An unbroken final run of two; a hot quarter before the run makes it sporadic.
        { "..........HH", 0, EmergingCategory.ConsecutiveHotSpot, "H.........HH", 0, EmergingCategory.SporadicHotSpot },
        // Hot in 12 of 12 quarters with a significant rise; in 10 of 12 (83 % < 90 %) it is only a consecutive run.
        { "HHHHHHHHHHHH", 0.2, EmergingCategory.IntensifyingHotSpot, "..HHHHHHHHHH", 0.2, EmergingCategory.ConsecutiveHotSpot },
        // Hot in 11 of 12 (91.7 % ≥ 90 %) including the last, no trend; not hot in the last quarter is historical.
        { ".HHHHHHHHHHH", 0, EmergingCategory.PersistentHotSpot, "HHHHHHHHHHH.", 0, EmergingCategory.HistoricalHotSpot },
        // Hot throughout with a significant fall; in 10 of 12, on and off, it is sporadic.
        { "HHHHHHHHHHHH", -0.2, EmergingCategory.DiminishingHotSpot, "HHHHHHHHH..H", -0.2, EmergingCategory.SporadicHotSpot },
        // On and off, hot last, never cold; one cold quarter makes it oscillating.
        { "H..H...H...H", 0, EmergingCategory.SporadicHotSpot, "H..C...H...H", 0, EmergingCategory.OscillatingHotSpot },
        // Cold once, hot last; not hot in the last quarter is no pattern.
        { "C..........H", 0, EmergingCategory.OscillatingHotSpot, "C.........H.", 0, EmergingCategory.NoPattern },
        // Hot in 11 of 12 but not the last; in 10 of 12 (83 %) it is no pattern.
        { "HHHHHHHHHHH.", 0, EmergingCategory.HistoricalHotSpot, "HHHHHHHHHH..", 0, EmergingCategory.NoPattern },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_constructed_hot_history_falls_in_its_category_and_its_near_miss_does_not(
        string pattern, double slope, EmergingCategory category, string nearMiss, double nearSlope, EmergingCategory instead)
    {
        Assert.Equal(category, Hot(pattern, slope));
        Assert.Equal(instead, Hot(nearMiss, nearSlope));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_mirrored_cold_history_falls_in_the_cold_category_and_its_near_miss_does_not(
        string pattern, double slope, EmergingCategory category, string nearMiss, double nearSlope, EmergingCategory instead)
    {
        Assert.Equal(ColdOf(category), Cold(pattern, slope));
        Assert.Equal(ColdOf(instead), Cold(nearMiss, nearSlope));
    }

    private static EmergingCategory ColdOf(EmergingCategory hot) =>
        hot == EmergingCategory.NoPattern ? hot : Enum.Parse<EmergingCategory>(hot.ToString().Replace("HotSpot", "ColdSpot", StringComparison.Ordinal));

    [Fact]
    public void A_unit_hot_for_years_that_turned_cold_is_called_by_what_it_is_now()
    {
        Assert.Equal(EmergingCategory.OscillatingColdSpot, Hot("HHHHHHHHHHHC"));
    }

    [Fact]
    public void Quarters_without_a_value_count_as_quarters_but_are_neither_hot_nor_cold()
    {
        Assert.Equal(EmergingCategory.NewHotSpot, Hot("__________.H"));
        // 10 hot of 12 quarters (two without a value): under 90 %, so a consecutive run rather than persistent.
        Assert.Equal(EmergingCategory.ConsecutiveHotSpot, Hot("__HHHHHHHHHH"));
    }

    [Fact]
    public void A_history_too_short_for_the_trend_test_is_persistent_however_steeply_it_rises()
    {
        var shortRise = new string('H', MannKendall.MinimumValues - 1);

        Assert.Equal(EmergingCategory.PersistentHotSpot, Hot(shortRise, 0.5));
        Assert.Equal(EmergingCategory.IntensifyingHotSpot, Hot(shortRise + "H", 0.5));
    }

    [Fact]
    public void A_spot_is_claimed_only_at_the_confidence_its_adjusted_p_value_reaches_not_its_raw_one()
    {
        var quarters = Enumerable.Repeat<UnitHotSpot?>(new UnitHotSpot(-2.9, 0.004, 0.03), 12).ToArray();

        Assert.Equal(EmergingCategory.PersistentColdSpot, EmergingHotSpots.Classify(quarters, SpotConfidence.NinetyFive));
        Assert.Equal(EmergingCategory.NoPattern, EmergingHotSpots.Classify(quarters, SpotConfidence.NinetyNine));
    }
}
