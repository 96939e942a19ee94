using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Scoring;
using static RiskMap.Core.Tests.Scoring.ScoringFixtures;

namespace RiskMap.Core.Tests.Scoring;

/// <summary>The worked example of docs/methodology-1.0.md (riskmap-1.0), step by step and through the engine, against the numbers in the document.</summary>
public class WorkedExampleTests
{
    private const double Tolerance = 5e-4; // the document rounds to 4 decimals

    private static readonly double[] SmoothedPerThousand = [13.1856, 12.2961, 9.9560, 6.7151];
    private static readonly double[][] Normalised = // per school: incidents, absence, pass rate
    [
        [10, 5, 6.6667],
        [8.6254, 0, 1.6667],
        [5.0088, 10, 10],
        [0, 2.5, 0],
    ];
    private static readonly double[][] DomainScores = [[8.3333, 6.6667], [5.7503, 1.6667], [6.6725, 10], [0.8333, 0]];
    private static readonly double[] Composites = [7.7410, 3.9530, 7.6515, 0.4979];
    private static readonly double[][] Contributions =
    [
        [4.2534, 1.0633, 2.4242],
        [3.1453, 0, 0.8078],
        [2.4107, 2.4064, 2.8344],
        [0, 0.4979, 0],
    ];
    private static readonly RiskClass[] Classes = [RiskClass.VeryHigh, RiskClass.Medium, RiskClass.VeryHigh, RiskClass.VeryLow];
    private static readonly int[] Ranks = [1, 3, 2, 4];

    [Fact]
    public void Step4_empirical_bayes_matches_the_document()
    {
        // b = 24/2440, s² = 0.093934/2440, a = s² − b/610; C_A = a/(a + b/40) = 0.0834.
        var b = 24.0 / 2440;
        Assert.Equal(0.0098361, b, 1e-7);
        var smoothed = EmpiricalBayes.Smooth(Events, Pupils);
        for (var u = 0; u < 4; u++) Assert.Equal(SmoothedPerThousand[u], smoothed[u] * 1000, Tolerance);

        // The shrinkage factors C = (r̃ − b)/(r − b).
        double[] c = [0.0834, 0.4764, 0.7319, 0.6453];
        for (var u = 0; u < 4; u++) Assert.Equal(c[u], (smoothed[u] - b) / (Events[u] / Pupils[u] - b), 5e-5);
    }

    [Fact]
    public void Step5_no_indicator_of_the_example_needs_outlier_treatment()
    {
        var methodology = new Methodology();
        var incidents = EmpiricalBayes.Smooth(Events, Pupils).Select(r => r * 1000).ToArray();
        Assert.Equal(-0.886, Statistics.Skewness(incidents), 1e-3);
        Assert.Equal(-0.480, Statistics.Kurtosis(incidents), 1e-3);
        Assert.Equal(0.753, Statistics.Skewness(AbsencePercent), 1e-3);
        Assert.Equal(-3.033, Statistics.Kurtosis(PassPercent), 1e-3);
        foreach (var values in new[] { incidents, (double[])AbsencePercent.Clone(), (double[])PassPercent.Clone() })
            Assert.Equal(TreatmentKind.None, OutlierTreatment.Apply(values, methodology).Kind);
    }

    [Fact]
    public void Step6_normalisation_matches_the_document()
    {
        var incidents = Normalisation.ToRiskScale(EmpiricalBayes.Smooth(Events, Pupils), Direction.HigherIsWorse, NormalisationMethod.MinMax);
        var absence = Normalisation.ToRiskScale(AbsencePercent, Direction.HigherIsWorse, NormalisationMethod.MinMax);
        var pass = Normalisation.ToRiskScale(PassPercent, Direction.HigherIsBetter, NormalisationMethod.MinMax);
        for (var u = 0; u < 4; u++)
        {
            Assert.Equal(Normalised[u][0], incidents[u], Tolerance);
            Assert.Equal(Normalised[u][1], absence[u], Tolerance);
            Assert.Equal(Normalised[u][2], pass[u], Tolerance);
        }

        // Without smoothing, A's 40 pupils would decide the scale: A 10, B 2.22, C 1.11, D 0.
        var raw = Normalisation.ToRiskScale(Events.Select((e, u) => e / Pupils[u]).ToArray(), Direction.HigherIsWorse, NormalisationMethod.MinMax);
        Assert.Equal([10, 2.2222, 1.1111, 0], raw.Select(v => Math.Round(v, 4)));
    }

