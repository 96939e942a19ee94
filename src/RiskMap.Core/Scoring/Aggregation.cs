using System.Numerics;

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

    /// <summary>
    /// <see cref="Score"/> for every replication of the uncertainty analysis at once, each replication's composite equal
    /// bit for bit to what <see cref="Score"/> gives (the same operations in the same order). Indicator-major: row i holds
    /// indicator i in replication 0, 1, …; likewise the weights (<see cref="WeightDraws.IndicatorByReplication"/>).
    /// </summary>
    /// <param name="weightedSum">Scratch, domains × replications.</param>
    /// <param name="weightSum">Scratch, domains × replications.</param>
    /// <param name="composites">One composite per replication (NaN without data).</param>
    public static void ScoreReplications(ReadOnlySpan<double> scores, ReadOnlySpan<double> indicatorWeights, ReadOnlySpan<int> domainOfIndicator,
        ReadOnlySpan<double> domainWeights, Span<double> weightedSum, Span<double> weightSum, Span<double> composites)
    {
        var replications = composites.Length;
        var domains = domainWeights.Length / replications;
        weightedSum.Clear();
        weightSum.Clear();
        for (var i = 0; i < domainOfIndicator.Length; i++)
        {
            var row = (i * replications)..((i + 1) * replications);
            var domain = (domainOfIndicator[i] * replications)..((domainOfIndicator[i] + 1) * replications);
            SumRow(scores[row], indicatorWeights[row], weightedSum[domain], weightSum[domain]);
        }
        Span<double> replicationSum = stackalloc double[domains];
        Span<double> replicationWeight = stackalloc double[domains];
        Span<double> replicationDomainWeights = stackalloc double[domains];
        for (var r = 0; r < replications; r++)
        {
            for (var j = 0; j < domains; j++)
            {
                replicationSum[j] = weightedSum[j * replications + r];
                replicationWeight[j] = weightSum[j * replications + r];
                replicationDomainWeights[j] = domainWeights[j * replications + r];
            }
            composites[r] = Geometric(replicationSum, replicationWeight, replicationDomainWeights, out _);
        }
    }

    /// <summary><see cref="SumByDomain"/> for one indicator across replications: a skipped value adds +0, which changes no sum of non-negative terms.</summary>
    private static void SumRow(ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, Span<double> weightedSum, Span<double> weightSum)
    {
        var r = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; r <= scores.Length - Vector<double>.Count; r += Vector<double>.Count)
            {
                var (score, weight) = (new Vector<double>(scores[r..]), new Vector<double>(weights[r..]));
                var use = Vector.GreaterThan(weight, Vector<double>.Zero) & Vector.Equals(score, score);
                (new Vector<double>(weightedSum[r..]) + Vector.ConditionalSelect(use, weight * score, Vector<double>.Zero)).CopyTo(weightedSum[r..]);
                (new Vector<double>(weightSum[r..]) + Vector.ConditionalSelect(use, weight, Vector<double>.Zero)).CopyTo(weightSum[r..]);
            }
        }
        for (; r < scores.Length; r++)
        {
            if (double.IsNaN(scores[r]) || weights[r] <= 0) continue;
            weightedSum[r] += weights[r] * scores[r];
            weightSum[r] += weights[r];
        }
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
            // A domain at 0 adds ln 1 = 0, which changes no sum of non-negative terms: its log need not be taken.
            if (weightedSum[j] != 0) logSum += domainWeights[j] * Math.Log(weightedSum[j] / weightSum[j] + 1);
            domainWeightSum += domainWeights[j];
        }
        return domainWeightSum == 0 ? double.NaN : Math.Exp(logSum / domainWeightSum) - 1;
    }
}
