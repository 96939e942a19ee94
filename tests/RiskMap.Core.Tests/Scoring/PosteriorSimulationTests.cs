using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Scoring;
using static RiskMap.Core.Tests.Scoring.Synthetic;

namespace RiskMap.Core.Tests.Scoring;

/// <summary>
/// The Monte Carlo's shortcuts (rates that all score alike are not drawn or scaled exactly) must not change a published
/// interval, probability or rank band by a single bit: a run stays reproducible with the build that made it.
/// </summary>
public class PosteriorSimulationTests
{
    [Fact]
    public void A_fixed_run_publishes_the_intervals_probabilities_and_rank_bands_it_published_before_the_shortcuts()
    {
        var result = ScoringEngine.Run(Levels(schools: 120, districts: 6, periods: 6).Input, Version2 with { Replications = 50 });

        // Printed by the build before DrawScale and NextGamma's shortcut (commit 76ad95d). This run's posterior shapes are
        // all above 1, so it pins the clamps; the boost's shortcut is checked draw by draw in the last test.
        var schools = Latest(result, EntityLevel.School);
        Assert.Equal(new ScoreUncertainty(1.297984939495545, 2.247413094294986, 0, true, schools[0].Uncertainty!.ClearChangeFromYearBefore), schools[0].Uncertainty);
        Assert.Equal(new ScoreUncertainty(2.0814044995888583, 4.91169560970402, 0.46, false, schools[1].Uncertainty!.ClearChangeFromYearBefore), schools[1].Uncertainty);
        Assert.Equal(new RankBand(75, 16, 95), schools[1].Band);
        Assert.Equal(287.21359197398283, schools.Sum(s => s.Uncertainty!.Low));
        Assert.Equal(535.1227309264616, schools.Sum(s => s.Uncertainty!.High));
        Assert.Equal(9550112, schools.Sum(s => s.Band!.Low + s.Band.High * 1000));
        var districts = Latest(result, EntityLevel.District);
        Assert.Equal(11.725241656444702, districts.Sum(s => s.Uncertainty!.Low));
        Assert.Equal(34.37244627595548, districts.Sum(s => s.Uncertainty!.High));
    }

    public static TheoryData<Goalpost> Goalposts() =>
    [
        new(Direction.HigherIsWorse, new Treatment(TreatmentKind.None, 0, 0, 0), true, 0, 2.5, 40, 0),
        new(Direction.HigherIsWorse, new Treatment(TreatmentKind.Winsorised, 2, 3, 9), true, 0, 1.3, 7.1, 0.2),
        new(Direction.HigherIsWorse, new Treatment(TreatmentKind.LogTransformed, 0, 5, 30), true, 0.1, Math.Log(1.7), Math.Log(60), 0),
        new(Direction.HigherIsWorse, new Treatment(TreatmentKind.LogTransformed, 0, -5, 30), false, 12, -Math.Log(11), -Math.Log(2), -Math.Log(12)),
        new(Direction.HigherIsBetter, new Treatment(TreatmentKind.None, 0, 0, 0), false, 0, -30, -1.5, -30),
        new(Direction.HigherIsBetter, new Treatment(TreatmentKind.LogTransformed, 0, -4, 20), false, -0.5, -Math.Log(25), -Math.Log(3), -Math.Log(40)),
    ];

    [Theory]
    [MemberData(nameof(Goalposts))]
    public void The_scale_with_its_clamps_taken_first_scores_every_rate_as_the_goalpost_does_bit_for_bit(Goalpost goalpost)
    {
        var scale = new DrawScale(goalpost);
        Assert.True(scale.FlatBelow < scale.FlatAbove);

        var random = new ScoringRandom(ScoringRandom.Key(5));
        var rates = new List<double> { 0, double.Epsilon, scale.FlatBelow, scale.FlatAbove, 1e300 };
        foreach (var edge in new[] { scale.FlatBelow, scale.FlatAbove })
        {
            var (down, up) = (edge, edge);
            for (var step = 0; step < 50; step++) rates.AddRange([down = Math.BitDecrement(down), up = Math.BitIncrement(up)]);
        }
        for (var k = 0; k < 20_000; k++) rates.Add(scale.FlatAbove * 1.5 * random.NextDouble());
        foreach (var rate in rates)
            Assert.Equal(BitConverter.DoubleToInt64Bits(goalpost.Scale(rate).Score), BitConverter.DoubleToInt64Bits(scale.Score(rate)));
        // The bounds are tight: just past them the transform decides.
        Assert.NotEqual(goalpost.Scale(0).Score, goalpost.Scale(Math.BitIncrement(scale.FlatBelow)).Score);
        Assert.NotEqual(goalpost.Scale(1e300).Score, goalpost.Scale(Math.BitDecrement(scale.FlatAbove)).Score);
    }

    [Fact]
    public void A_gamma_draw_that_may_stop_at_a_bound_leaves_the_stream_and_every_draw_above_the_bound_unchanged()
    {
        var (exact, bounded) = (new ScoringRandom(ScoringRandom.Key(9)), new ScoringRandom(ScoringRandom.Key(9)));
        var (shortened, kept) = (0, 0);
        foreach (var shape in new[] { 0.05, 0.3, 0.9, 1.4, 6 })
        {
            var gamma = new GammaShape(shape);
            for (var k = 0; k < 5_000; k++)
            {
                var (value, alike) = (exact.NextGamma(gamma), bounded.NextGamma(gamma, 0.5));
                if (value > 0.5)
                {
                    Assert.Equal(value, alike);
                    kept++;
                }
                else
                {
                    Assert.True(alike <= 0.5);
                    if (alike != value) shortened++;
                }
            }
        }
        Assert.Equal(exact.NextUInt64(), bounded.NextUInt64());
        Assert.True(shortened > 1_000 && kept > 1_000, $"shortened {shortened}, kept {kept}");
    }

    private static List<UnitScore> Latest(ScoringResult result, EntityLevel level)
    {
        var last = result.Scores[level].Max(s => s.Period);
        return [.. result.Scores[level].Where(s => s.Period == last)];
    }
}
