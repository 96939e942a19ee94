using RiskMap.Core.Indicators;
using RiskMap.Core.Programmes;

namespace RiskMap.Core.Tests.Programmes;

public class EffectivenessTests
{
    private static readonly string[] Periods = ["2024Q3", "2024Q4", "2025Q1", "2025Q2"];
    private static readonly string[] Indicators = ["bullying", "suicides", "absence", "register"];
    private static readonly Quarter Start = new(2025, 1);

    private static UnitSeries Unit(string code, params (string Period, double Score, int Class)[] points) =>
        new(code, points.ToDictionary(p => p.Period, p => new ScorePoint(p.Score, p.Class, [p.Score, 1, 2, double.NaN], [0.5, 2, 1, 3])));

    [Fact]
    public void Changes_are_measured_from_the_last_quarter_before_the_start_against_units_within_one_class()
    {
        var target = Unit("T", ("2024Q4", 6, 4), ("2025Q1", 5, 3), ("2025Q2", 4, 3));
        var similar = Unit("A", ("2024Q4", 5, 3), ("2025Q1", 5, 3), ("2025Q2", 4.5, 3));
        var alike = Unit("B", ("2024Q4", 7, 5), ("2025Q1", 7, 5), ("2025Q2", 7.5, 5));
        var distant = Unit("C", ("2024Q4", 1, 1), ("2025Q2", 9, 5));

        var effect = Effectiveness.Compare(target, [similar, alike, distant], Periods, Start, Indicators);

        Assert.Equal("2024Q4", Effectiveness.BaselineQuarter(Periods, Start));
        Assert.Null(effect.Gap);
        Assert.Equal(["A", "B"], effect.ComparisonCodes);
        Assert.Equal((3, 5), (effect.MinClass, effect.MaxClass));
        Assert.Equal(["2024Q4", "2025Q1", "2025Q2"], effect.Series.Select(p => p.Period));
        var latest = effect.Latest!;
        Assert.Equal("2025Q2", latest.Period);
        Assert.Equal(-2, latest.TargetChange);
        Assert.Equal(0, latest.ComparisonChange);
        Assert.Equal(-2, latest.Difference);
        Assert.Equal(6, latest.Comparison!.Score);
        Assert.Equal(2, latest.Comparison.Units);
    }

    [Fact]
    public void The_key_indicators_contributed_most_at_the_baseline_and_missing_values_stay_empty()
    {
        var effect = Effectiveness.Compare(Unit("T", ("2024Q4", 6, 4)), [Unit("A", ("2024Q4", 5, 4))], Periods, Start, Indicators);
        Assert.Equal(["register", "suicides", "absence"], effect.KeyIndicators);
        var baseline = effect.Series[0];
        Assert.Null(baseline.Target!.Indicators["register"]);
        Assert.Equal(1, baseline.Target.Indicators["suicides"]);
        Assert.Equal(0, baseline.Difference);
    }

    [Fact]
    public void Without_comparable_units_it_says_so()
    {
        var effect = Effectiveness.Compare(Unit("T", ("2024Q4", 9, 5), ("2025Q1", 8, 5)), [Unit("A", ("2024Q4", 1, 1), ("2025Q1", 1, 1))], Periods, Start, Indicators);
        Assert.Equal(ComparisonGap.NoComparableUnits, effect.Gap);
        Assert.Empty(effect.ComparisonCodes);
        Assert.Equal(-1, effect.Series[1].TargetChange);
        Assert.Null(effect.Series[1].ComparisonChange);
        Assert.Null(effect.Latest);
    }

    [Fact]
    public void Without_a_baseline_there_is_no_comparison()
    {
        Assert.Equal(ComparisonGap.NoBaseline, Effectiveness.Compare(Unit("T", ("2025Q1", 8, 5)), [Unit("A", ("2024Q4", 8, 5))], Periods, Start, Indicators).Gap);
        Assert.Equal(ComparisonGap.NoScores, Effectiveness.Compare(Unit("T"), [], Periods, new Quarter(2024, 3), Indicators).Gap);
    }
}
