namespace RiskMap.Core.HotSpots;

/// <summary>A Mann–Kendall trend: the statistic S, its variance under no trend, the normal z-score and two-sided p-value.</summary>
public readonly record struct MannKendallTrend(int S, double Variance, double Z, double P)
{
    public bool RisesAt(double alpha) => Z > 0 && P <= alpha;

    public bool FallsAt(double alpha) => Z < 0 && P <= alpha;

    /// <summary>The same trend read the other way up (a rise becomes a fall), for the cold-spot rules.</summary>
    public MannKendallTrend Reversed() => this with { S = -S, Z = -Z };
}

/// <summary>
/// The Mann–Kendall test for a monotonic trend (Mann 1945; Kendall 1975), over a unit's series of Gi* z-scores in time
/// order: S = Σ_{i&lt;j} sign(x_j − x_i); under no trend, with g groups of t_p tied values,
/// Var(S) = [n(n − 1)(2n + 5) − Σ_p t_p(t_p − 1)(2t_p + 5)] / 18; z = (S − 1)/√Var(S) when S &gt; 0, (S + 1)/√Var(S) when
/// S &lt; 0 (continuity correction), 0 when S = 0; p = P(|Z| ≥ |z|).
/// </summary>
public static class MannKendall
{
    /// <summary>
    /// The fewest values the test is run on. p comes from the normal approximation of S, which is close to the exact
    /// distribution from 10 values on (docs/emerging-hotspots.md gives the comparison); on fewer values no trend is claimed.
    /// </summary>
    public const int MinimumValues = 10;

    /// <summary>The trend of the series, or null when it has fewer than <see cref="MinimumValues"/> values.</summary>
    public static MannKendallTrend? Test(IReadOnlyList<double> series)
    {
        var n = series.Count;
        if (n < MinimumValues) return null;
        var s = 0;
        for (var i = 0; i < n - 1; i++)
            for (var j = i + 1; j < n; j++)
                s += Math.Sign(series[j] - series[i]);
        var variance = (Spread(n) - series.GroupBy(v => v).Sum(g => Spread(g.Count()))) / 18;
        var z = variance > 0 ? (s - Math.Sign(s)) / Math.Sqrt(variance) : 0;
        return new MannKendallTrend(s, variance, z, NormalDistribution.TwoSidedP(z));
    }

    private static double Spread(int t) => t * (t - 1.0) * (2.0 * t + 5);
}
