using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

public class RiskClassTests
{
    private static readonly IReadOnlyList<double> Fixed = new Methodology().ClassThresholds;

    [Theory]
    [InlineData(0, RiskClass.VeryLow)]
    [InlineData(1.999, RiskClass.VeryLow)]
    [InlineData(2.0, RiskClass.Low)]
    [InlineData(3.499, RiskClass.Low)]
    [InlineData(3.5, RiskClass.Medium)]
    [InlineData(5.0, RiskClass.High)]
    [InlineData(6.499, RiskClass.High)]
    [InlineData(6.5, RiskClass.VeryHigh)]
    [InlineData(10, RiskClass.VeryHigh)]
    public void Fixed_thresholds_are_2_3_5_5_and_6_5_with_lower_bounds_inclusive(double score, RiskClass expected) =>
        Assert.Equal(expected, RiskClasses.ByThresholds(score, Fixed));

    [Fact]
    public void A_fixed_threshold_class_does_not_change_when_other_units_change_but_a_quantile_class_does()
    {
        double[] before = [4.2, 1, 9, 3];
        double[] after = [4.2, 8, 9.5, 7];

        Assert.Equal(RiskClass.Medium, RiskClasses.ByThresholds(before[0], Fixed));
        Assert.Equal(RiskClass.Medium, RiskClasses.ByThresholds(after[0], Fixed));

        // Quintile thresholds: 2.2, 3.24, 3.96, 6.12 before; 5.88, … after.
        Assert.Equal(RiskClass.High, RiskClasses.ByThresholds(before[0], RiskClasses.QuantileThresholds(before)));
        Assert.Equal(RiskClass.VeryLow, RiskClasses.ByThresholds(after[0], RiskClasses.QuantileThresholds(after)));
    }

    [Fact]
    public void Quantile_classes_put_a_fifth_of_distinct_scores_in_each_class()
    {
        var scores = Enumerable.Range(0, 100).Select(i => (i * 37 % 100) / 10.0).ToArray();
        var thresholds = RiskClasses.QuantileThresholds(scores);
        var counts = scores.GroupBy(s => RiskClasses.ByThresholds(s, thresholds)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var c in Enum.GetValues<RiskClass>()) Assert.Equal(20, counts[c]);
    }

    [Fact]
    public void Quantile_classes_are_within_one_of_a_fifth_when_the_count_does_not_divide()
    {
        var scores = Enumerable.Range(0, 23).Select(i => i * 0.4).ToArray();
        var thresholds = RiskClasses.QuantileThresholds(scores);
        var counts = Enum.GetValues<RiskClass>().Select(c => scores.Count(s => RiskClasses.ByThresholds(s, thresholds) == c)).ToArray();
        Assert.Equal([5, 4, 5, 4, 5], counts);
    }

    [Fact]
    public void No_scores_give_no_quantile_thresholds() => Assert.Empty(RiskClasses.QuantileThresholds([]));
}
