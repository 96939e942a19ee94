using RiskMap.Core.Forecasting;
using RiskMap.Core.Indicators;

namespace RiskMap.Core.Tests.Forecasting;

/// <summary>
/// Negative binomial series with known parameters, drawn without the model's code: yᵤₜ ~ Poisson(pupilsᵤ θᵤ e^(b + s_q + γ(t − last)/4) G),
/// θᵤ ~ Gamma with mean 1 and variance <see cref="EffectVariance"/>, G ~ Gamma with mean 1 and variance <see cref="ExtraDispersion"/>.
/// </summary>
internal sealed class SimulatedCounts
{
    public const double Intercept = -4.5;
    public const double TrendPerYear = 0.12;
    public const double EffectVariance = 0.2;
    public const double ExtraDispersion = 0.05;
    public static readonly double[] Seasonality = [0, 0.25, -0.2, 0.1];

    public SimulatedCounts(int units, int periods, int seed)
    {
        var random = new Random(seed);
        Effects = [.. Enumerable.Range(0, units).Select(_ => Gamma(random, 1 / EffectVariance) * EffectVariance)];
        var pupils = Enumerable.Range(0, units).Select(_ => 300.0 + random.Next(1200)).ToArray();
        var quarters = Enumerable.Range(0, periods).Select(t => new Quarter(2023 + t / 4, t % 4 + 1)).ToArray();
        var counts = new double[units * periods];
        for (var u = 0; u < units; u++)
            for (var t = 0; t < periods; t++)
            {
                var mean = pupils[u] * Effects[u] * Math.Exp(Intercept + Seasonality[t % 4] + TrendPerYear * (t - (periods - 1)) / 4.0);
                counts[u * periods + t] = Poisson(random, mean * Gamma(random, 1 / ExtraDispersion) * ExtraDispersion);
            }
        Panel = new CountPanel([.. Enumerable.Range(0, units).Select(u => $"U{u}")], quarters, counts, pupils,
            [.. Enumerable.Range(0, units).Select(_ => Array.Empty<int>())]);
    }

    public double[] Effects { get; }

    public CountPanel Panel { get; }

    /// <summary>Marsaglia–Tsang (2000) for shape ≥ 1, scale 1.</summary>
    private static double Gamma(Random random, double shape)
    {
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = random.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v;
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Inversion: counts here stay below a few hundred.</summary>
    private static double Poisson(Random random, double mean)
    {
        var u = random.NextDouble();
        var p = Math.Exp(-mean);
        var cdf = p;
        var k = 0;
        while (u > cdf && k < 10_000)
        {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }
}
