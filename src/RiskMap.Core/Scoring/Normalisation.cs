using RiskMap.Core.Indicators;

namespace RiskMap.Core.Scoring;

/// <summary>
/// Puts one indicator's values on the 0–10 scale where higher always means riskier: the direction is applied first
/// (values of a "higher is better" indicator are negated), then min-max, or z-scores mapped so that ±3 standard
/// deviations span the scale.
/// </summary>
public static class Normalisation
{
    public static double[] ToRiskScale(IReadOnlyList<double> values, Direction direction, NormalisationMethod method)
    {
        var oriented = values.Select(v => direction == Direction.HigherIsBetter ? -v : v).ToArray();
        return method == NormalisationMethod.ZScore ? ZScore(oriented) : MinMax(oriented);
    }

    private static double[] MinMax(double[] values)
    {
        if (values.Length == 0) return values;
        var (min, max) = (values.Min(), values.Max());
        // All units alike: none is riskier than another on this indicator.
        return max == min ? new double[values.Length] : values.Select(v => 10 * (v - min) / (max - min)).ToArray();
    }

    private static double[] ZScore(double[] values)
    {
        if (values.Length == 0) return values;
        var mean = Statistics.Mean(values);
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        return sd == 0
            ? values.Select(_ => 5.0).ToArray()
            : values.Select(v => Math.Clamp(5 + 5 * (v - mean) / sd / 3, 0, 10)).ToArray();
    }
}
