namespace RiskMap.Core.Scoring;

/// <summary>
/// The random generator of methodology 2.0, written out so that a run can be reproduced bit for bit on any platform
/// and runtime: xoshiro256** (Blackman and Vigna 2018), its state filled by SplitMix64 from a 64-bit key. Uniforms
/// take the top 53 bits; normals the ziggurat (<see cref="NextNormal"/>); gammas Marsaglia and Tsang (2000), with the
/// U^(1/shape) boost below shape 1. Every stream is keyed by what it is for (<see cref="Key"/>), never by thread.
/// </summary>
public struct ScoringRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public ScoringRandom(ulong key)
    {
        var x = key;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A stream's key from the run's seed and the stream's coordinates, each mixed in by SplitMix64.</summary>
    public static ulong Key(int seed, params ReadOnlySpan<long> parts)
    {
        var key = (ulong)(uint)seed;
        foreach (var part in parts)
        {
            var x = key ^ (ulong)part;
            key = SplitMix(ref x);
        }
        return key;
    }

    /// <summary>Uniform on [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// Standard normal by the ziggurat (<see cref="Ziggurat"/>; Marsaglia and Tsang 2000, Doornik 2005). One output gives
    /// both the layer (its lowest 7 bits) and the uniform U (its top 53 bits): x = (2U − 1) · X[layer] is accepted at once
    /// when |2U − 1| &lt; X[layer + 1] / X[layer] (about 98.8 % of draws); otherwise layer 0 draws from the tail and the
    /// other layers test the wedge with a further uniform, and a rejected x starts again.
    /// </summary>
    public double NextNormal()
    {
        var x = Ziggurat.X;
        while (true)
        {
            var bits = NextUInt64();
            var layer = (int)(bits & (Ziggurat.Layers - 1));
            var u = 2 * ((bits >> 11) * (1.0 / (1UL << 53))) - 1;
            if (Math.Abs(u) < Ziggurat.Ratio[layer]) return u * x[layer];
            if (layer == 0) return NormalTail(u < 0);
            var candidate = u * x[layer];
            var atEdge = Math.Exp(-0.5 * (x[layer] * x[layer] - candidate * candidate));
            var atNextEdge = Math.Exp(-0.5 * (x[layer + 1] * x[layer + 1] - candidate * candidate));
            if (atNextEdge + NextDouble() * (atEdge - atNextEdge) < 1) return candidate;
        }
    }

    /// <summary>Marsaglia's tail beyond <see cref="Ziggurat.Tail"/>: pairs of uniforms until one is accepted.</summary>
    private double NormalTail(bool negative)
    {
        double x, y;
        do
        {
            x = Math.Log(1 - NextDouble()) / Ziggurat.Tail;
            y = Math.Log(1 - NextDouble());
        } while (-2 * y < x * x);
        return negative ? x - Ziggurat.Tail : Ziggurat.Tail - x;
    }

    /// <summary>Gamma with the given shape and scale 1.</summary>
    public double NextGamma(double shape) => NextGamma(new GammaShape(shape));

    /// <summary>Gamma with a shape whose constants are worked out once, for many draws of the same shape.</summary>
    public double NextGamma(in GammaShape shape) => NextGamma(shape, double.NegativeInfinity);

    /// <summary>
    /// <see cref="NextGamma(in GammaShape)"/> for a caller to whom every value at or below <paramref name="alike"/> is the
    /// same: when the draw before the U^(1/k) boost (shapes below 1) is already at or below it, so is the boosted draw,
    /// and the unboosted draw is returned. The boost's uniform is drawn all the same, so the stream advances exactly as
    /// in <see cref="NextGamma(in GammaShape)"/>.
    /// </summary>
    public double NextGamma(in GammaShape shape, double alike)
    {
        var draw = MarsagliaTsang(shape.D, shape.C);
        if (!shape.Boost) return draw;
        var u = NextDouble();
        // U^(1/k) as exp(ln U / k): the same number up to rounding, and cheaper than Math.Pow.
        return draw <= alike ? draw : draw * Math.Exp(Math.Log(u) * shape.InverseShape);
    }

    private double MarsagliaTsang(double d, double c)
    {
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// Marsaglia and Tsang's constants for one shape: d = k − 1/3 and c = 1/√(9d), of k + 1 when k &lt; 1 (then the draw is
/// boosted by U^(1/k)).
/// </summary>
public readonly struct GammaShape
{
    public GammaShape(double shape)
    {
        Boost = shape < 1;
        var k = Boost ? shape + 1 : shape;
        D = k - 1.0 / 3;
        C = 1 / Math.Sqrt(9 * D);
        InverseShape = 1 / shape;
    }

    public double D { get; }

    public double C { get; }

    public bool Boost { get; }

    public double InverseShape { get; }
}
