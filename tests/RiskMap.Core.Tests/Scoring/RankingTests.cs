using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

public class RankingTests
{
    private static readonly double[] IndicatorWeights = [2, 1, 1];
    private static readonly int[] DomainOf = [0, 0, 1];
    private static readonly double[] DomainWeights = [2, 1];

    [Fact]
    public void Ranks_are_competition_ranks_highest_first_and_missing_scores_unranked()
    {
        Assert.Equal([3, 1, 1, 4, 0], Ranking.Ranks([5, 7, 7, 1, double.NaN]));
        Assert.Equal([1, 1, 1], Ranking.Ranks([2, 2, 2]));
        Assert.Empty(Ranking.Ranks([]));
    }

    [Fact]
    public void Bands_are_the_same_for_the_same_seed_and_contain_the_median()
    {
        var (scores, units) = PseudoRandomScores(40, seed: 3);
        var methodology = new Methodology { Replications = 100 };

        var first = Ranking.Bands(scores, units, IndicatorWeights, DomainOf, DomainWeights, methodology);
        var second = Ranking.Bands(scores, units, IndicatorWeights, DomainOf, DomainWeights, methodology);

        Assert.Equal(first, second);
        var ranks = Ranking.Ranks(Enumerable.Range(0, units)
            .Select(u => Aggregation.Score(scores.AsSpan(u * 3, 3), IndicatorWeights, DomainOf, DomainWeights)).ToArray());
        var widths = 0;
        for (var u = 0; u < units; u++)
        {
            var band = first[u]!;
            Assert.InRange(band.Median, band.Low, band.High);
            Assert.InRange(band.Low, 1, units);
            Assert.InRange(band.High, 1, units);
            // The unperturbed rank is never far outside the band.
            Assert.InRange(ranks[u], band.Low - 2, band.High + 2);
            widths += band.High - band.Low;
        }
        Assert.True(widths > 0, "±25 % weights should move some of 40 close units");
    }

    [Fact]
    public void Without_perturbation_every_band_collapses_to_the_rank()
    {
        var (scores, units) = PseudoRandomScores(25, seed: 11);
        var bands = Ranking.Bands(scores, units, IndicatorWeights, DomainOf, DomainWeights,
            new Methodology { Replications = 20, WeightPerturbation = 0 });
        var ranks = Ranking.Ranks(Enumerable.Range(0, units)
            .Select(u => Aggregation.Score(scores.AsSpan(u * 3, 3), IndicatorWeights, DomainOf, DomainWeights)).ToArray());
        for (var u = 0; u < units; u++) Assert.Equal(new RankBand(ranks[u], ranks[u], ranks[u]), bands[u]);
    }

    [Fact]
    public void A_unit_riskiest_on_everything_is_always_first_and_a_unit_without_data_has_no_band()
    {
        double[] scores = [10, 10, 10, 4, 6, 5, 6, 2, 7, double.NaN, double.NaN, double.NaN];
        var bands = Ranking.Bands(scores, 4, IndicatorWeights, DomainOf, DomainWeights, new Methodology { Replications = 50 });
        Assert.Equal(new RankBand(1, 1, 1), bands[0]);
        Assert.Null(bands[3]);
    }

    private static (double[] Scores, int Units) PseudoRandomScores(int units, int seed)
    {
        var random = new Random(seed);
        return (Enumerable.Range(0, units * 3).Select(_ => Math.Round(10 * random.NextDouble(), 3)).ToArray(), units);
    }
}
