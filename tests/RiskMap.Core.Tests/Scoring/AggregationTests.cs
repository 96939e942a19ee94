using RiskMap.Core.Scoring;
using static RiskMap.Core.Tests.Scoring.ScoringFixtures;

namespace RiskMap.Core.Tests.Scoring;

public class AggregationTests
{
    [Fact]
    public void Domains_are_arithmetic_means_and_the_composite_a_shifted_geometric_mean()
    {
        // Protection (2·6 + 1·3)/3 = 5, Education 8: R = exp((2 ln 6 + ln 9)/3) − 1 = (36·9)^(1/3) − 1.
        var composite = Aggregation.Combine([6, 3, 8], IndicatorWeights, DomainOf, DomainWeights)!;
        Assert.Equal(5, composite.DomainScores[0]!.Value, 1e-12);
        Assert.Equal(8, composite.DomainScores[1]!.Value, 1e-12);
        Assert.Equal(Math.Cbrt(324) - 1, composite.Score, 1e-12);
        Assert.True(composite.Score < (2 * 5 + 8) / 3.0); // less compensatory than the arithmetic mean
    }

    [Fact]
    public void A_missing_indicator_drops_out_and_weights_are_rescaled()
    {
        var composite = Aggregation.Combine([double.NaN, 3, 8], IndicatorWeights, DomainOf, DomainWeights)!;
        Assert.Equal(3, composite.DomainScores[0]!.Value, 1e-12);
        Assert.Equal(Math.Exp((2 * Math.Log(4) + Math.Log(9)) / 3) - 1, composite.Score, 1e-12);
        Assert.Equal(0, composite.Contributions[Incidents]);
    }

    [Fact]
    public void A_missing_domain_drops_out_so_the_composite_is_the_remaining_domain()
    {
        var composite = Aggregation.Combine([6, 3, double.NaN], IndicatorWeights, DomainOf, DomainWeights)!;
        Assert.Null(composite.DomainScores[1]);
        Assert.Equal(5, composite.Score, 1e-12);
        Assert.Equal(5, composite.Contributions.Sum(), 1e-12);
    }

    [Fact]
    public void A_unit_without_any_indicator_has_no_score()
    {
        Assert.Null(Aggregation.Combine([double.NaN, double.NaN, double.NaN], IndicatorWeights, DomainOf, DomainWeights));
        Assert.True(double.IsNaN(Aggregation.Score([double.NaN, double.NaN, double.NaN], IndicatorWeights, DomainOf, DomainWeights)));
    }

    [Fact]
    public void All_domains_at_zero_give_zero_with_zero_contributions()
    {
        var composite = Aggregation.Combine([0, 0, 0], IndicatorWeights, DomainOf, DomainWeights)!;
        Assert.Equal(0, composite.Score);
        Assert.All(composite.Contributions, c => Assert.Equal(0, c));
    }

    [Theory]
    [InlineData(10, 5, 6.6667)]
    [InlineData(0, 0, 9)]
    [InlineData(0.1, 9.9, 0)]
    [InlineData(double.NaN, 4, 2)]
    [InlineData(7, double.NaN, double.NaN)]
    [InlineData(10, 10, 10)]
    public void Contributions_add_up_to_the_composite(double incidents, double absence, double pass)
    {
        var composite = Aggregation.Combine([incidents, absence, pass], IndicatorWeights, DomainOf, DomainWeights)!;
        Assert.Equal(composite.Score, composite.Contributions.Sum(), 1e-12);
        Assert.All(composite.Contributions, c => Assert.True(c >= 0));
        Assert.Equal(composite.Score, Aggregation.Score([incidents, absence, pass], IndicatorWeights, DomainOf, DomainWeights), 1e-12);
    }

    [Fact]
    public void Contributions_add_up_for_many_pseudo_random_units()
    {
        var random = new Random(7);
        var weights = new[] { 0.5, 1.5, 1, 2, 0.25 };
        int[] domainOf = [0, 0, 1, 2, 2];
        double[] domainWeights = [1, 3, 0.5];
        for (var n = 0; n < 500; n++)
        {
            var scores = weights.Select(_ => random.NextDouble() < 0.2 ? double.NaN : 10 * random.NextDouble()).ToArray();
            var composite = Aggregation.Combine(scores, weights, domainOf, domainWeights);
            if (composite is null) continue;
            Assert.Equal(composite.Score, composite.Contributions.Sum(), 1e-9);
            Assert.InRange(composite.Score, 0, 10);
        }
    }

    [Fact]
    public void A_higher_indicator_score_never_lowers_the_composite()
    {
        double[] others = [0, 2.5, 5, 10];
        foreach (var a in others)
            foreach (var p in others)
            {
                var previous = double.NegativeInfinity;
                for (var s = 0.0; s <= 10; s += 0.5)
                {
                    var score = Aggregation.Score([s, a, p], IndicatorWeights, DomainOf, DomainWeights);
                    Assert.True(score >= previous, $"s={s} a={a} p={p}");
                    previous = score;
                }
            }
    }

    [Fact]
    public void All_replications_at_once_give_each_replication_the_same_composite_bit_for_bit()
    {
        // 7 indicators in 3 domains, 203 replications (not a multiple of any vector width); some indicators missing
        // throughout, some redrawn per replication, one domain empty, one weight perturbed below zero.
        const int replications = 203, indicators = 7, domains = 3;
        int[] domainOf = [0, 0, 1, 1, 1, 2, 2];
        var random = new ScoringRandom(ScoringRandom.Key(5));
        var scores = new double[indicators * replications];
        var weights = new double[indicators * replications];
        var domainWeights = new double[domains * replications];
        for (var i = 0; i < indicators; i++)
        {
            var constant = 10 * random.NextDouble();
            for (var r = 0; r < replications; r++)
            {
                scores[i * replications + r] = i is 5 or 6 ? double.NaN : i % 2 == 0 ? 10 * random.NextDouble() : constant;
                weights[i * replications + r] = (1 + i % 3) * (i == 1 && r == 7 ? -0.5 : 0.75 + 0.5 * random.NextDouble());
            }
        }
        for (var k = 0; k < domainWeights.Length; k++) domainWeights[k] = 0.75 + 0.5 * random.NextDouble();
        var composites = new double[replications];

        Aggregation.ScoreReplications(scores, weights, domainOf, domainWeights, new double[domains * replications], new double[domains * replications], composites);

        for (var r = 0; r < replications; r++)
        {
            double[] Column(double[] values, int rows) => [.. Enumerable.Range(0, rows).Select(k => values[k * replications + r])];
            Assert.Equal(Aggregation.Score(Column(scores, indicators), Column(weights, indicators), domainOf, Column(domainWeights, domains)), composites[r]);
        }
        Assert.Equal(replications, composites.Distinct().Count());
    }
}
