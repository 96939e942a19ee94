using RiskMap.Core.HotSpots;
using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.HotSpots;

public class NullFieldTests
{
    [Fact]
    public void Independent_noise_on_a_ten_by_ten_grid_shows_hot_or_cold_spots_in_no_more_quarters_than_the_nominal_rate_allows()
    {
        // With no clustering at all every spot is a false discovery, so a quarter's false discovery proportion is 1 when it
        // shows any spot and 0 otherwise; Benjamini–Hochberg keeps its mean at or under 5 % (the neighbouring Gi* are
        // positively correlated, the case Benjamini and Yekutieli 2001 cover). Over 200 quarters the observed share of a
        // true 5 % has a standard deviation of √(0.05·0.95/200) = 1.54 points: 5 % + 2.33 sd = 8.6 % is passed by chance
        // only 1 time in 100. This seed gives 6 quarters of 200; without the correction 184 would show a spot.
        const int quarters = 200;
        var weights = Grids.Weights(10, queen: true);
        var random = new ScoringRandom(ScoringRandom.Key(16, 200));
        var withSpots = 0;
        for (var q = 0; q < quarters; q++)
        {
            var values = weights.Units.ToDictionary(u => u, _ => 50 + 10 * random.NextNormal());
            if (QuarterHotSpots.Analyse(weights, values).Values.Any(s => s.At(SpotConfidence.NinetyFive) != Spot.None)) withSpots++;
        }

        Assert.InRange((double)withSpots / quarters, 0, 0.05 + 2.33 * Math.Sqrt(0.05 * 0.95 / quarters));
    }
}
