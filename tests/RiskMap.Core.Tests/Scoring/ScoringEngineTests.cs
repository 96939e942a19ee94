using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Scoring;
using static RiskMap.Core.Tests.Scoring.ScoringFixtures;

namespace RiskMap.Core.Tests.Scoring;

public class ScoringEngineTests
{
    private static readonly Methodology Fast = new() { Version = Methodology.Version1, Replications = 0 };

    [Fact]
    public void Reliability_counts_stale_values_as_half_and_ignores_indicators_nobody_at_the_level_reports()
    {
        // Weight shares: incidents 4/9, absence 2/9, pass rate 1/3; no school reports a pass rate, so only 6/9 count.
        var input = EmptyInput(periods: 2);
        var s = input.Schools;
        for (var u = 0; u < 4; u++) s.Set(0, Incidents, u, Events[u], null);
        for (var u = 0; u < 3; u++) s.Set(0, Absence, u, AbsencePercent[u], null); // D never reports absence
        s.Set(1, Incidents, 1, 6, null); // quarter 1: A and D carry incidents forward
        s.Set(1, Incidents, 2, 12, null);
        s.Set(1, Absence, 0, 9, null); // B carries absence forward
        s.Set(1, Absence, 2, 12, null);

        var result = ScoringEngine.Run(input, Fast);
        double Reliability(EntityLevel level, string code, int t) => Score(result, level, code, t).Reliability;

        Assert.Equal(10, Reliability(EntityLevel.School, "C", 1), 1e-12); // would be 6.67 if the pass rate counted
        Assert.Equal(10 * (2.0 / 9 + 2.0 / 9) / (6.0 / 9), Reliability(EntityLevel.School, "A", 1), 1e-12); // 6.67
        Assert.Equal(10 * (4.0 / 9 + 1.0 / 9) / (6.0 / 9), Reliability(EntityLevel.School, "B", 1), 1e-12); // 8.33
        Assert.Equal(10 * (4.0 / 9) / (6.0 / 9), Reliability(EntityLevel.School, "D", 0), 1e-12); // 6.67
        Assert.Equal(10 * (2.0 / 9) / (6.0 / 9), Reliability(EntityLevel.School, "D", 1), 1e-12); // 3.33
        Assert.False(Score(result, EntityLevel.School, "D", 0).LowReliability);
        Assert.True(Score(result, EntityLevel.School, "D", 1).LowReliability);

        // Districts: an aggregate with any stale school value is stale. X: both stale → 5; Y: incidents stale → 6.67.
        Assert.Equal(5, Reliability(EntityLevel.District, "X", 1), 1e-12);
        Assert.True(Score(result, EntityLevel.District, "X", 1).LowReliability);
        Assert.Equal(10 * (2.0 / 9 + 2.0 / 9) / (6.0 / 9), Reliability(EntityLevel.District, "Y", 1), 1e-12);
    }

    [Fact]
    public void A_unit_without_data_has_no_score_class_or_rank_and_zero_reliability()
    {
        var input = WorkedExampleInput();
        for (var i = 0; i < 3; i++) input.Schools.Values[input.Schools.Cell(0, i, 3)] = double.NaN;
        var result = ScoringEngine.Run(input, new Methodology { Version = Methodology.Version1, Replications = 20 });

        var d = Score(result, EntityLevel.School, "D");
        Assert.Null(d.Score);
        Assert.Null(d.Class);
        Assert.Equal(0, d.Rank);
        Assert.Null(d.Band);
        Assert.Equal(0, d.Reliability);
        Assert.True(d.LowReliability);
        Assert.Equal(3, result.Scores[EntityLevel.School].Max(x => x.Rank));
    }

    [Fact]
    public void Carry_forward_in_the_engine_stops_after_the_lookback()
    {
        var input = EmptyInput(periods: 7);
        for (var u = 0; u < 4; u++) input.Schools.Set(0, Absence, u, AbsencePercent[u], null);
        var result = ScoringEngine.Run(input, Fast);

        for (var t = 1; t <= 4; t++)
        {
            var a = Score(result, EntityLevel.School, "A", t);
            Assert.Equal(5, a.Score!.Value, 1e-12); // absence alone: A's 9 % between 6 and 12
            Assert.Equal(5, a.Reliability, 1e-12); // stale
        }
        Assert.Null(Score(result, EntityLevel.School, "A", 5).Score);
        Assert.Null(Score(result, EntityLevel.School, "A", 6).Score);
    }

