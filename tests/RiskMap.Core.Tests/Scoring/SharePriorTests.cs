using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

/// <summary>The beta-binomial model of a share (docs/methodology.md, step 4 "Shares"): its prior, posterior mean and draws.</summary>
public class SharePriorTests
{
    [Fact]
    public void Posterior_intervals_of_a_share_cover_the_true_share_at_their_nominal_rate()
    {
        // 1,000 schools with true shares from Beta(3, 47) (mean 6 %) and 30–2,000 pupils; binomial numbers of pupils.
        var random = new ScoringRandom(ScoringRandom.Key(20240101, 98));
        const int units = 1_000;
        var truth = new double[units];
        var successes = new double[units];
        var pupils = new double[units];
        for (var u = 0; u < units; u++)
        {
            var (x, y) = (random.NextGamma(3), random.NextGamma(47));
            truth[u] = x / (x + y);
            pupils[u] = Math.Round(30 + 1970 * random.NextDouble());
            successes[u] = Synthetic.Binomial((int)pupils[u], truth[u], ref random);
        }
        var prior = SharePrior.Estimate(successes, pupils, minimumCv: 0.05);

        var covered = 0;
        var draws = new double[2_000];
        for (var u = 0; u < units; u++)
        {
            var posterior = prior.PosteriorOf(successes[u], pupils[u]);
            for (var d = 0; d < draws.Length; d++) draws[d] = posterior.Draw(ref random) / SharePrior.Percent;
            Array.Sort(draws);
            if (Statistics.Percentile(draws, 0.05) <= truth[u] && truth[u] <= Statistics.Percentile(draws, 0.95)) covered++;
        }

        Assert.True(prior.HasSignal);
        Assert.Equal(50, prior.Strength, 50 * 0.25); // the method of moments finds the prior's strength α + β = 50 to within a quarter
        Assert.InRange(covered / (double)units, 0.87, 0.93);
    }

    [Fact]
    public void A_small_schools_share_is_pulled_towards_the_pooled_share_more_than_a_large_schools()
    {
        var prior = SharePrior.Estimate([2, 20, 40, 20], [40, 200, 500, 100], minimumCv: 0.05);

        // Both report 20 %, far above the pooled share.
        var small = prior.PosteriorMean(8, 40);
        var large = prior.PosteriorMean(300, 1500);

        Assert.True(prior.HasSignal);
        Assert.InRange(prior.Mean, 0.09, 0.1);
        Assert.True(prior.Mean < small && small < large && large < 0.2, $"μ {prior.Mean}, small {small}, large {large}");
        Assert.True(0.2 - small > 3 * (0.2 - large));
    }

    [Fact]
    public void The_prior_of_the_documented_example_is_the_one_worked_by_hand()
    {
        // docs/methodology.md, step 4 "Shares": four schools, 5 %, 10 %, 8 % and 20 % of 40, 200, 500 and 100 pupils.
        double[] pupils = [40, 200, 500, 100];
        double[] successes = [2, 20, 40, 20];
        var prior = SharePrior.Estimate(successes, pupils, minimumCv: 0.05);

        Assert.Equal(82.0 / 840, prior.Mean, 15);
        Assert.Equal(1.12785e-3, prior.Variance, 8);
        Assert.Equal(77.1042, prior.Strength, 4);
        Assert.Equal(8.1354, prior.PosteriorMean(2, 40) * 100, 4);
        Assert.Equal(15.5427, prior.PosteriorMean(20, 100) * 100, 4);
    }

    [Theory]
    [InlineData(new double[] { 10, 20, 40 }, new double[] { 100, 200, 400 })] // every school 10 %: less spread than chance
    [InlineData(new double[] { 10, 10, 10 }, new double[] { 100, 100, 100 })]
    public void The_prior_never_collapses_when_every_share_is_the_same(double[] successes, double[] pupils)
    {
        var prior = SharePrior.Estimate(successes, pupils, minimumCv: 0.05);

        Assert.False(prior.HasSignal);
        Assert.Equal(0.1, prior.Mean, 12);
        Assert.Equal(0.05 * 0.1 * 0.05 * 0.1, prior.Variance, 15);
        Assert.True(prior.Alpha is > 0 and < double.PositiveInfinity && prior.Beta is > 0 and < double.PositiveInfinity);
        Assert.True(prior.PosteriorMean(10, 100) is > 0.09 and < 0.11);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void A_share_that_is_always_0_or_always_100_percent_has_no_signal_and_a_prior_that_can_be_stored(double share)
    {
        var prior = SharePrior.Estimate([share * 100, share * 300], [100, 300], minimumCv: 0.05);

        Assert.False(prior.HasSignal);
        Assert.Equal((0, 0), (prior.Alpha, prior.Beta)); // not NaN, which JSON cannot hold
    }
}
