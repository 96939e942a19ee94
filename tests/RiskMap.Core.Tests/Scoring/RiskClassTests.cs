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

    [Fact]
    public void Scores_that_do_not_vary_are_all_in_the_lowest_quantile_class_not_the_highest()
    {
        double[] zeros = [0, 0, 0, 0, 0, 0, 0];
        Assert.All(zeros, s => Assert.Equal(RiskClass.VeryLow, RiskClasses.ByThresholds(s, RiskClasses.QuantileThresholds(zeros))));
    }

    [Fact]
    public void Many_lowest_scores_stay_in_class_one_when_the_lowest_quintiles_are_all_at_the_lowest_score()
    {
        double[] scores = [0, 0, 0, 0, 0, 0, 0, 0, 1.5, 3];
        var thresholds = RiskClasses.QuantileThresholds(scores);
        Assert.All(scores.Where(s => s == 0), s => Assert.Equal(RiskClass.VeryLow, RiskClasses.ByThresholds(s, thresholds)));
        Assert.Equal(RiskClass.VeryHigh, RiskClasses.ByThresholds(3, thresholds));
    }

    [Fact]
    public void Shown_quantile_bounds_have_two_decimals_and_class_as_the_exact_ones_do_at_the_bounds_edges()
    {
        double[] scores = [0.123456, 1.987654, 2.5, 3.333333, 4.444444, 5.55555, 6.1, 7.77777, 8.2, 9.01];
        var shown = RiskClasses.ShownQuantileThresholds(scores);
        Assert.All(shown, t => Assert.Equal(t, Math.Round(t, 2)));
        Assert.All(shown.Zip(RiskClasses.QuantileThresholds(scores)), p => Assert.InRange(p.First - p.Second, 0, 0.01));
        Assert.Equal(RiskClass.VeryLow, RiskClasses.ByThresholds(scores[0], shown));
    }
}
