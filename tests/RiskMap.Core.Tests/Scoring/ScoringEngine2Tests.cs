using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Scoring;
using static RiskMap.Core.Tests.Scoring.ScoringFixtures;
using static RiskMap.Core.Tests.Scoring.Synthetic;

namespace RiskMap.Core.Tests.Scoring;

/// <summary>Properties of methodology riskmap-2.0 that a reader of the scores relies on.</summary>
public class ScoringEngine2Tests
{
    private static readonly Methodology Fast = Version2 with { Replications = 0 };

    private static UnitScore At(ScoringResult result, EntityLevel level, string code, int t) =>
        result.Scores[level].Single(s => s.Code == code && s.Period == Quarters(t + 1)[t]);

    [Fact]
    public void A_school_whose_values_do_not_change_keeps_its_score_while_everyone_else_changes()
    {
        var (input, _) = Levels(schools: 60, districts: 4, periods: 8);
        for (var t = 1; t < 8; t++) Repeat(input, 0, t); // every school repeats itself...
        for (var t = 1; t < 8; t++)
            for (var u = 1; u < 60; u++) // ...except that all others drift, each its own way
                Report(input, t, u, input.Schools.Values[input.Schools.Cell(0, Incidents, u)] + (u + t) % 3,
                    input.Schools.Values[input.Schools.Cell(0, Absence, u)] + 0.2 * t * (u % 2 == 0 ? 1 : -1),
                    input.Schools.Values[input.Schools.Cell(0, PassRate, u)] - 0.3 * t * (u % 3 - 1));

        var result = ScoringEngine.Run(input, Fast);

        var first = At(result, EntityLevel.School, "S0000", 0).Score!.Value;
        for (var t = 1; t < 8; t++) Assert.Equal(first, At(result, EntityLevel.School, "S0000", t).Score!.Value, 12);
    }

    [Fact]
    public void A_rare_count_is_taken_over_four_quarters_and_then_keeps_its_score_when_unchanged()
    {
        var (input, _) = Levels(schools: 60, districts: 4, periods: 8);
        var methodology = Fast with { RollingIndicators = ["incidents"] };
        for (var t = 1; t < 8; t++) Repeat(input, 0, t);

        var result = ScoringEngine.Run(input, methodology);

        var full = At(result, EntityLevel.School, "S0000", 3).Score!.Value;
        for (var t = 4; t < 8; t++) Assert.Equal(full, At(result, EntityLevel.School, "S0000", t).Score!.Value, 12);
        var prior = result.References!.Single(r => r.Level == EntityLevel.School).Priors["incidents"];
        // The pooled rate per pupil-quarter is unchanged by the window: four quarters of events over four of pupils.
        var s = input.Schools;
        double events = 0, pupils = 0;
        for (var u = 0; u < s.Units; u++)
        {
            events += s.Values[s.Cell(0, Incidents, u)];
            pupils += s.Pupils[u];
        }
        Assert.Equal(events / pupils, prior.Mean, 9);
    }

    [Fact]
    public void A_rolling_share_is_scored_on_its_four_quarter_mean_so_noise_cancels_and_a_lasting_change_shows_in_full()
    {
        var (input, _) = Levels(schools: 60, districts: 4, periods: 9);
        for (var t = 1; t < 9; t++) Repeat(input, 0, t);
        double Absence(int u) => input.Schools.Values[input.Schools.Cell(0, ScoringFixtures.Absence, u)];
        var (noisy, stepping, steady) = (Absence(0), Absence(1), Absence(2));
        for (var t = 0; t < 9; t++)
        {
            input.Schools.Set(t, ScoringFixtures.Absence, 0, noisy + (t % 2 == 0 ? 2 : -2), null); // up and down around a fixed level
            input.Schools.Set(t, ScoringFixtures.Absence, 1, stepping + (t >= 4 ? 3 : 0), null); // a lasting rise from quarter 4
        }
        var methodology = Fast with { RollingIndicators = ["absence"] };

        var result = ScoringEngine.Run(input, methodology);

        float AbsenceScore(int u, int t) => At(result, EntityLevel.School, $"S{u:D4}", t).IndicatorScores[ScoringFixtures.Absence];
        for (var t = 4; t < 9; t++) Assert.Equal(AbsenceScore(0, 3), AbsenceScore(0, t));
        for (var t = 4; t < 8; t++) Assert.True(AbsenceScore(1, t) > AbsenceScore(1, t - 1), $"the rise shows in quarter {t}");
        Assert.Equal(AbsenceScore(1, 7), AbsenceScore(1, 8));
        Assert.Equal(steady, Absence(2));
        Assert.Equal(AbsenceScore(2, 0), AbsenceScore(2, 8));
    }

