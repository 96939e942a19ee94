using RiskMap.Core.Quarantine;

namespace RiskMap.Core.Tests.Quarantine;

/// <summary>
/// The count rule's tail probabilities worked by hand from the negative binomial's probabilities,
/// P(X = j) = Γ(j + k) / (Γ(k) j!) · (k / (k + μ))ᵏ · (μ / (k + μ))ʲ with size k = 1 / α.
/// </summary>
public class CountTailTests
{
    private static readonly QuarantineOptions Defaults = new();

    /// <summary>The district's domestic violence cases that the log-scale rules let through ×10 (docs/quarantine.md).</summary>
    private static readonly double[] Noisy = [9, 12, 4, 3, 0, 18, 13, 9];

    private static readonly double[] Zeros = [0, 0, 0, 0, 0, 0, 0, 0];

    [Fact]
    public void A_history_of_zeros_makes_one_event_unremarkable()
    {
        // μ = 0.5 / 8 = 0.0625; the history's own α is negative (variance 0 < μ), so the floor 0.2: the predictive
        // α = 0.2 · 9/8 + 1 / (8 · 0.0625) = 2.225, k = 0.44944. P(X ≤ 0) = (k / (k + μ))ᵏ = 0.87792^0.44944 = 0.94316.
        Assert.Equal(0.94316, CountTail.Probability(0, Zeros, 0.2), 4);
        Assert.Equal(1 - 0.94316, CountTail.Probability(1, Zeros, 0.2), 4);
    }

    [Fact]
    public void A_noisy_history_is_judged_by_its_own_overdispersion()
    {
        // Mean 68 / 8 = 8.5, variance 246 / 7 = 35.143; μ = 68.5 / 8 = 8.5625; α = (35.143 − 8.5625) / 8.5625² = 0.36254,
        // the predictive α = 0.36254 · 9/8 + 1 / (8 · 8.5625) = 0.42246, k = 2.3671. Summing P(X = j) for j < 60:
        // P(X ≥ 60) = 1.329 · 10⁻⁵, P(X ≥ 40) = 1.0591 · 10⁻³ and P(X ≥ 20) = 0.06249.
        Assert.Equal(1.329e-5, CountTail.Probability(60, Noisy, 0.2), 8);
        Assert.Equal(1.0591e-3, CountTail.Probability(40, Noisy, 0.2), 7);
        Assert.Equal(0.06249, CountTail.Probability(20, Noisy, 0.2), 4);
    }

    [Fact]
    public void The_floor_widens_a_history_calmer_than_the_floor()
    {
        // [1, 1, 1, 1]: μ = 4.5 / 4 = 1.125, α = the floor; at 0.2 the predictive α = 0.25 + 1 / 4.5 = 0.47222, k = 2.1176:
        // P(X ≤ 0) = (2.1176 / 3.2426)^2.1176 = 0.40564. A higher floor makes the same 0 more probable.
        Assert.Equal(0.40564, CountTail.Probability(0, [1, 1, 1, 1], 0.2), 4);
        Assert.True(CountTail.Probability(0, [1, 1, 1, 1], 1) > 0.40564);
    }

    [Fact]
    public void A_tenfold_count_that_the_log_scale_lets_through_is_improbable()
    {
        // The demo's planted error: 4 cases sent as 40 (P = 1.06 · 10⁻³, below the default 2 · 10⁻³).
        var candidate = new QuarantineCandidate("domestic_violence_cases", "district 10", 40, null, Noisy, null, IsCount: true);
        var verdict = QuarantineRule.Judge([candidate], Defaults).Single();
        Assert.Equal([HoldReason.ImprobableCount], verdict.Reasons);
        Assert.False(QuarantineRule.Judge([candidate with { Value = 20 }], Defaults).Single().Held);
    }

    [Fact]
    public void Only_counts_are_judged_by_their_tail()
    {
        var share = new QuarantineCandidate("chronic_absence_share", "district 10", 60, null, Noisy, null);
        Assert.False(QuarantineRule.Judge([share], Defaults).Single().Held);
    }

    [Fact]
    public void The_tail_threshold_comes_from_the_options()
    {
        var candidate = new QuarantineCandidate("domestic_violence_cases", "district 10", 20, null, Noisy, null, IsCount: true);
        Assert.Contains(HoldReason.ImprobableCount, QuarantineRule.Judge([candidate], new QuarantineOptions { CountTail = 0.1 }).Single().Reasons);
        Assert.Equal("Quarantine:MinimumDispersion must be between 0 and 10", new QuarantineOptions { MinimumDispersion = -0.1 }.Problem());
    }
}