    [Fact]
    public void Outlier_treatments_are_recorded_per_level_quarter_and_indicator()
    {
        var codes = Enumerable.Range(1, 10).Select(i => $"s{i}").ToArray();
        var schools = new LevelData(codes, codes.Select(_ => (string?)"X").ToArray(), codes.Select(_ => 100.0).ToArray(), 3, 2);
        for (var u = 0; u < 10; u++)
        {
            schools.Set(0, Absence, u, u + 1, null);
            schools.Set(1, Absence, u, u == 9 ? 100 : u + 1, null);
            schools.Set(1, PassRate, u, 50 + u, null);
        }
        var input = new ScoringInput(Example, Quarters(2), schools,
            new LevelData(["X"], ["R"], [1000], 3, 2), new LevelData(["R"], [null], [1000], 3, 2));

        var result = ScoringEngine.Run(input, Fast);

        var treatment = Assert.Single(result.Treatments);
        Assert.Equal(EntityLevel.School, treatment.Level);
        Assert.Equal(new Quarter(2024, 2), treatment.Period);
        Assert.Equal("absence", treatment.Indicator);
        Assert.Equal(TreatmentKind.Winsorised, treatment.Treatment.Kind);
        Assert.Equal(1, treatment.Treatment.PointsWinsorised);
        // Winsorised to 9, the outlier shares the top score with the school at 9.
        Assert.Equal(Score(result, EntityLevel.School, "s9", 1).DomainScores[0], Score(result, EntityLevel.School, "s10", 1).DomainScores[0]);
    }

    [Fact]
    public void Trend_compares_with_the_previous_quarter_and_the_same_quarter_a_year_earlier()
    {
        var input = WorkedExampleInput(periods: 6);
        input.Schools.Set(4, Absence, 3, 12, null); // D's absence jumps to the top in quarter 4 only
        input.Schools.Set(5, PassRate, 1, 50, null); // B's pass rate falls below C's 60 in quarter 5
        var result = ScoringEngine.Run(input, Fast);

        double Composite(string code, int t) => Score(result, EntityLevel.School, code, t).Score!.Value;
        for (var t = 0; t < 4; t++) Assert.Null(Score(result, EntityLevel.School, "D", t).ChangeFromYearBefore);
        Assert.Null(Score(result, EntityLevel.School, "D", 0).ChangeFromPreviousQuarter);
        Assert.Equal(0, Score(result, EntityLevel.School, "D", 3).ChangeFromPreviousQuarter!.Value, 1e-12);

        var d4 = Score(result, EntityLevel.School, "D", 4);
        Assert.Equal(Composite("D", 4) - Composite("D", 3), d4.ChangeFromPreviousQuarter!.Value, 1e-12);
        Assert.Equal(Composite("D", 4) - Composite("D", 0), d4.ChangeFromYearBefore!.Value, 1e-12);
        Assert.True(d4.ChangeFromPreviousQuarter > 1);

        var d5 = Score(result, EntityLevel.School, "D", 5);
        Assert.Equal(Composite("D", 5) - Composite("D", 4), d5.ChangeFromPreviousQuarter!.Value, 1e-12);
        Assert.Equal(Composite("D", 5) - Composite("D", 1), d5.ChangeFromYearBefore!.Value, 1e-12);
        // Relative scores: C's data never change, yet its score falls when B's pass rate drops below C's
        // (C's pass-rate score goes from 10 to 7.5).
        Assert.Equal(0, Score(result, EntityLevel.School, "C", 4).ChangeFromPreviousQuarter!.Value, 1e-12);
        var c5 = Score(result, EntityLevel.School, "C", 5);
        Assert.Equal(7.5, c5.DomainScores[1]!.Value, 1e-12);
        Assert.True(c5.ChangeFromPreviousQuarter < -0.5, $"{c5.ChangeFromPreviousQuarter}");
    }

