namespace RiskMap.Core.Scoring;

/// <summary>
/// One unit's posterior on one indicator in one quarter, prepared for many draws on the scale the indicator is scored
/// on: a count's rate per <see cref="Methodology.RatePer"/> pupils from its Gamma posterior (one Gamma draw), a share's
/// percentage from its Beta posterior as X / (X + Y) with X ~ Gamma(α + k), Y ~ Gamma(β + n − k) drawn in that order.
/// </summary>
public readonly struct IndicatorPosterior
{
    private readonly GammaShape _shape, _failures;
    private readonly double _rate, _per;
    private readonly bool _isShare;

    private IndicatorPosterior(GammaShape shape, GammaShape failures, double rate, double per, bool isShare)
    {
        (_shape, _failures, _rate, _per, _isShare) = (shape, failures, rate, per, isShare);
    }

    /// <summary>Gamma(shape, rate) per pupil, returned per <paramref name="per"/> pupils.</summary>
    public static IndicatorPosterior Rate(GammaShape shape, double rate, double per) => new(shape, default, rate, per, false);

    /// <summary>Beta(successes, failures), returned in percent.</summary>
    public static IndicatorPosterior Share(GammaShape successes, GammaShape failures) => new(successes, failures, 1, SharePrior.Percent, true);

    public double Draw(ref ScoringRandom random) => Draw(ref random, double.NegativeInfinity);

    /// <summary>
    /// A draw for a caller to whom every value up to some bound is the same (<see cref="AlikeUpTo"/> of that bound): a
    /// count's value below the bound may come back in place of the exact draw (<see cref="ScoringRandom.NextGamma(in GammaShape, double)"/>);
    /// the stream advances exactly as in <see cref="Draw(ref ScoringRandom)"/>.
    /// </summary>
    public double Draw(ref ScoringRandom random, double alikeGamma)
    {
        var x = random.NextGamma(_shape, alikeGamma);
        if (!_isShare) return x / _rate * _per;
        var y = random.NextGamma(_failures);
        return _per * (x / (x + y));
    }

    /// <summary>
    /// For <see cref="Draw(ref ScoringRandom, double)"/>: a count's Gamma value whose value stays below <paramref name="bound"/>
    /// even after the rounding of the division and scaling (the margin of 10⁻⁹ dwarfs a few errors of 10⁻¹⁶). A share's
    /// value depends on both of its Gamma draws, so none is taken as alike.
    /// </summary>
    public double AlikeUpTo(double bound) => _isShare ? double.NegativeInfinity : bound / _per * _rate * (1 - 1e-9);
}
