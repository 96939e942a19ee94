using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

/// <summary>The hand-worked example of methodology 2.0 in docs/methodology.md ("Worked example"), step by step.</summary>
public class WorkedExample2Tests
{
    private static readonly string[] Districts = ["A", "B", "C", "D"];
    private static readonly double[] Pupils = [500, 1000, 2000, 4000];
    private static readonly double[][] Incidents = [[10, 8, 12, 10, 10], [8, 6, 9, 7, 15], [8, 10, 9, 9, 9], [12, 14, 13, 13, 30]];
    private static readonly double[][] Absence = [[8, 9, 10, 9, 9], [6, 6.5, 7, 6.5, 7], [5, 5, 5.5, 5, 4.5], [4, 4.5, 4, 4, 12]];

    private static ScoringResult Run()
    {
        var catalogue = new Catalogue(
            [
                new IndicatorSpec("incidents", "protection", Direction.HigherIsWorse, IsCount: true, Weight: 1),
                new IndicatorSpec("absence", "protection", Direction.HigherIsWorse, IsCount: false, Weight: 1),
            ],
            [new DomainSpec("protection", 1)]);
        var input = new ScoringInput(catalogue, ScoringFixtures.Quarters(5),
            new LevelData([], [], [], 2, 5),
            new LevelData(Districts, ["R", "R", "R", "R"], Pupils, 2, 5),
            new LevelData(["R"], [null], [Pupils.Sum()], 2, 5));
        for (var t = 0; t < 5; t++)
            for (var u = 0; u < 4; u++)
            {
                input.Districts.Set(t, 0, u, Incidents[u][t], null);
                input.Districts.Set(t, 1, u, Absence[u][t], null);
            }
        return ScoringEngine.Run(input, new Methodology { Version = Methodology.Version2 });
    }

    private static readonly ScoringResult Result = Run();

    private static UnitScore At(string code, int t) =>
        Result.Scores[EntityLevel.District].Single(s => s.Code == code && s.Period == ScoringFixtures.Quarters(t + 1)[t]);

    private static LevelReference Reference => Result.References!.Single(r => r.Level == EntityLevel.District);

    [Fact]
    public void Step_4_the_prior_is_pooled_over_the_four_reference_quarters()
    {
        var prior = Reference.Priors["incidents"];
        Assert.Equal(158.0 / 30_000, prior.Mean, 15); // 5.2667 per 1,000
        Assert.Equal(1.54033e-5, prior.Variance, 10);
        Assert.True(prior.HasSignal);
        Assert.Equal(1.8008, prior.Alpha, 4);
        Assert.Equal(341.917, prior.Beta, 3);
        Assert.Equal(ScoringFixtures.Quarters(4), Reference.Quarters);
    }

    [Fact]
    public void Step_6_the_goalposts_come_from_the_reference_and_score_every_quarter_alike()
    {
        var incidents = Reference.Goalposts["incidents"];
        var absence = Reference.Goalposts["absence"];
        Assert.Equal(5.2667, incidents.Lower, 4); // the pooled rate: at or below it is no sign of risk
        Assert.Equal(16.3921, incidents.Upper, 4); // A in Q3
        Assert.Equal((4, 10), (absence.Lower, absence.Upper));

        double[] incidentsQ4 = [7.8648, 1.1610, 0, 0], absenceQ4 = [8.3333, 4.1667, 1.6667, 0];
        for (var u = 0; u < 4; u++)
        {
            Assert.Equal(incidentsQ4[u], At(Districts[u], 3).IndicatorScores[0], 4);
            Assert.Equal(absenceQ4[u], At(Districts[u], 3).IndicatorScores[1], 4);
        }
        Assert.Equal(6.5196, At("B", 4).IndicatorScores[0], 4);
        Assert.Equal(1.8493, At("D", 4).IndicatorScores[0], 4);
        Assert.Equal(10, At("D", 4).IndicatorScores[1]); // absence 12 % lies beyond the reference maximum of 10 %
        Assert.Equal([false, true], At("D", 4).OutOfRange!);
    }

    [Fact]
    public void Step_7_composites_thresholds_and_levels()
    {
        double[][] composite = [[7.2657, 7.0314, 10, 8.0991, 8.0991], [2.5821, 2.3289, 3.7503, 2.6638, 5.7598],
            [0.8333, 0.8333, 1.25, 0.8333, 0.4167], [0, 0.4167, 0, 0, 5.9247]];
        for (var u = 0; u < 4; u++)
            for (var t = 0; t < 5; t++) Assert.Equal(composite[u][t], At(Districts[u], t).Score!.Value, 4);

        Assert.Equal([0.4167, 0.8333, 2.5821, 7.0314], Reference.ClassThresholds.Select(x => Math.Round(x, 4)));
        Assert.Equal(0.8561, Reference.LevelMargin, 4); // 2.0547 × the median quarterly change 0.4167
        // C's 0.4167 in Q5 is low by the thresholds but within the margin of its medium band: it stays medium; D's jump
        // from very low to high is not held.
        Assert.Equal([RiskClass.VeryHigh, RiskClass.High, RiskClass.Medium, RiskClass.High], Districts.Select(d => At(d, 4).Class!.Value));
        // In Q2 B's dip to 2.3289 and D's rise to 0.4167 cross a threshold by less than the margin: both keep their level.
        Assert.Equal([RiskClass.Medium, RiskClass.Low], new[] { "B", "D" }.Select(d => RiskClasses.ByThresholds(At(d, 1).Score!.Value, Reference.ClassThresholds)));
        Assert.Equal([RiskClass.High, RiskClass.VeryLow], new[] { "B", "D" }.Select(d => At(d, 1).Class!.Value));
        Assert.Equal(At("A", 3).Score, At("A", 4).Score); // unchanged input, unchanged score
        Assert.All(Districts, d => Assert.Equal(10, At(d, 4).Reliability));
    }
}