    [Fact]
    public void A_uniform_improvement_lowers_every_score_that_is_above_zero()
    {
        var (input, _) = Levels(schools: 80, districts: 4, periods: 6);
        Repeat(input, 3, 4);
        var s = input.Schools;
        for (var u = 0; u < s.Units; u++) // quarter 5: a quarter fewer incidents, less absence, higher pass rates everywhere
            Report(input, 5, u, Math.Floor(0.75 * s.Values[s.Cell(3, Incidents, u)]), 0.8 * s.Values[s.Cell(3, Absence, u)], s.Values[s.Cell(3, PassRate, u)] + 3);

        var result = ScoringEngine.Run(input, Fast);

        var compared = 0;
        foreach (var code in s.Codes)
        {
            var before = At(result, EntityLevel.School, code, 4).Score!.Value;
            var after = At(result, EntityLevel.School, code, 5).Score!.Value;
            Assert.True(after <= before, $"{code}: {before} → {after}");
            if (before > 0) Assert.True(after < before, $"{code}: {before} → {after}");
            if (before > 0) compared++;
        }
        Assert.True(compared > 70);
        Assert.True(At(result, EntityLevel.District, "D0", 5).Score < At(result, EntityLevel.District, "D0", 4).Score);
    }

    [Fact]
    public void A_value_outside_the_reference_range_is_clamped_to_the_scale_and_flagged()
    {
        var (input, _) = Levels(schools: 40, districts: 4, periods: 5);
        // Incidents as in the reference year; far worse absence and pass rate than anything in it.
        Report(input, 4, 0, input.Schools.Values[input.Schools.Cell(3, Incidents, 0)], 40, 10);

        var result = ScoringEngine.Run(input, Fast);

        var school = At(result, EntityLevel.School, "S0000", 4);
        Assert.Equal(10, school.IndicatorScores[Absence]);
        Assert.Equal(10, school.IndicatorScores[PassRate]);
        Assert.Equal([false, true, true], school.OutOfRange!);
        Assert.Null(At(result, EntityLevel.School, "S0001", 4).OutOfRange);
    }

    [Fact]
    public void A_small_school_without_reports_does_not_outscore_a_large_one_without_reports()
    {
        var (input, _) = Levels(schools: 60, districts: 4, periods: 4);
        var small = Array.FindIndex([.. input.Schools.Pupils], p => p < 200);
        var large = Array.FindIndex([.. input.Schools.Pupils], p => p > 1200);
        for (var t = 0; t < 4; t++)
            foreach (var u in new[] { small, large }) Report(input, t, u, 0, 8, 75);

        var result = ScoringEngine.Run(input, Fast);

        var smallScore = At(result, EntityLevel.School, input.Schools.Codes[small], 3);
        var largeScore = At(result, EntityLevel.School, input.Schools.Codes[large], 3);
        Assert.Equal(0, smallScore.IndicatorScores[Incidents]);
        Assert.Equal(0, largeScore.IndicatorScores[Incidents]);
        Assert.Equal(largeScore.Score!.Value, smallScore.Score!.Value, 12);
    }

    [Fact]
    public void A_count_whose_rates_vary_only_by_chance_is_dropped_and_its_domain_reweighted()
    {
        var (input, _) = Levels(schools: 40, districts: 4, periods: 4);
        var s = input.Schools;
        for (var t = 0; t < 4; t++) // every school exactly 5 per 1,000: no variation beyond chance
            for (var u = 0; u < s.Units; u++) s.Set(t, Incidents, u, s.Pupils[u] * 0.005, null);
        var withoutIncidents = ScoringEngine.Run(WithoutIncidents(input), Fast);

        var result = ScoringEngine.Run(input, Fast);

        var reference = result.References!.Single(r => r.Level == EntityLevel.School);
        Assert.Contains(new IndicatorDrop(EntityLevel.School, "incidents", DropReason.NoSignalBeyondChance), reference.Dropped);
        Assert.True(reference.Priors["incidents"].Variance > 0);
        foreach (var code in s.Codes)
            Assert.Equal(At(withoutIncidents, EntityLevel.School, code, 3).Score!.Value, At(result, EntityLevel.School, code, 3).Score!.Value, 12);
        Assert.True(float.IsNaN(At(result, EntityLevel.School, "S0000", 3).IndicatorScores[Incidents]));
        Assert.Equal(10, At(result, EntityLevel.School, "S0000", 3).Reliability, 12); // a dropped indicator does not count against anyone
    }

