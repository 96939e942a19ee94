using RiskMap.Core.Indicators;
using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

public class NormalisationTests
{
    [Fact]
    public void Min_max_puts_the_riskiest_at_10_and_the_safest_at_0()
    {
        Assert.Equal([0, 2.5, 10], Normalisation.ToRiskScale([2, 4, 10], Direction.HigherIsWorse, NormalisationMethod.MinMax));
        Assert.Equal([10, 7.5, 0], Normalisation.ToRiskScale([2, 4, 10], Direction.HigherIsBetter, NormalisationMethod.MinMax));
    }

    [Fact]
    public void Equal_values_make_nobody_riskier()
    {
        Assert.Equal([0, 0, 0], Normalisation.ToRiskScale([3, 3, 3], Direction.HigherIsWorse, NormalisationMethod.MinMax));
        Assert.Equal([5, 5, 5], Normalisation.ToRiskScale([3, 3, 3], Direction.HigherIsWorse, NormalisationMethod.ZScore));
    }

    [Fact]
    public void Z_scores_map_plus_minus_three_sd_onto_the_scale_and_are_clamped()
    {
        // 1, 2, 3: mean 2, population sd √(2/3); z = ±1.2247 → 5 ± 2.0412.
        var scaled = Normalisation.ToRiskScale([1, 2, 3], Direction.HigherIsWorse, NormalisationMethod.ZScore);
        Assert.Equal(5 - 5 * Math.Sqrt(1.5) / 3, scaled[0], 1e-12);
        Assert.Equal(5, scaled[1], 1e-12);
        Assert.Equal(7.0412, scaled[2], 1e-4);

        // 19 zeros and 100: z(100) = 95/√475 = 4.36 > 3 → clamped to 10.
        var outlier = Enumerable.Repeat(0.0, 19).Append(100).ToArray();
        var clamped = Normalisation.ToRiskScale(outlier, Direction.HigherIsWorse, NormalisationMethod.ZScore);
        Assert.Equal(10, clamped[^1]);
        Assert.Equal(5 - 5 * (5 / Math.Sqrt(475)) / 3, clamped[0], 1e-12);
        Assert.Equal(0, Normalisation.ToRiskScale(outlier, Direction.HigherIsBetter, NormalisationMethod.ZScore)[^1]);
    }
}
