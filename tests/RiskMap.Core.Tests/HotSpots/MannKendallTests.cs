using RiskMap.Core.HotSpots;

namespace RiskMap.Core.Tests.HotSpots;

public class MannKendallTests
{
    [Fact]
    public void A_worked_series_with_ties_gives_the_hand_computed_S_variance_and_z()
    {
        // x = 1 3 2 3 5 4 4 6 4 7 (n = 10). Σ_j>i sign(x_j − x_i) row by row: 9, 5, 7, 6, −1, 2, 2, 0, 1 → S = 31.
        // Ties: 3 twice (t = 2: 2·1·9 = 18), 4 three times (t = 3: 3·2·11 = 66).
        // Var(S) = (10·9·25 − 18 − 66) / 18 = 2166 / 18 = 120.333…; z = (31 − 1) / √120.333 = 2.734817;
        // p = erfc(z/√2) = 0.0062415.
        var trend = MannKendall.Test([1, 3, 2, 3, 5, 4, 4, 6, 4, 7]);

        Assert.NotNull(trend);
        Assert.Equal(31, trend.Value.S);
        Assert.Equal(2166.0 / 18, trend.Value.Variance, 12);
        Assert.Equal(30 / Math.Sqrt(2166.0 / 18), trend.Value.Z, 12);
        Assert.Equal(0.0062414952642713475, trend.Value.P, 14);
        Assert.True(trend.Value.RisesAt(SpotConfidence.NinetyNine.Alpha()));
    }

    [Fact]
    public void A_falling_series_has_the_continuity_correction_on_the_other_side()
    {
        var trend = MannKendall.Test([7, 4, 6, 4, 4, 5, 3, 2, 3, 1]);

        Assert.Equal(-31, trend!.Value.S);
        Assert.Equal(-30 / Math.Sqrt(2166.0 / 18), trend.Value.Z, 12);
        Assert.True(trend.Value.FallsAt(0.01));
    }

    [Fact]
    public void Below_the_minimum_number_of_quarters_no_trend_is_claimed()
    {
        double[] steadyRise = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Null(MannKendall.Test(steadyRise[..(MannKendall.MinimumValues - 1)]));
        Assert.Equal(45, MannKendall.Test(steadyRise[..MannKendall.MinimumValues])!.Value.S);
    }

    [Fact]
    public void A_flat_series_has_no_variance_and_no_trend()
    {
        var trend = MannKendall.Test(Enumerable.Repeat(2.5, 12).ToArray());

        Assert.Equal(new MannKendallTrend(0, 0, 0, 1), trend);
    }
}
