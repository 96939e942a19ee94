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

    public double Draw(ref ScoringRandom random)
    {
        var x = random.NextGamma(_shape);
        if (!_isShare) return x / _rate * _per;
        var y = random.NextGamma(_failures);
        return _per * (x / (x + y));
    }
}
