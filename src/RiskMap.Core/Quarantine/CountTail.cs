using RiskMap.Core.Forecasting;

namespace RiskMap.Core.Quarantine;

/// <summary>
/// How improbable a count is given its unit's own history of that count: the smaller of P(X ≥ value) and P(X ≤ value)
/// under a negative binomial predictive distribution. Its mean is the history's, with half an event added (the Jeffreys
/// prior's posterior mean of a Poisson rate), so a history of zeros does not make every later event impossible. Its
/// overdispersion α (variance μ + αμ²) is the history's own by the method of moments, (s² − μ) / μ², but never below
/// <see cref="QuarantineOptions.MinimumDispersion"/>: eight quarters estimate a variance poorly, and a history that
/// happened to be calm must not make an ordinary quarter look impossible. The mean is itself estimated from the n
/// quarters, which adds (μ + αμ²) / n to the next quarter's variance: the predictive α is α (1 + 1/n) + 1 / (nμ).
/// </summary>
public static class CountTail
{
    /// <summary>Half an event, added to the history's total before it is divided by the quarters.</summary>
    private const double PriorEvents = 0.5;

    public static double Probability(double value, IReadOnlyList<double> history, double minimumDispersion)
    {
        var n = history.Count;
        var average = history.Average();
        var variance = n > 1 ? history.Sum(h => (h - average) * (h - average)) / (n - 1) : 0;
        var mean = (history.Sum() + PriorEvents) / n;
        var dispersion = Math.Max((variance - mean) / (mean * mean), minimumDispersion);
        var predictive = NegativeBinomial.WithDispersion(mean, dispersion * (1 + 1.0 / n) + 1 / (n * mean));
        var count = (int)Math.Round(Math.Max(0, value));
        var cdf = predictive.Cumulative(count);
        var atMost = cdf[count];
        var atLeast = count == 0 ? 1 : 1 - cdf[count - 1];
        return Math.Min(atMost, atLeast);
    }
}
