using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

/// <summary>The generator of methodology 2.0 is the one docs/methodology.md describes, so anyone can reproduce a run's draws.</summary>
public class ScoringRandomTests
{
    private static ScoringRandom Stream() => new(ScoringRandom.Key(20240101, 1, 2, 0));

    [Fact]
    public void Normals_and_gammas_are_those_of_the_documented_ziggurat_and_Marsaglia_Tsang_bit_for_bit()
    {
        // Expected values from scoring_random_reference.py beside this file: the document's description in Python (same libm).
        var random = Stream();
        Assert.Equal([1.3642209948983317, -0.3785957110453775, 0.11650923640199383, 0.40743934880482274, -0.20284038416442407, -1.3051688931223617],
            Enumerable.Range(0, 6).Select(_ => random.NextNormal()));

        random = Stream();
        var (normals, small, large) = (0.0, 0.0, 0.0);
        for (var k = 0; k < 100_000; k++) normals += random.NextNormal(); // long enough to take the tail and the wedges
        var (below1, above1) = (new GammaShape(0.27), new GammaShape(3.27));
        for (var k = 0; k < 20_000; k++) small += random.NextGamma(below1);
        for (var k = 0; k < 20_000; k++) large += random.NextGamma(above1);
        Assert.Equal(-204.37078947916484, normals);
        Assert.Equal(5317.77997321863, small);
        Assert.Equal(65709.03526842804, large);
    }

    [Fact]
    public void A_share_is_drawn_from_its_Beta_posterior_as_two_gammas_in_the_documented_order_bit_for_bit()
    {
        // Expected values from scoring_random_reference.py: Gamma(successes), then Gamma(failures), 100 · x / (x + y).
        var random = new ScoringRandom(ScoringRandom.Key(20240101, 1, 2, 1));
        var small = IndicatorPosterior.Share(new GammaShape(2.2), new GammaShape(37.8));
        Assert.Equal([3.5285438347448497, 5.6427408278414495, 6.328563706938298, 7.240097621424893],
            Enumerable.Range(0, 4).Select(_ => small.Draw(ref random)));

        var (rare, common) = (IndicatorPosterior.Share(new GammaShape(0.6), new GammaShape(40.4)), IndicatorPosterior.Share(new GammaShape(30.3), new GammaShape(270.7)));
        var (rareSum, commonSum) = (0.0, 0.0);
        for (var k = 0; k < 20_000; k++) rareSum += rare.Draw(ref random);
        for (var k = 0; k < 20_000; k++) commonSum += common.Draw(ref random);
        Assert.Equal(29721.837104485774, rareSum);
        Assert.Equal(201498.25748136436, commonSum);
    }

    [Fact]
    public void Normals_have_the_standard_normal_distribution_in_the_body_and_the_tails()
    {
        var random = Stream();
        const int draws = 2_000_000;
        double[] points = [-3.5, -3, -2, -1, 0, 1, 2, 3, 3.5];
        double[] expected = [2.3263e-4, 1.34990e-3, 0.0227501, 0.158655, 0.5, 0.841345, 0.9772499, 0.9986501, 0.99976737];
        var below = new int[points.Length];
        for (var k = 0; k < draws; k++)
        {
            var x = random.NextNormal();
            for (var p = 0; p < points.Length; p++)
                if (x <= points[p]) below[p]++;
        }
        for (var p = 0; p < points.Length; p++)
        {
            var standardError = Math.Sqrt(expected[p] * (1 - expected[p]) / draws);
            Assert.InRange(below[p] / (double)draws, expected[p] - 4.5 * standardError, expected[p] + 4.5 * standardError);
        }
    }
}
