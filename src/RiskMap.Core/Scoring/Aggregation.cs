namespace RiskMap.Core.Scoring;

/// <summary>One unit's score and how it came about.</summary>
public sealed record Composite(double Score, double?[] DomainScores, double[] Contributions);

/// <summary>
/// Weighted arithmetic mean of indicator scores within a domain; weighted geometric mean across domains, as INFORM
/// does, but of (score + 1) less 1, so that a domain at exactly 0 lowers the composite instead of zeroing it.
/// Missing indicators and domains drop out and the remaining weights are rescaled.
/// </summary>
public static class Aggregation
{
    /// <param name="scores">Normalised score per indicator (NaN where missing).</param>
    /// <param name="indicatorWeights">Weight per indicator.</param>
    /// <param name="domainOfIndicator">Domain index per indicator.</param>
    /// <param name="domainWeights">Weight per domain.</param>
    /// <returns>null when the unit has no indicator at all.</returns>
    public static Composite? Combine(ReadOnlySpan<double> scores, ReadOnlySpan<double> indicatorWeights, ReadOnlySpan<int> domainOfIndicator, ReadOnlySpan<double> domainWeights)
    {
        Span<double> weightedSum = stackalloc double[domainWeights.Length];
        Span<double> weightSum = stackalloc double[domainWeights.Length];
        SumByDomain(scores, indicatorWeights, domainOfIndicator, weightedSum, weightSum);
        var composite = Geometric(weightedSum, weightSum, domainWeights, out var logSum);
        if (double.IsNaN(composite)) return null;

        var domainScores = new double?[domainWeights.Length];
        for (var j = 0; j < domainWeights.Length; j++)
            if (weightSum[j] > 0 && domainWeights[j] > 0) domainScores[j] = weightedSum[j] / weightSum[j];

        // Each domain's share of the composite is its share of the weighted logs; within a domain, each indicator's
        // share is its share of the weighted sum. The contributions add up to the composite.
        var contributions = new double[scores.Length];
        if (logSum > 0)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                var j = domainOfIndicator[i];
                if (double.IsNaN(scores[i]) || indicatorWeights[i] <= 0 || domainScores[j] is not { } d || weightedSum[j] == 0) continue;
                var domainShare = domainWeights[j] * Math.Log(d + 1) / logSum;
                contributions[i] = composite * domainShare * indicatorWeights[i] * scores[i] / weightedSum[j];
            }
        }
        return new Composite(composite, domainScores, contributions);
    }

    /// <summary>The composite alone (NaN without data), for the many re-runs of the uncertainty analysis.</summary>
    public static double Score(ReadOnlySpan<double> scores, ReadOnlySpan<double> indicatorWeights, ReadOnlySpan<int> domainOfIndicator, ReadOnlySpan<double> domainWeights)
    {
        Span<double> weightedSum = stackalloc double[domainWeights.Length];
        Span<double> weightSum = stackalloc double[domainWeights.Length];
        SumByDomain(scores, indicatorWeights, domainOfIndicator, weightedSum, weightSum);
        return Geometric(weightedSum, weightSum, domainWeights, out _);
    }

    private static void SumByDomain(ReadOnlySpan<double> scores, ReadOnlySpan<double> indicatorWeights, ReadOnlySpan<int> domainOfIndicator,
        Span<double> weightedSum, Span<double> weightSum)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            if (double.IsNaN(scores[i]) || indicatorWeights[i] <= 0) continue;
            weightedSum[domainOfIndicator[i]] += indicatorWeights[i] * scores[i];
            weightSum[domainOfIndicator[i]] += indicatorWeights[i];
        }
    }

    private static double Geometric(ReadOnlySpan<double> weightedSum, ReadOnlySpan<double> weightSum, ReadOnlySpan<double> domainWeights, out double logSum)
    {
        logSum = 0;
        var domainWeightSum = 0.0;
        for (var j = 0; j < domainWeights.Length; j++)
        {
            if (weightSum[j] == 0 || domainWeights[j] <= 0) continue;
            logSum += domainWeights[j] * Math.Log(weightedSum[j] / weightSum[j] + 1);
            domainWeightSum += domainWeights[j];
        }
        return domainWeightSum == 0 ? double.NaN : Math.Exp(logSum / domainWeightSum) - 1;
    }
}