    [Fact]
    public void Quantile_classification_uses_the_quintiles_of_the_level()
    {
        // Scores 0.498, 3.953, 7.651, 7.741 → quintile thresholds 2.571, 4.693, 6.912, 7.687.
        var result = ScoringEngine.Run(WorkedExampleInput(), new Methodology { Version = Methodology.Version1, Replications = 0, Classification = ClassificationMethod.Quantiles });
        Assert.Equal(RiskClass.VeryHigh, Score(result, EntityLevel.School, "A").Class);
        Assert.Equal(RiskClass.Low, Score(result, EntityLevel.School, "B").Class);
        Assert.Equal(RiskClass.High, Score(result, EntityLevel.School, "C").Class);
        Assert.Equal(RiskClass.VeryLow, Score(result, EntityLevel.School, "D").Class);
    }

    [Theory]
    [InlineData(Incidents, 0, 30, 1)]
    [InlineData(Absence, 0, 20, 1)]
    [InlineData(PassRate, 40, 100, 2.5)]
    public void Raising_a_value_moves_the_units_composite_only_in_the_indicators_direction(int indicator, double from, double to, double step)
    {
        var higherIsWorse = Example.Indicators[indicator].Direction == Direction.HigherIsWorse;
        for (var u = 0; u < 4; u++)
        {
            var previous = double.NaN;
            var first = double.NaN;
            for (var value = from; value <= to; value += step)
            {
                var input = WorkedExampleInput();
                input.Schools.Set(0, indicator, u, value, null);
                var score = Score(ScoringEngine.Run(input, Fast), EntityLevel.School, Schools[u]).Score!.Value;
                if (double.IsNaN(first)) first = score;
                else if (higherIsWorse) Assert.True(score >= previous - 1e-12, $"unit {Schools[u]}, value {value}: {score} < {previous}");
                else Assert.True(score <= previous + 1e-12, $"unit {Schools[u]}, value {value}: {score} > {previous}");
                previous = score;
            }
            Assert.True(higherIsWorse ? previous > first : previous < first, $"unit {Schools[u]} did not move");
        }
    }

    [Fact]
    public void Monte_carlo_bands_are_deterministic_for_a_seed_and_only_for_the_latest_quarter()
    {
        var methodology = new Methodology { Version = Methodology.Version1, Replications = 50 };
        var first = ScoringEngine.Run(WorkedExampleInput(periods: 2), methodology);
        var second = ScoringEngine.Run(WorkedExampleInput(periods: 2), methodology);

        foreach (var level in new[] { EntityLevel.School, EntityLevel.District, EntityLevel.Region })
        {
            var a = first.Scores[level];
            var b = second.Scores[level];
            Assert.Equal(a.Select(s => (s.Code, s.Period, s.Score, s.Rank, s.Band)), b.Select(s => (s.Code, s.Period, s.Score, s.Rank, s.Band)));
            Assert.All(a.Where(s => s.Period == new Quarter(2024, 1)), s => Assert.Null(s.Band));
            Assert.All(a.Where(s => s.Period == new Quarter(2024, 2)), s =>
            {
                Assert.NotNull(s.Band);
                Assert.InRange(s.Band.Median, s.Band.Low, s.Band.High);
            });
        }
    }

    [Fact]
    public void No_level_uses_a_value_older_than_the_lookback()
    {
        // Absence reported once, in quarter 0, by every school; districts and regions have no direct value.
        var input = EmptyInput(periods: 13);
        for (var u = 0; u < 4; u++) input.Schools.Set(0, Absence, u, AbsencePercent[u], null);
        var result = ScoringEngine.Run(input, Fast);

        foreach (var (level, code) in new[] { (EntityLevel.School, "A"), (EntityLevel.District, "X"), (EntityLevel.Region, "R") })
        {
            for (var t = 1; t <= 4; t++) Assert.NotNull(Score(result, level, code, t).Score);
            for (var t = 5; t < 13; t++) Assert.True(Score(result, level, code, t).Score is null, $"{level} {code}, quarter {t}");
        }
    }

    [Fact]
    public void Running_twice_on_the_same_input_gives_the_same_scores()
    {
        var input = EmptyInput(periods: 10);
        for (var u = 0; u < 4; u++) input.Schools.Set(0, Absence, u, AbsencePercent[u], null);

        var first = ScoringEngine.Run(input, Fast).Scores[EntityLevel.School].Select(s => s.Score).ToArray();
        var second = ScoringEngine.Run(input, Fast).Scores[EntityLevel.School].Select(s => s.Score).ToArray();
        Assert.Equal(first, second);
    }
}
