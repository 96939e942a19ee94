using System.Runtime.Intrinsics;

namespace RiskMap.Core.Scoring;

/// <summary>
/// Four <see cref="ScoringRandom"/> streams side by side, one per lane of a 256-bit vector, so that many Gamma draws of
/// one shape are made four at a time. Replication r is drawn by lane r mod 4, each lane in ascending r, and every lane
/// gives exactly what <see cref="ScoringRandom.NextGamma(in GammaShape)"/> gives on its own stream: the common case
/// (the ziggurat accepts the first output, v &gt; 0, the squeeze accepts) is computed for the four lanes at once, and a
/// lane that leaves it goes back to where its attempt began and draws with the scalar code.
/// </summary>
public struct GammaLanes
{
    public const int Lanes = 4;

    private Vector256<ulong> _s0, _s1, _s2, _s3;

    /// <summary>Lane l is the stream keyed by <paramref name="keys"/>[l].</summary>
    public GammaLanes(ReadOnlySpan<ulong> keys)
    {
        Span<ulong> s0 = stackalloc ulong[Lanes], s1 = stackalloc ulong[Lanes], s2 = stackalloc ulong[Lanes], s3 = stackalloc ulong[Lanes];
        for (var l = 0; l < Lanes; l++) (s0[l], s1[l], s2[l], s3[l]) = new ScoringRandom(keys[l]).State;
        (_s0, _s1, _s2, _s3) = (Vector256.Create<ulong>(s0), Vector256.Create<ulong>(s1), Vector256.Create<ulong>(s2), Vector256.Create<ulong>(s3));
    }

    /// <summary>Fills <paramref name="draws"/>[r] with a Gamma(shape) draw of lane r mod 4, for every r in order.</summary>
    public void NextGammas(in GammaShape shape, Span<double> draws)
    {
        var whole = draws.Length - draws.Length % Lanes;
        for (var r = 0; r < whole; r += Lanes) Next(shape, draws.Slice(r, Lanes));
        for (var r = whole; r < draws.Length; r++) draws[r] = Scalar(r % Lanes, shape);
    }

    private void Next(in GammaShape shape, Span<double> four)
    {
        var (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
        var bits = Step(ref s0, ref s1, ref s2, ref s3);
        var layer = bits & Vector256.Create((ulong)(Ziggurat.Layers - 1));
        var u = Vector256.Create(2.0) * Uniform(bits) - Vector256<double>.One;
        var (ratio, edge) = (Gather(Ziggurat.Ratio, layer), Gather(Ziggurat.X, layer));
        var x = u * edge;
        var v = Vector256<double>.One + Vector256.Create(shape.C) * x;
        var accepted = Vector256.LessThan(Vector256.Abs(u), ratio) & Vector256.GreaterThan(v, Vector256<double>.Zero);
        v = v * v * v;
        var squeeze = Vector256<double>.One - Vector256.Create(0.0331) * x * x * x * x;
        accepted &= Vector256.LessThan(Uniform(Step(ref s0, ref s1, ref s2, ref s3)), squeeze);
        var draw = Vector256.Create(shape.D) * v;
        var boost = shape.Boost ? Uniform(Step(ref s0, ref s1, ref s2, ref s3)) : default;

        // A lane whose attempt failed anywhere keeps its old state and is drawn by the scalar code below.
        var keep = accepted.AsUInt64();
        (_s0, _s1, _s2, _s3) = (Vector256.ConditionalSelect(keep, s0, _s0), Vector256.ConditionalSelect(keep, s1, _s1),
            Vector256.ConditionalSelect(keep, s2, _s2), Vector256.ConditionalSelect(keep, s3, _s3));
        for (var l = 0; l < Lanes; l++)
        {
            if (keep.GetElement(l) == 0) four[l] = Scalar(l, shape);
            else four[l] = shape.Boost ? draw.GetElement(l) * ScoringRandom.BoostFactor(boost.GetElement(l), shape) : draw.GetElement(l);
        }
    }

    private double Scalar(int lane, in GammaShape shape)
    {
        var random = new ScoringRandom((_s0.GetElement(lane), _s1.GetElement(lane), _s2.GetElement(lane), _s3.GetElement(lane)));
        var draw = random.NextGamma(shape);
        var (s0, s1, s2, s3) = random.State;
        (_s0, _s1, _s2, _s3) = (_s0.WithElement(lane, s0), _s1.WithElement(lane, s1), _s2.WithElement(lane, s2), _s3.WithElement(lane, s3));
        return draw;
    }

    /// <summary>xoshiro256** on four lanes: <see cref="ScoringRandom.NextUInt64"/>, with × 5 and × 9 as shifts and adds.</summary>
    private static Vector256<ulong> Step(ref Vector256<ulong> s0, ref Vector256<ulong> s1, ref Vector256<ulong> s2, ref Vector256<ulong> s3)
    {
        var times5 = (s1 << 2) + s1;
        var rotated = (times5 << 7) | Vector256.ShiftRightLogical(times5, 57);
        var result = (rotated << 3) + rotated;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 45) | Vector256.ShiftRightLogical(s3, 19);
        return result;
    }

    private static Vector256<double> Uniform(Vector256<ulong> bits) =>
        Vector256.ConvertToDouble(Vector256.ShiftRightLogical(bits, 11).AsInt64()) * Vector256.Create(1.0 / (1UL << 53));

    private static Vector256<double> Gather(double[] table, Vector256<ulong> index) =>
        Vector256.Create(table[(int)index.GetElement(0)], table[(int)index.GetElement(1)], table[(int)index.GetElement(2)], table[(int)index.GetElement(3)]);
}
