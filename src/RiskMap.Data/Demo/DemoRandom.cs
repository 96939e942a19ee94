namespace RiskMap.Data.Demo;

/// <summary>Seeded draws for the demo data; the same seed always gives the same data set.</summary>
internal sealed class DemoRandom(int seed)
{
    private readonly Random _random = new(seed);

    public double Uniform() => _random.NextDouble();

    public double Uniform(double min, double max) => min + (max - min) * _random.NextDouble();

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public double Normal(double mean = 0, double sd = 1)
    {
        // Box–Muller: two uniforms give one standard normal draw.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double LogNormal(double median, double sigma) => median * Math.Exp(Normal(0, sigma));

    public int Poisson(double lambda)
    {
        if (lambda <= 0) return 0;
        if (lambda > 50) return Math.Max(0, (int)Math.Round(Normal(lambda, Math.Sqrt(lambda))));
        var limit = Math.Exp(-lambda);
        var count = 0;
        var product = _random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= _random.NextDouble();
        }
        return count;
    }

    /// <summary>A count whose rate itself varies (gamma–Poisson, a negative binomial): variance mean + mean²/shape, so
    /// a smaller shape spreads the counts more than the pure Poisson of the same mean.</summary>
    public int GammaPoisson(double mean, double shape) => Poisson(mean * Gamma(shape) / shape);

    /// <summary>Gamma with scale 1, by Marsaglia and Tsang (shape ≥ 1).</summary>
    private double Gamma(double shape)
    {
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = _random.NextDouble();
            if (Math.Log(1 - u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v;
        }
    }

    public T Pick<T>(IReadOnlyList<(T Item, double Weight)> weighted)
    {
        var target = _random.NextDouble() * weighted.Sum(w => w.Weight);
        foreach (var (item, weight) in weighted)
        {
            target -= weight;
            if (target <= 0) return item;
        }
        return weighted[^1].Item;
    }
}
