namespace RiskMap.Core.HotSpots;

/// <summary>
/// Tail probabilities of the standard normal distribution, to double precision also far in the tail (where 1 − Φ(z)
/// would cancel to 0), through erfc(x) = Q(½, x²), the regularised upper incomplete gamma function: its power series
/// below x² = 1.5 and Lentz's continued fraction above (Press et al., Numerical Recipes, 3rd ed., §6.2).
/// </summary>
public static class NormalDistribution
{
    /// <summary>P(|Z| ≥ |z|) for a standard normal Z.</summary>
    public static double TwoSidedP(double z) => Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>P(Z ≥ z) for a standard normal Z.</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    private const double LogGammaHalf = 0.57236494292470008; // ln Γ(½) = ln √π
    private const double Epsilon = 1e-16;
    private const int MaxTerms = 500;

    private static double Erfc(double x)
    {
        if (x <= 0) return x == 0 ? 1 : 2 - Erfc(-x);
        var a = x * x;
        return a < 1.5 ? 1 - LowerSeries(a) : UpperFraction(a);
    }

    /// <summary>P(½, a) = e^(−a) a^½ / Γ(3/2) · Σ aⁿ / ((3/2)(5/2)…(½+n)).</summary>
    private static double LowerSeries(double a)
    {
        var (denominator, term, sum) = (0.5, 2.0, 2.0);
        for (var k = 0; k < MaxTerms; k++)
        {
            denominator++;
            term *= a / denominator;
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon) break;
        }
        return sum * Math.Exp(-a + 0.5 * Math.Log(a) - LogGammaHalf);
    }

    /// <summary>Q(½, a) by the modified Lentz evaluation of its continued fraction.</summary>
    private static double UpperFraction(double a)
    {
        const double tiny = 1e-300;
        var b = a + 0.5;
        var c = 1 / tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxTerms; i++)
        {
            var an = -i * (i - 0.5);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < tiny) d = tiny;
            c = b + an / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            var step = d * c;
            h *= step;
            if (Math.Abs(step - 1) < Epsilon) break;
        }
        return Math.Exp(-a + 0.5 * Math.Log(a) - LogGammaHalf) * h;
    }
}
