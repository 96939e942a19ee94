namespace RiskMap.Core.HotSpots;

/// <summary>A unit's Gi* in one quarter: its z-score and the two-sided normal p-value of that z-score.</summary>
public readonly record struct GiStarScore(double Z, double P);

/// <summary>
/// The Getis–Ord local statistic Gi* (Getis and Ord 1992; Ord and Getis 1995, eq. 14) with binary contiguity, each unit
/// its own neighbour. Over the n units that have a value x, with x̄ = Σx / n, S = √(Σ(x − x̄)² / n) and, for unit i,
/// W_i = Σ_j w_ij (itself and its neighbours that have a value; Σ_j w_ij² = W_i as the weights are 0 or 1):
///   z_i = (Σ_j w_ij x_j − x̄ W_i) / (S √((n W_i − W_i²) / (n − 1))).
/// A unit without a value is left out entirely: it is not counted in n, x̄ or S, it contributes to no neighbour's sum
/// and gets no score. When the denominator is 0 (all values equal, or a unit that touches every other) the numerator is
/// 0 too and there is no evidence of clustering: z = 0, p = 1.
/// </summary>
public static class GiStar
{
    /// <summary>Gi* of every unit of <paramref name="weights"/> that has a value in <paramref name="values"/>.</summary>
    public static IReadOnlyDictionary<string, GiStarScore> Compute(SpatialWeights weights, IReadOnlyDictionary<string, double> values)
    {
        var (x, has) = Align(weights, values);
        var n = values.Count;
        var mean = 0.0;
        for (var i = 0; i < x.Length; i++) if (has[i]) mean += x[i];
        mean /= n;
        var squares = 0.0;
        for (var i = 0; i < x.Length; i++) if (has[i]) squares += (x[i] - mean) * (x[i] - mean);
        var s = Math.Sqrt(squares / n);

        var scores = new Dictionary<string, GiStarScore>(n, StringComparer.Ordinal);
        for (var i = 0; i < x.Length; i++)
        {
            if (!has[i]) continue;
            var (local, w) = (x[i], 1.0);
            foreach (var j in weights.NeighboursOf(i))
            {
                if (!has[j]) continue;
                local += x[j];
                w++;
            }
            var denominator = s * Math.Sqrt((n * w - w * w) / (n - 1));
            var z = denominator > 0 ? (local - mean * w) / denominator : 0;
            scores[weights.Units[i]] = new GiStarScore(z, NormalDistribution.TwoSidedP(z));
        }
        return scores;
    }

    private static (double[] X, bool[] Has) Align(SpatialWeights weights, IReadOnlyDictionary<string, double> values)
    {
        var x = new double[weights.Units.Count];
        var has = new bool[x.Length];
        foreach (var (unit, value) in values)
        {
            if (!weights.TryIndexOf(unit, out var i))
                throw new ArgumentException($"Unit '{unit}' has a value but no place in the weights.", nameof(values));
            if (!double.IsFinite(value))
                throw new ArgumentException($"Unit '{unit}' has the value {value}; leave a unit without a value out instead.", nameof(values));
            (x[i], has[i]) = (value, true);
        }
        return (x, has);
    }
}
