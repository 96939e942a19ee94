namespace RiskMap.Core.HotSpots;

/// <summary>
/// Benjamini–Hochberg (1995) adjusted p-values over the m tests of one quarter. With p₍₁₎ ≤ … ≤ p₍ₘ₎ the adjusted value of
/// the k-th is q₍ₖ₎ = min over j ≥ k of min(1, m p₍ⱼ₎ / j); a test is a discovery at level α exactly when q ≤ α, which is
/// the step-up rule "reject the k largest-ranked with p₍ₖ₎ ≤ k α / m" at every α at once (one adjustment serves 90, 95
/// and 99 %). BH bounds the expected share of false discoveries among the discoveries; Bonferroni would bound the chance
/// of any false discovery at all, which over thousands of units per quarter leaves almost no power to find real spots.
/// </summary>
public static class FalseDiscoveryRate
{
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 1.0;
        for (var k = m - 1; k >= 0; k--)
        {
            running = Math.Min(running, pValues[order[k]] * m / (k + 1));
            adjusted[order[k]] = running;
        }
        return adjusted;
    }
}