    private static ScoringInput WithoutIncidents(ScoringInput input)
    {
        var copy = new ScoringInput(input.Catalogue, input.Periods,
            new LevelData(input.Schools.Codes, input.Schools.Parents, input.Schools.Pupils, 3, input.Periods.Count),
            new LevelData(input.Districts.Codes, input.Districts.Parents, input.Districts.Pupils, 3, input.Periods.Count),
            new LevelData(input.Regions.Codes, input.Regions.Parents, input.Regions.Pupils, 3, input.Periods.Count));
        for (var t = 0; t < input.Periods.Count; t++)
            for (var u = 0; u < input.Schools.Units; u++)
                foreach (var i in new[] { Absence, PassRate })
                    copy.Schools.Set(t, i, u, input.Schools.Values[input.Schools.Cell(t, i, u)], null);
        return copy;
    }

    [Fact]
    public void A_unit_below_the_minimum_expected_count_is_not_scored_on_the_count_and_its_reliability_says_so()
    {
        var (input, _) = Levels(schools: 60, districts: 4, periods: 4, tinyFirst: true);

        var result = ScoringEngine.Run(input, Fast with { MinimumExpectedCount = 1.0 });

        // Pooled rate ≈ 1 % per quarter: 30 pupils expect about 0.3 incidents.
        var school = At(result, EntityLevel.School, "S0000", 3);
        Assert.True(float.IsNaN(school.IndicatorScores[Incidents]));
        Assert.NotNull(school.Score);
        Assert.Equal(10 * (1 - 4.0 / 9), school.Reliability, 9); // incidents carry 4/9 of the weight
    }

    [Fact]
    public void Reliability_is_the_share_of_pupils_in_reporting_children_with_carried_values_counting_half()
    {
        var input = EmptyInput(periods: 2, indicators: 1, catalogue: new Catalogue(
            [new IndicatorSpec("absence", "protection", Direction.HigherIsWorse, IsCount: false, Weight: 1)], [new DomainSpec("protection", 1)]));
        // Pupils: A 40, B 400 (district X, 440); C 1,200, D 800 (district Y, 2,000).
        foreach (var (u, value) in new[] { (0, 9.0), (1, 6.0), (2, 12.0), (3, 7.5) }) input.Schools.Set(0, 0, u, value, null);
        input.Schools.Set(1, 0, 1, 7, null); // quarter 1: B and C report, A carries its value forward, D is silent...
        input.Schools.Set(1, 0, 2, 12, null);
        input.Schools.Values[input.Schools.Cell(0, 0, 3)] = double.NaN; // ...and never reported

        var result = ScoringEngine.Run(input, Fast);

        Assert.Equal(10 * (400 + 0.5 * 40) / 440, At(result, EntityLevel.District, "X", 1).Reliability, 9);
        Assert.Equal(10 * 1200.0 / 2000, At(result, EntityLevel.District, "Y", 1).Reliability, 9); // 6: 60 % of the pupils
        Assert.Equal(10 * (420 + 1200.0) / 2440, At(result, EntityLevel.Region, "R", 1).Reliability, 9);
        Assert.Equal(5, At(result, EntityLevel.School, "A", 1).Reliability, 12);
    }

