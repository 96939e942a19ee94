using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

/// <summary>Methodology 2.0: a unit's risk level changes only when its score has really left the level.</summary>
public class LevelHysteresisTests
{
    // Levels: very low below 1, low 1–2, medium 2–3, high 3–4, very high from 4.
    private static readonly double[] Thresholds = [1, 2, 3, 4];
    private const double Margin = 0.2;

    /// <summary>The published levels of one unit's scores, quarter by quarter (null: no score that quarter).</summary>
    private static RiskClass?[] Published(IReadOnlyList<double> thresholds, double margin, params double?[] scores) =>
        LevelHysteresis.Levels([.. scores.Select(s => new[] { s is { } score ? new Composite(score, [], []) : null })], thresholds, margin)
            .Select(quarter => quarter[0]).ToArray();

    [Fact]
    public void A_score_oscillating_within_the_margin_of_a_boundary_keeps_its_level()
    {
        double[] scores = [1.9, 2.1, 1.95, 2.15, 1.85, 2.19];

        Assert.All(Published(Thresholds, Margin, [.. scores.Select(s => (double?)s)]), level => Assert.Equal(RiskClass.Low, level));
        // By the thresholds alone the level would flip every quarter.
        Assert.Equal([RiskClass.Low, RiskClass.Medium, RiskClass.Low, RiskClass.Medium, RiskClass.Low, RiskClass.Medium],
            scores.Select(s => RiskClasses.ByThresholds(s, Thresholds)));
    }

    [Fact]
    public void A_clear_crossing_changes_the_level_at_once_in_either_direction()
    {
        Assert.Equal([RiskClass.Low, RiskClass.Medium, RiskClass.Low], Published(Thresholds, Margin, 1.9, 2.2, 1.79));
        Assert.Equal([RiskClass.VeryHigh, RiskClass.High], Published(Thresholds, Margin, 4.5, 3.79));
    }

    [Fact]
    public void A_level_reached_is_then_held_from_its_own_band()
    {
        // Once medium, the unit stays medium until its score leaves 2–3 by more than the margin: 1.85 is still medium.
        Assert.Equal([RiskClass.Low, RiskClass.Medium, RiskClass.Medium, RiskClass.Low],
            Published(Thresholds, Margin, 1.5, 2.5, 1.85, 1.75));
    }

    [Fact]
    public void A_jump_of_two_levels_is_never_held_even_when_the_level_between_is_narrower_than_the_margin()
    {
        double[] narrowMedium = [1, 2, 2.1, 4];

        Assert.Equal([RiskClass.Low, RiskClass.High], Published(narrowMedium, 0.3, 1.5, 2.15));
        Assert.Equal([RiskClass.VeryLow, RiskClass.VeryHigh], Published(Thresholds, 10, 0.5, 9));
    }

    [Fact]
    public void Unchanged_input_keeps_its_level_whether_or_not_it_was_held()
    {
        Assert.Equal([RiskClass.Low, RiskClass.Low, RiskClass.Low, RiskClass.Low], Published(Thresholds, Margin, 1.9, 2.1, 2.1, 2.1));
        Assert.Equal([RiskClass.Medium, RiskClass.Medium, RiskClass.Medium], Published(Thresholds, Margin, 2.1, 2.1, 2.1));
    }

    [Fact]
    public void The_first_quarter_and_the_first_after_a_gap_take_the_plain_level()
    {
        Assert.Equal([RiskClass.Medium, RiskClass.Low, null, RiskClass.Medium], Published(Thresholds, Margin, 2.1, 1.5, null, 2.1));
    }

    [Fact]
    public void Without_a_margin_the_levels_are_the_plain_levels_by_thresholds()
    {
        double[] scores = [1.9, 2.1, 1.95, 3.5, 0.2, 4.4];

        Assert.Equal(scores.Select(s => (RiskClass?)RiskClasses.ByThresholds(s, Thresholds)), Published(Thresholds, 0, [.. scores.Select(s => (double?)s)]));
    }

    [Fact]
    public void The_margin_is_the_95_percent_noise_band_estimated_from_the_median_quarterly_change_over_the_reference_quarters_only()
    {
        static Composite C(double score) => new(score, [], []);
        Composite?[][] composites =
        [
            [C(1.0), C(5.0), null],
            [C(1.1), C(4.0), C(2.0)], // moves 0.1 and 1.0; the third unit has no earlier score
            [C(1.4), C(4.0), C(2.5)], // moves 0.3, 0, 0.5
            [C(9.0), C(0.0), C(9.0)], // outside the reference: ignored
        ];

        Assert.Equal(2.0547, LevelHysteresis.NoiseBand, 4);
        Assert.Equal(0.3 * LevelHysteresis.NoiseBand, LevelHysteresis.Margin(composites, new Range(0, 3)), 12);
        Assert.Equal(0, LevelHysteresis.Margin(composites, new Range(0, 1)));
    }
}
