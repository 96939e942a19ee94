using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

public class EmpiricalBayesTests
{
    [Fact]
    public void Small_populations_are_shrunk_more_than_large_ones()
    {
        // The same raw rate (2 %) in a school of 50 and one of 5,000, among others at 1 %.
        double[] events = [1, 100, 10, 20, 30];
        double[] populations = [50, 5000, 1000, 2000, 3000];
        var smoothed = EmpiricalBayes.Smooth(events, populations);
        var b = events.Sum() / populations.Sum();

        var shrinkSmall = (smoothed[0] - b) / (0.02 - b);
        var shrinkLarge = (smoothed[1] - b) / (0.02 - b);
        Assert.InRange(shrinkSmall, 0, 1);
        Assert.InRange(shrinkLarge, 0, 1);
        Assert.True(shrinkSmall < shrinkLarge, $"{shrinkSmall} vs {shrinkLarge}");
        Assert.True(Math.Abs(smoothed[0] - 0.02) > Math.Abs(smoothed[1] - 0.02));
        // Both stay between b and their raw rate.
        Assert.InRange(smoothed[0], b, 0.02);
        Assert.InRange(smoothed[1], b, 0.02);
    }

    [Fact]
    public void Equal_rates_stay_equal_to_the_overall_rate()
    {
        double[] populations = [40, 400, 1200, 800, 7];
        var events = populations.Select(p => p * 0.025).ToArray();
        var smoothed = EmpiricalBayes.Smooth(events, populations);
        Assert.All(smoothed, r => Assert.Equal(0.025, r, 1e-15));
    }

    [Fact]
    public void Rates_that_vary_no_more_than_chance_all_become_the_overall_rate()
    {
        // 1/100, 2/100, 1/100, 2/100: s² = 2.5e-5 < b/n̄ = 1.5e-4, so a = 0.
        var smoothed = EmpiricalBayes.Smooth([1, 2, 1, 2], [100, 100, 100, 100]);
        Assert.All(smoothed, r => Assert.Equal(0.015, r, 1e-15));
    }

    [Fact]
    public void No_events_anywhere_gives_zero_rates()
    {
        Assert.Equal([0, 0, 0], EmpiricalBayes.Smooth([0, 0, 0], [10, 20, 30]));
        Assert.Empty(EmpiricalBayes.Smooth([], []));
    }
}
