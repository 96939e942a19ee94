namespace RiskMap.Core.Maps;

/// <summary>A scale bar's length: a round number of kilometres (1, 2 or 5 × 10ⁿ) and how many pixels it takes.</summary>
public sealed record ScaleBar(double Kilometres, double Pixels)
{
    /// <summary>The longest round length that fits in <paramref name="maxPixels"/> at <paramref name="metresPerPixel"/>.</summary>
    public static ScaleBar Fit(double metresPerPixel, double maxPixels)
    {
        var most = maxPixels * metresPerPixel / 1000;
        var power = Math.Pow(10, Math.Floor(Math.Log10(most)));
        var kilometres = new[] { 5, 2, 1 }.Select(f => f * power).First(k => k <= most);
        return new ScaleBar(kilometres, kilometres * 1000 / metresPerPixel);
    }
}
