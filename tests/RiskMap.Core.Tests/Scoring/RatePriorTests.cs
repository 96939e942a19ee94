using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

public class RatePriorTests
{
    [Fact]
    public void Posterior_intervals_cover_the_true_rate_at_their_nominal_rate()
    {
        // 1,000 schools with true rates from a Gamma prior (mean 1 %, CV 0.5) and 50–2,000 pupils; Poisson counts.
        var random = new ScoringRandom(ScoringRandom.Key(20240101, 99));
        const int units = 1_000;
        var truth = new double[units];
        var events = new double[units];
        var pupils = new double[units];
        for (var u = 0; u < units; u++)
        {
            truth[u] = random.NextGamma(4) / 400;
            pupils[u] = Math.Round(50 + 1950 * random.NextDouble());
            events[u] = Synthetic.Poisson(truth[u] * pupils[u], ref random);
        }
        var prior = RatePrior.Estimate(events, pupils, minimumCv: 0.05);

        var covered = 0;
        var draws = new double[2_000];
        for (var u = 0; u < units; u++)
        {
            var posterior = prior.PosteriorOf(events[u], pupils[u], 1);
            for (var d = 0; d < draws.Length; d++) draws[d] = posterior.Draw(ref random);
            Array.Sort(draws);
            if (Statistics.Percentile(draws, 0.05) <= truth[u] && truth[u] <= Statistics.Percentile(draws, 0.95)) covered++;
        }

        Assert.InRange(covered / (double)units, 0.87, 0.93);
    }

    [Fact]
    public void The_prior_never_has_zero_variance_even_when_rates_vary_less_than_chance()
    {
        var prior = RatePrior.Estimate([5, 10, 20], [1_000, 2_000, 4_000], minimumCv: 0.05);

        Assert.False(prior.HasSignal);
        Assert.Equal(0.005, prior.Mean, 12);
        Assert.Equal(0.05 * 0.005 * 0.05 * 0.005, prior.Variance, 15);
        Assert.True(prior.Alpha is > 0 and < double.PositiveInfinity);
    }

    [Fact]
    public void The_posterior_mean_is_Marshalls_smoothed_rate()
    {
        // The worked example of the 1.0 document: school A (2 of 40) with b = 24/2,440 and a = 2.2373e-5 gives 13.1856 ‰.
        double[] events = [2, 6, 12, 4], pupils = [40, 400, 1200, 800];
        var prior = RatePrior.Estimate(events, pupils, minimumCv: 0.05);

        Assert.True(prior.HasSignal);
        Assert.Equal(EmpiricalBayes.Smooth(events, pupils)[0], prior.PosteriorMean(2, 40), 15);
        Assert.Equal(13.1856, prior.PosteriorMean(2, 40) * 1000, 4);
    }

    [Fact]
    public void An_indicator_without_events_has_no_signal_and_a_prior_that_can_be_stored()
    {
        var prior = RatePrior.Estimate([0, 0], [100, 200], minimumCv: 0.05);

        Assert.False(prior.HasSignal);
        Assert.Equal((0, 0), (prior.Alpha, prior.Beta)); // not NaN, which JSON cannot hold
    }
}