    [Fact]
    public void A_change_within_its_uncertainty_is_not_clear_and_a_large_one_is()
    {
        var (input, _) = Levels(schools: 60, districts: 4, periods: 5);
        var s = input.Schools;
        var small = Array.FindIndex([.. s.Pupils], p => p is > 200 and < 400);
        var large = Array.FindIndex([.. s.Pupils], p => p > 1200);
        for (var t = 0; t < 4; t++)
        {
            Report(input, t, small, 2, 8, 75);
            Report(input, t, large, 6, 8, 75);
        }
        Report(input, 4, small, 3, 8, 75); // one incident more: well within chance
        Report(input, 4, large, 40, 8, 75); // a sevenfold rise among 1,200 pupils

        var result = ScoringEngine.Run(input, Version2);

        var smallScore = At(result, EntityLevel.School, s.Codes[small], 4);
        var largeScore = At(result, EntityLevel.School, s.Codes[large], 4);
        Assert.True(smallScore.ChangeFromPreviousQuarter > 0);
        Assert.False(smallScore.Uncertainty!.ClearChangeFromPreviousQuarter);
        Assert.True(largeScore.Uncertainty!.ClearChangeFromPreviousQuarter);
        Assert.Null(At(result, EntityLevel.School, s.Codes[small], 0).Uncertainty!.ClearChangeFromPreviousQuarter);
        Assert.InRange(largeScore.Score!.Value, largeScore.Uncertainty.Low, largeScore.Uncertainty.High);
        Assert.True(largeScore.Uncertainty.HighOrVeryHighProbability > At(result, EntityLevel.School, s.Codes[large], 3).Uncertainty!.HighOrVeryHighProbability);
    }

    [Fact]
    public void Noisy_schools_change_risk_level_less_often_than_their_scores_cross_a_threshold_and_never_by_a_level_held_two_away()
    {
        var result = ScoringEngine.Run(Levels(schools: 200, districts: 8, periods: 8).Input, Fast);
        var thresholds = result.References!.Single(r => r.Level == EntityLevel.School).ClassThresholds;
        var bySchool = result.Scores[EntityLevel.School].GroupBy(s => s.Code).Select(g => g.OrderBy(s => s.Period).ToArray()).ToArray();
        RiskClass Plain(UnitScore s) => RiskClasses.ByThresholds(s.Score!.Value, thresholds);
        static int Changes(IEnumerable<RiskClass> levels) => levels.Zip(levels.Skip(1)).Count(p => p.First != p.Second);

        var published = bySchool.Sum(quarters => Changes(quarters.Select(s => s.Class!.Value)));
        var plain = bySchool.Sum(quarters => Changes(quarters.Select(Plain)));

        Assert.InRange(published, 1, plain * 0.8);
        Assert.All(bySchool, quarters => Assert.Equal(Plain(quarters[0]), quarters[0].Class));
        Assert.All(bySchool.SelectMany(q => q), s => Assert.InRange(Math.Abs(s.Class!.Value - Plain(s)), 0, 1));
    }

    [Fact]
    public void A_run_reproduces_bit_for_bit()
    {
        ScoringResult Run() => ScoringEngine.Run(Levels(schools: 120, districts: 6, periods: 6).Input, Version2 with { Replications = 50 });

        var (first, second) = (Run(), Run());

        foreach (var level in new[] { EntityLevel.School, EntityLevel.District, EntityLevel.Region })
            foreach (var (a, b) in first.Scores[level].Zip(second.Scores[level]))
            {
                Assert.Equal(a.Score, b.Score);
                Assert.Equal(a.Uncertainty, b.Uncertainty);
                Assert.Equal(a.Band, b.Band);
            }
        Assert.Contains(first.Scores[EntityLevel.School], s => s.Band is { } band && band.High > band.Low);
    }

    [Fact]
    public void An_explicit_reference_period_fixes_the_scale_from_its_own_quarters()
    {
        var (input, _) = Levels(schools: 40, districts: 4, periods: 6);
        Report(input, 0, 0, 0, 60, 0); // an extreme first quarter that the explicit reference leaves out

        var result = ScoringEngine.Run(input, Fast with { ReferenceFrom = "2024Q2" });

        var reference = result.References!.Single(r => r.Level == EntityLevel.School);
        Assert.Equal(Quarters(5).Skip(1), reference.Quarters);
        Assert.True(reference.Goalposts["absence"].Upper < 60);
        Assert.NotNull(At(result, EntityLevel.School, "S0000", 0).OutOfRange);
        Assert.Throws<ArgumentException>(() => ScoringEngine.Run(Levels(schools: 10, districts: 2, periods: 6).Input, Fast with { ReferenceFrom = "2030Q1" }));
    }
}
