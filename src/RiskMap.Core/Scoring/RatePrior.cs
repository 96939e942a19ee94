namespace RiskMap.Core.Scoring;

/// <summary>
/// The Gamma prior of one count indicator's per-pupil rates at one level (methodology 2.0), estimated once from the
/// reference quarters pooled (Marshall's method of moments over every unit and reference quarter). Each unit's rate
/// then has the Gamma posterior (<see cref="Alpha"/> + events, <see cref="Beta"/> + population), whose mean is
/// Marshall's smoothed rate.
/// </summary>
/// <param name="Mean">b: the pooled rate per pupil.</param>
/// <param name="Variance">a: the between-unit variance of the rates, never below (<see cref="Methodology.MinimumPriorCv"/> · b)².</param>
/// <param name="HasSignal">False when the rates vary no more than chance alone would make them (or there are no events):
/// the indicator then says nothing about which unit is riskier and is dropped at this level.</param>
public sealed record RatePrior(double Mean, double Variance, bool HasSignal)
{
    /// <summary>Shape of the Gamma prior; 0 for the empty prior of an indicator without events.</summary>
    public double Alpha => Variance > 0 ? Mean * Mean / Variance : 0;

    /// <summary>Rate of the Gamma prior (per pupil); 0 for the empty prior of an indicator without events.</summary>
    public double Beta => Variance > 0 ? Mean / Variance : 0;

    /// <summary>The posterior mean rate per pupil: b + C (e/n − b) with C = n / (n + β).</summary>
    public double PosteriorMean(double events, double population) => (Alpha + events) / (Beta + population);

    /// <summary>One draw of the rate per pupil from the unit's posterior.</summary>
    public double Draw(double events, double population, ref ScoringRandom random) => PosteriorOf(events, population).Draw(ref random);

    /// <summary>The unit's posterior, prepared for many draws.</summary>
    public Posterior PosteriorOf(double events, double population) => new(new GammaShape(Alpha + events), Beta + population);

    /// <summary>Gamma(α + events, β + population): a draw is a Gamma(α + events) divided by β + population.</summary>
    public readonly struct Posterior(GammaShape shape, double rate)
    {
        public double Draw(ref ScoringRandom random) => random.NextGamma(shape) / rate;

        /// <summary>
        /// A draw for a caller to whom every rate up to some bound is the same (<see cref="AlikeUpTo"/> of that bound): a
        /// rate below the bound may come back in place of the exact draw (<see cref="ScoringRandom.NextGamma(in GammaShape, double)"/>);
        /// the stream advances exactly as in <see cref="Draw(ref ScoringRandom)"/>.
        /// </summary>
        public double Draw(ref ScoringRandom random, double alikeGamma) => random.NextGamma(shape, alikeGamma) / rate;

        /// <summary>
        /// For <see cref="Draw(ref ScoringRandom, double)"/>: a Gamma value whose rate stays below <paramref name="bound"/>
        /// even after the rounding of the division and of a later scaling (the margin of 10⁻⁹ dwarfs a few errors of 10⁻¹⁶).
        /// </summary>
        public double AlikeUpTo(double bound) => bound * rate * (1 - 1e-9);
    }

    public static RatePrior Estimate(IReadOnlyList<double> events, IReadOnlyList<double> populations, double minimumCv)
    {
        double totalEvents = 0, totalPopulation = 0;
        for (var k = 0; k < events.Count; k++)
        {
            totalEvents += events[k];
            totalPopulation += populations[k];
        }
        if (events.Count == 0 || totalEvents <= 0 || totalPopulation <= 0) return new RatePrior(0, 0, false);
        var b = totalEvents / totalPopulation;
        var meanPopulation = totalPopulation / events.Count;
        var weightedSquares = 0.0;
        for (var k = 0; k < events.Count; k++)
        {
            var rate = events[k] / populations[k];
            weightedSquares += populations[k] * (rate - b) * (rate - b);
        }
        var moments = weightedSquares / totalPopulation - b / meanPopulation;
        // The floor keeps the prior a proper Gamma with finite shape: no unit is ever pulled all the way to b.
        var floor = minimumCv * b * (minimumCv * b);
        return new RatePrior(b, Math.Max(moments, floor), moments > 0);
    }
}