    [Fact]
    public void Steps7_to_9_and_12_aggregation_contributions_classes_and_ranks_match_the_document()
    {
        var composites = new double[4];
        for (var u = 0; u < 4; u++)
        {
            var composite = Aggregation.Combine(ExactScores(u), IndicatorWeights, DomainOf, DomainWeights);
            Assert.NotNull(composite);
            composites[u] = composite.Score;
            Assert.Equal(Composites[u], composite.Score, Tolerance);
            Assert.Equal(DomainScores[u][0], composite.DomainScores[0]!.Value, Tolerance);
            Assert.Equal(DomainScores[u][1], composite.DomainScores[1]!.Value, Tolerance);
            for (var i = 0; i < 3; i++) Assert.Equal(Contributions[u][i], composite.Contributions[i], Tolerance);
            Assert.Equal(composite.Score, composite.Contributions.Sum(), 1e-12);
            Assert.Equal(Classes[u], RiskClasses.ByThresholds(composite.Score, new Methodology().ClassThresholds));
        }
        Assert.Equal(Ranks, Ranking.Ranks(composites));
    }

    [Fact]
    public void The_shift_by_one_keeps_a_unit_with_one_domain_at_zero_above_zero()
    {
        // School D: Protection 0.8333, Education 0. INFORM's unshifted geometric mean would give exactly 0.
        var d = Aggregation.Combine(ExactScores(3), IndicatorWeights, DomainOf, DomainWeights)!;
        Assert.Equal(0.0, d.DomainScores[1]);
        Assert.Equal(Math.Pow(0.8333 + 1, 2.0 / 3) - 1, d.Score, 1e-4);
        Assert.True(d.Score > 0.49);
    }

    [Fact]
    public void The_engine_reproduces_the_worked_example_for_schools()
    {
        var result = ScoringEngine.Run(WorkedExampleInput(), new Methodology { Version = Methodology.Version1, Replications = 50 });

        Assert.Empty(result.Treatments);
        for (var u = 0; u < 4; u++)
        {
            var score = Score(result, EntityLevel.School, Schools[u]);
            Assert.Equal(Composites[u], score.Score!.Value, Tolerance);
            Assert.Equal(DomainScores[u][0], score.DomainScores[0]!.Value, Tolerance);
            Assert.Equal(DomainScores[u][1], score.DomainScores[1]!.Value, Tolerance);
            for (var i = 0; i < 3; i++) Assert.Equal(Contributions[u][i], score.Contributions[i], Tolerance);
            Assert.Equal(Classes[u], score.Class);
            Assert.Equal(Ranks[u], score.Rank);
            Assert.Equal(10, score.Reliability, 1e-12);
            Assert.False(score.LowReliability);
            Assert.Null(score.ChangeFromPreviousQuarter);
            Assert.Null(score.ChangeFromYearBefore);
            Assert.NotNull(score.Band);
        }

        // B and D keep ranks 3 and 4 under any ±25 % change of weights; A and C share ranks 1–2.
        Assert.Equal(new RankBand(3, 3, 3), Score(result, EntityLevel.School, "B").Band);
        Assert.Equal(new RankBand(4, 4, 4), Score(result, EntityLevel.School, "D").Band);
        foreach (var code in new[] { "A", "C" })
        {
            var band = Score(result, EntityLevel.School, code).Band!;
            Assert.InRange(band.Low, 1, 2);
            Assert.InRange(band.High, band.Median, 2);
            Assert.InRange(band.Median, band.Low, band.High);
        }
    }

