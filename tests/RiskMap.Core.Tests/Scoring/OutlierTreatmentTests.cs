using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

public class OutlierTreatmentTests
{
    private static readonly Methodology Default = new();

    [Fact]
    public void One_huge_value_is_winsorised_to_the_next_value_in()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
        var treatment = OutlierTreatment.Apply(values, Default);

        Assert.Equal(TreatmentKind.Winsorised, treatment.Kind);
        Assert.Equal(1, treatment.PointsWinsorised);
        Assert.Equal(3.1189, treatment.SkewnessBefore, 1e-4);
        Assert.Equal(9.7992, treatment.KurtosisBefore, 1e-4);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 9], values);
    }

    [Fact]
    public void A_long_low_tail_is_winsorised_from_below()
    {
        double[] values = [5, -100, 1, 2, 3, 4, 6, 7, 8, 9];
        var treatment = OutlierTreatment.Apply(values, Default);

        Assert.Equal(TreatmentKind.Winsorised, treatment.Kind);
        Assert.Equal(1, treatment.PointsWinsorised);
        Assert.Equal([5, 1, 1, 2, 3, 4, 6, 7, 8, 9], values);
    }

    [Fact]
    public void Several_points_are_winsorised_when_one_is_not_enough()
    {
        // A tail of 13, 40, 120, 400: two points must go (python mirror of the rule).
        double[] values = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 5, 8, 13, 40, 120, 400];
        var treatment = OutlierTreatment.Apply(values, Default);

        Assert.Equal(TreatmentKind.Winsorised, treatment.Kind);
        Assert.Equal(2, treatment.PointsWinsorised);
        Assert.Equal([13, 40, 40, 40], values[^4..]);
    }

    [Fact]
    public void A_heavy_long_tail_that_five_points_cannot_fix_is_log_transformed()
    {
        // 40 units with 1, and a tail doubling from 1 to 2048.
        var original = Enumerable.Repeat(1.0, 40).Concat(Enumerable.Range(0, 12).Select(k => Math.Pow(2, k))).ToArray();
        var values = (double[])original.Clone();
        var treatment = OutlierTreatment.Apply(values, Default);

        Assert.Equal(TreatmentKind.LogTransformed, treatment.Kind);
        Assert.Equal(0, treatment.PointsWinsorised);
        Assert.Equal(5.2494, treatment.SkewnessBefore, 1e-4);
        // ln(x − min + 1) of the original values, not of winsorised ones: order kept, 2048 → ln 2048.
        for (var i = 0; i < values.Length; i++) Assert.Equal(Math.Log(original[i] - 1 + 1), values[i], 1e-12);
        Assert.Equal(Math.Log(2048), values[^1], 1e-12);
    }

    [Fact]
    public void A_heavy_low_tail_is_log_transformed_mirrored_so_order_is_kept()
    {
        var original = Enumerable.Repeat(-1.0, 40).Concat(Enumerable.Range(0, 12).Select(k => -Math.Pow(2, k))).ToArray();
        var values = (double[])original.Clone();
        var treatment = OutlierTreatment.Apply(values, Default);

        Assert.Equal(TreatmentKind.LogTransformed, treatment.Kind);
        for (var i = 0; i < values.Length; i++) Assert.Equal(-Math.Log(-1 - original[i] + 1), values[i], 1e-12);
        for (var i = 0; i < values.Length; i++)
            for (var k = 0; k < values.Length; k++)
                if (original[i] < original[k]) Assert.True(values[i] < values[k]);
    }

    [Fact]
    public void A_symmetric_indicator_is_left_alone()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var treatment = OutlierTreatment.Apply(values, Default);

        Assert.Equal(new Treatment(TreatmentKind.None, 0, 0, -1.2), treatment with { KurtosisBefore = Math.Round(treatment.KurtosisBefore, 10) });
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], values);
    }

    [Fact]
    public void Both_conditions_are_needed_high_skewness_alone_is_not_treated()
    {
        // |G1| > 2 but G2 below 3.5 with a stricter kurtosis threshold: untouched.
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
        var treatment = OutlierTreatment.Apply(values, Default with { KurtosisThreshold = 10 });
        Assert.Equal(TreatmentKind.None, treatment.Kind);
        Assert.Equal(100, values[^1]);
    }
}
