namespace RiskMap.Core.Forecasting;

/// <summary>
/// A predictive distribution of a count: negative binomial with mean μ and size k (variance μ + μ²/k); an infinite
/// size is the Poisson, a zero mean the point mass at 0. The probabilities are built by the ratio recursion in logs,
/// so a region's hundreds of events never underflow.
/// </summary>
public readonly record struct NegativeBinomial(double Mean, double Size)
{
    private const double TailMass = 1e-10;

    /// <summary>The overdispersion 1/k (0 for the Poisson).</summary>
    public double Dispersion => double.IsPositiveInfinity(Size) ? 0 : 1 / Size;

    public static NegativeBinomial WithDispersion(double mean, double dispersion) =>
        new(Math.Max(0, mean), dispersion <= 0 ? double.PositiveInfinity : 1 / dispersion);

    /// <summary>F(0), F(1), … up to where the upper tail is below 10⁻¹⁰ and at least up to <paramref name="atLeast"/>.</summary>
    public double[] Cumulative(int atLeast = 0)
    {
        var cdf = new List<double>();
        if (Mean <= 0)
        {
            for (var j = 0; j <= atLeast; j++) cdf.Add(1);
            return [.. cdf];
        }
        var poisson = double.IsPositiveInfinity(Size);
        var logRatio = poisson ? Math.Log(Mean) : Math.Log(Mean / (Size + Mean));
        var logP = poisson ? -Mean : Size * Math.Log(Size / (Size + Mean));
        var sum = 0.0;
        for (var j = 0; ; j++)
        {
            sum += Math.Exp(logP);
            cdf.Add(Math.Min(1, sum));
            if (j >= atLeast && j >= Mean && 1 - sum < TailMass) break;
            if (j > 10_000_000) break;
            logP += (poisson ? 0 : Math.Log(j + Size)) - Math.Log(j + 1) + logRatio;
        }
        return [.. cdf];
    }

    /// <summary>The 10, 50 and 90 % quantiles from one pass over the distribution.</summary>
    public (int Low, int Median, int High) Quantiles()
    {
        var cdf = Cumulative();
        return (Quantile(cdf, 0.1), Quantile(cdf, 0.5), Quantile(cdf, 0.9));
    }

    /// <summary>The smallest count whose cumulative probability reaches <paramref name="p"/>.</summary>
    private static int Quantile(double[] cdf, double p)
    {
        for (var j = 0; j < cdf.Length; j++)
            if (cdf[j] >= p) return j;
        return cdf.Length - 1;
    }

    /// <summary><see cref="Crps"/> and <see cref="IntervalCoverage"/> (10–90 %) of the observed count from one pass over the distribution.</summary>
    public (double Crps, double Coverage) Score(double observed)
    {
        var y = (int)Math.Round(observed);
        var cdf = Cumulative(y);
        return (Crps(cdf, y), IntervalCoverage(cdf, y, 0.1, 0.9));
    }

    /// <summary>
    /// The continuous ranked probability score of the observed count y: ∫(F(x) − 1{x ≥ y})² dx, which on the integers is
    /// exactly Σⱼ (F(j) − 1{j ≥ y})² (F is flat between them). In units of events; lower is better.
    /// </summary>
    public double Crps(double observed)
    {
        var y = (int)Math.Round(observed);
        return Crps(Cumulative(y), y);
    }

    private static double Crps(double[] cdf, int y)
    {
        var sum = 0.0;
        for (var j = 0; j < cdf.Length; j++)
        {
            var step = j >= y ? 1.0 : 0.0;
            sum += (cdf[j] - step) * (cdf[j] - step);
        }
        return sum;
    }

    /// <summary>
    /// How much of the central interval between probabilities <paramref name="low"/> and <paramref name="high"/> the
    /// observation falls in, read from the non-randomised PIT of a count (Czado, Gneiting &amp; Held 2009): the PIT of y
    /// is spread uniformly over [F(y−1), F(y)], and the share of that span inside [low, high] is returned. A calibrated
    /// forecast scores high − low on average even for counts of 0 and 1, where whole-number interval ends would cover
    /// far more than 80 % and say nothing about calibration.
    /// </summary>
    public double IntervalCoverage(double observed, double low = 0.1, double high = 0.9)
    {
        var y = (int)Math.Round(observed);
        return IntervalCoverage(Cumulative(y), y, low, high);
    }

    private static double IntervalCoverage(double[] cdf, int y, double low, double high)
    {
        var below = y == 0 ? 0 : cdf[y - 1];
        var at = cdf[y];
        if (at - below <= 0) return below >= low && below <= high ? 1 : 0;
        var overlap = Math.Max(0, Math.Min(at, high) - Math.Max(below, low));
        return overlap / (at - below);
    }
}