    [Fact]
    public void The_example_aggregates_to_districts_and_region_from_summed_counts()
    {
        var input = WorkedExampleInput();
        bool[] isCount = [true, false, false];
        input.Districts.AggregateFrom(input.Schools, isCount);
        input.Regions.AggregateFrom(input.Districts, isCount);

        // X: 8 events over 440 pupils (18.18 ‰), not the mean of 50 ‰ and 15 ‰; absence (40·9 + 400·6)/440.
        var districts = input.Districts;
        Assert.Equal(8, districts.Values[districts.Cell(0, Incidents, 0)]);
        Assert.Equal(440, districts.Denominators[districts.Cell(0, Incidents, 0)]);
        Assert.Equal(18.18, 1000 * 8 / 440.0, 0.005);
        Assert.Equal(16, districts.Values[districts.Cell(0, Incidents, 1)]);
        Assert.Equal(2000, districts.Denominators[districts.Cell(0, Incidents, 1)]);
        Assert.Equal(2760.0 / 440, districts.Values[districts.Cell(0, Absence, 0)], 1e-12);
        Assert.Equal(6.2727, districts.Values[districts.Cell(0, Absence, 0)], 1e-4);
        Assert.Equal((40 * 70 + 400 * 85) / 440.0, districts.Values[districts.Cell(0, PassRate, 0)], 1e-12);
        var regions = input.Regions;
        Assert.Equal(24, regions.Values[regions.Cell(0, Incidents, 0)]);
        Assert.Equal(2440, regions.Denominators[regions.Cell(0, Incidents, 0)]);
    }

    [Fact]
    public void The_engine_scores_the_examples_districts_and_region()
    {
        var result = ScoringEngine.Run(WorkedExampleInput(), new Methodology { Version = Methodology.Version1, Replications = 50 });

        // Two districts: X has the higher smoothed incident rate, the lower absence and the higher pass rate.
        var x = Score(result, EntityLevel.District, "X");
        var y = Score(result, EntityLevel.District, "Y");
        // Protection: X incidents 10, absence 0 → (2·10 + 0)/3; Y incidents 0, absence 10 → 10/3. Education: X 0 (better pass rate), Y 10.
        Assert.Equal(20.0 / 3, x.DomainScores[0]!.Value, 1e-9);
        Assert.Equal(0, x.DomainScores[1]!.Value, 1e-9);
        Assert.Equal(10.0 / 3, y.DomainScores[0]!.Value, 1e-9);
        Assert.Equal(10, y.DomainScores[1]!.Value, 1e-9);
        Assert.Equal(Math.Exp(2 * Math.Log(20.0 / 3 + 1) / 3) - 1, x.Score!.Value, 1e-9);

        // One region: nobody is riskier than anybody else on any indicator.
        var r = Score(result, EntityLevel.Region, "R");
        Assert.Equal(0, r.Score);
        Assert.Equal(RiskClass.VeryLow, r.Class);
        Assert.Equal(1, r.Rank);
    }

    /// <summary>School <paramref name="u"/>'s exact normalised scores (computed, not the rounded table).</summary>
    private static double[] ExactScores(int u)
    {
        var incidents = Normalisation.ToRiskScale(EmpiricalBayes.Smooth(Events, Pupils), Direction.HigherIsWorse, NormalisationMethod.MinMax);
        var absence = Normalisation.ToRiskScale(AbsencePercent, Direction.HigherIsWorse, NormalisationMethod.MinMax);
        var pass = Normalisation.ToRiskScale(PassPercent, Direction.HigherIsBetter, NormalisationMethod.MinMax);
        return [incidents[u], absence[u], pass[u]];
    }
}
