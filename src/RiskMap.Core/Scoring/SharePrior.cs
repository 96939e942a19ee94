namespace RiskMap.Core.Scoring;

/// <summary>
/// The Beta prior of one share indicator's proportions at one level (methodology 2.0), estimated once from the
/// reference quarters pooled by the method of moments of the beta-binomial. A share of p % of n pupils is k = p·n/100
/// pupils out of n; the unit's proportion then has the Beta posterior (<see cref="Alpha"/> + k, <see cref="Beta"/> + n − k),
/// whose mean shrinks a small school's share towards the pooled one more than a large school's.
/// </summary>
/// <param name="Mean">μ: the pooled proportion (0–1).</param>
/// <param name="Variance">τ²: the between-unit variance of the proportions, kept within [(<see cref="Methodology.MinimumPriorCv"/> · μ)², μ(1 − μ)/2].</param>
/// <param name="HasSignal">False when the proportions vary no more than binomial chance alone would make them (or all
/// are 0 or all 1): the indicator then says nothing about which unit is riskier and is dropped at this level.</param>
public sealed record SharePrior(double Mean, double Variance, bool HasSignal)
{
    /// <summary>Shares are reported as percentages.</summary>
    public const double Percent = 100;

    /// <summary>α + β: how many pupils the prior is worth. 0 for the empty prior of a share that is always 0 or always 100 %.</summary>
    public double Strength => Variance > 0 ? Mean * (1 - Mean) / Variance - 1 : 0;

    public double Alpha => Mean * Strength;

    public double Beta => (1 - Mean) * Strength;

    /// <summary>The posterior mean proportion (α + k) / (α + β + n) = μ + C (k/n − μ) with C = n / (n + α + β).</summary>
    public double PosteriorMean(double successes, double pupils) => (Alpha + successes) / (Strength + pupils);

    /// <summary>The unit's posterior Beta(α + k, β + n − k), prepared for many draws of the share in percent.</summary>
    public IndicatorPosterior PosteriorOf(double successes, double pupils) =>
        IndicatorPosterior.Share(new GammaShape(Alpha + successes), new GammaShape(Beta + pupils - successes));

    /// <param name="successes">Per unit and reference quarter: the pupils with the trait, k = p·n/100.</param>
    /// <param name="pupils">The pupils the share was measured on, n &gt; 0.</param>
    public static SharePrior Estimate(IReadOnlyList<double> successes, IReadOnlyList<double> pupils, double minimumCv)
    {
        double totalSuccesses = 0, totalPupils = 0;
        for (var k = 0; k < successes.Count; k++)
        {
            totalSuccesses += successes[k];
            totalPupils += pupils[k];
        }
        if (successes.Count == 0 || totalPupils <= 0 || totalSuccesses <= 0 || totalSuccesses >= totalPupils) return new SharePrior(0, 0, false);
        var mu = totalSuccesses / totalPupils;
        var meanPupils = totalPupils / successes.Count;
        var weightedSquares = 0.0;
        for (var k = 0; k < successes.Count; k++)
        {
            var p = successes[k] / pupils[k];
            weightedSquares += pupils[k] * (p - mu) * (p - mu);
        }
        // E[Σ n (p − μ)² / Σ n] ≈ τ² + (μ(1 − μ) − τ²) / n̄: the binomial part shrinks with the pupils, the rest is between units.
        var binomial = mu * (1 - mu);
        var moments = meanPupils > 1 ? (weightedSquares / totalPupils - binomial / meanPupils) / (1 - 1 / meanPupils) : 0;
        // The floor keeps the prior a proper Beta with finite strength, so no unit is pulled all the way to μ; the cap
        // makes the prior worth at least one pupil, so a draw never meets two vanishing shapes.
        var floor = minimumCv * mu * (minimumCv * mu);
        return new SharePrior(mu, Math.Clamp(moments, Math.Min(floor, binomial / 2), binomial / 2), moments > 0);
    }
}
