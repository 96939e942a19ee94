namespace RiskMap.Core.Scoring;

/// <summary>
/// The 128 layers of Marsaglia and Tsang's ziggurat for the standard normal, as Doornik (2005) builds them: layer 0 is
/// the base strip with the tail beyond <see cref="Tail"/>, every layer has the area <see cref="Area"/>. Used by
/// <see cref="ScoringRandom.NextNormal"/>.
/// </summary>
internal static class Ziggurat
{
    public const int Layers = 128;

    public const double Tail = 3.442619855899;

    public const double Area = 9.91256303526217e-3;

    /// <summary>The right edge of each layer's rectangle (X[Layers] = 0 closes the top).</summary>
    public static readonly double[] X = Edges();

    /// <summary>X[i + 1] / X[i]: below it a point of layer i lies inside the next layer's width, under the curve for sure.</summary>
    public static readonly double[] Ratio = [.. Enumerable.Range(0, Layers).Select(i => X[i + 1] / X[i])];

    private static double[] Edges()
    {
        var x = new double[Layers + 1];
        var f = Math.Exp(-0.5 * Tail * Tail);
        x[0] = Area / f;
        x[1] = Tail;
        for (var i = 2; i < Layers; i++)
        {
            x[i] = Math.Sqrt(-2 * Math.Log(Area / x[i - 1] + f));
            f = Math.Exp(-0.5 * x[i] * x[i]);
        }
        return x;
    }
}
