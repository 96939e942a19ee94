using RiskMap.Core.Quarantine;

namespace RiskMap.Core.Tests.Quarantine;

public class QuarantineRuleTests
{
    private static readonly QuarantineOptions Defaults = new();

    /// <summary>A district's quarters of an ordinary count: 40 give or take a few.</summary>
    private static readonly double[] Steady = [38, 42, 40, 45, 37, 41, 43, 39];

    private static QuarantineCandidate New(double value, double[]? history = null, string area = "district 75", string indicator = "offences", double? yearAgo = null) =>
        new(indicator, area, value, null, history ?? Steady, yearAgo);

    private static QuarantineVerdict One(QuarantineCandidate candidate) => QuarantineRule.Judge([candidate], Defaults).Single();

    [Theory]
    [InlineData(40)]
    [InlineData(55)]
    [InlineData(28)]
    public void An_ordinary_value_passes(double value) => Assert.False(One(New(value)).Held);

    [Theory]
    [InlineData(400)]
    [InlineData(4)]
    public void A_misplaced_decimal_point_is_far_from_the_unit_s_history(double value)
    {
        var verdict = One(New(value));
        Assert.Contains(HoldReason.FarFromHistory, verdict.Reasons);
        Assert.Equal(40.5, verdict.Median!.Value, 6);
        Assert.Equal(39, verdict.Last);
    }

    [Fact]
    public void A_tenfold_jump_from_the_last_value_is_held_even_without_enough_history()
    {
        var verdict = One(New(110, history: [10]));
        Assert.Equal([HoldReason.TenfoldJump], verdict.Reasons);
        Assert.Null(verdict.RobustZ);
        Assert.False(One(New(60, history: [10])).Held);
    }

    [Fact]
    public void A_value_that_replaces_a_stored_one_is_measured_from_it_for_a_jump()
    {
        var verdict = One(new QuarantineCandidate("offences", "district 75", 5, Stored: 60, Steady, null));
        Assert.Contains(HoldReason.TenfoldJump, verdict.Reasons);
        Assert.Equal(60, verdict.Last);
    }

    [Fact]
    public void A_flat_history_does_not_hold_every_small_change()
    {
        // Zero every quarter: the spread is taken as MinimumSpread, so a count of 2 (z ≈ 4.4) passes and 9 does not.
        double[] zeros = [0, 0, 0, 0, 0, 0, 0, 0];
        Assert.False(One(New(2, zeros)).Held);
        Assert.True(One(New(9, zeros)).Held);
    }

    [Fact]
    public void A_jump_is_measured_from_the_history_s_median_so_one_noisy_quarter_neither_hides_nor_makes_one()
    {
        // The last quarter was unusually low (4): 40 from it is tenfold, from the median (40.5) nothing.
        double[] dip = [38, 42, 40, 45, 37, 41, 43, 4];
        Assert.DoesNotContain(HoldReason.TenfoldJump, One(New(40, dip)).Reasons);
        Assert.Contains(HoldReason.TenfoldJump, One(New(4.05, Steady)).Reasons);
    }

    [Fact]
    public void With_too_little_history_only_a_jump_can_hold_a_value()
    {
        var verdict = One(New(60, history: [38, 42, 40]));
        Assert.False(verdict.Held);
        Assert.Null(verdict.Median);
    }

    [Fact]
    public void A_region_whose_values_all_double_at_once_is_held_whole()
    {
        var doubled = Enumerable.Range(0, 12).Select(i => New(2 * (38 + i), yearAgo: 40)).ToList();
        var elsewhere = Enumerable.Range(0, 12).Select(i => New(38 + i, area: "district 71", yearAgo: 40)).ToList();

        var verdicts = QuarantineRule.Judge([.. doubled, .. elsewhere], Defaults);

        Assert.All(verdicts.Take(12), v => Assert.Contains(HoldReason.BroadChange, v.Reasons));
        Assert.All(verdicts.Skip(12), v => Assert.False(v.Held));
    }

    [Fact]
    public void A_season_that_moves_every_unit_alike_is_not_a_broad_change()
    {
        // Every summer the count falls to a third; last summer it did too, so this summer's fall is the unit's season.
        var summer = Enumerable.Range(0, 12).Select(i => New(13 + i % 3, yearAgo: 14)).ToList();

        Assert.All(QuarantineRule.Judge(summer, Defaults), v => Assert.DoesNotContain(HoldReason.BroadChange, v.Reasons));
    }

    [Fact]
    public void A_re_sent_quarter_whose_changed_values_all_double_is_a_broad_change()
    {
        var resent = Enumerable.Range(0, 12).Select(i => new QuarantineCandidate("offences", "district 75", 2 * (30 + i), 30 + i, Steady, null)).ToList();

        Assert.All(QuarantineRule.Judge(resent, Defaults), v => Assert.Contains(HoldReason.BroadChange, v.Reasons));
    }

    [Fact]
    public void Too_few_values_of_a_region_are_not_judged_as_a_broad_change()
    {
        var few = Enumerable.Range(0, Defaults.BroadMinimumValues - 1).Select(i => New(80 + i, yearAgo: 40)).ToList();

        Assert.All(QuarantineRule.Judge(few, Defaults), v => Assert.DoesNotContain(HoldReason.BroadChange, v.Reasons));
    }

    [Fact]
    public void Thresholds_come_from_the_options()
    {
        Assert.False(One(New(60, history: [10])).Held);
        Assert.True(QuarantineRule.Judge([New(60, history: [10])], new QuarantineOptions { JumpFactor = 5 }).Single().Held);
        Assert.True(QuarantineRule.Judge([New(410)], new QuarantineOptions { RobustZ = 100 }).Single().Reasons is [HoldReason.TenfoldJump]);
    }

    [Theory]
    [InlineData(nameof(QuarantineOptions.RobustZ), "Quarantine:RobustZ")]
    [InlineData(nameof(QuarantineOptions.BroadShare), "Quarantine:BroadShare")]
    [InlineData(nameof(QuarantineOptions.MinimumHistory), "Quarantine:MinimumHistory")]
    [InlineData(nameof(QuarantineOptions.CountTail), "Quarantine:CountTail")]
    public void A_broken_setting_is_named(string setting, string named)
    {
        var options = new QuarantineOptions();
        typeof(QuarantineOptions).GetProperty(setting)!.SetValue(options, setting == nameof(QuarantineOptions.MinimumHistory) ? 99 : (object)0.0);
        Assert.StartsWith(named, options.Problem());
        Assert.Null(new QuarantineOptions().Problem());
    }

    [Fact]
    public void Reasons_have_stable_codes()
    {
        foreach (var reason in Enum.GetValues<HoldReason>())
        {
            Assert.True(HoldReasons.TryParse(reason.ToCode(), out var read));
            Assert.Equal(reason, read);
        }
        Assert.False(HoldReasons.TryParse("typo", out _));
    }
}
