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

    /// <summary>
    /// The unit's posterior Gamma(α + events, β + population), prepared for many draws of the rate per
    /// <paramref name="per"/> pupils: a draw is a Gamma(α + events) divided by β + population, times <paramref name="per"/>.
    /// </summary>
    public IndicatorPosterior PosteriorOf(double events, double population, double per) =>
        IndicatorPosterior.Rate(new GammaShape(Alpha + events), Beta + population, per);

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
