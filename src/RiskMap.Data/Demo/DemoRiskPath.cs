namespace RiskMap.Data.Demo;

/// <summary>
/// The slowly moving part of a unit's risk: a multiplier per quarter on its persistent risk. Its logarithm is an AR(1)
/// (so the recent quarters tell more about the next one than the long-run mean does), plus, for a unit that trends, a
/// steady change per quarter from <see cref="TrendFrom"/> on.
/// </summary>
internal static class DemoRiskPath
{
    /// <summary>How much of last quarter's deviation carries into this one.</summary>
    public const double Persistence = 0.7;

    /// <summary>Trends start a third of the way in (2024Q1), so the first year is the units' ordinary level.</summary>
    public const int TrendFrom = 4;

    /// <param name="shockSd">The standard deviation of each quarter's new shock to the log-risk.</param>
    /// <param name="trend">The change in log-risk per quarter from <see cref="TrendFrom"/> on (0.08: about +8 % a quarter).</param>
    public static double[] Draw(DemoRandom random, int quarters, double shockSd, double trend = 0)
    {
        var path = new double[quarters];
        // Started from its long-run spread, so the first quarters vary as much as the later ones.
        var deviation = random.Normal(0, shockSd / Math.Sqrt(1 - Persistence * Persistence));
        for (var q = 0; q < quarters; q++)
        {
            if (q > 0) deviation = Persistence * deviation + random.Normal(0, shockSd);
            path[q] = Math.Exp(deviation + trend * Math.Max(0, q - TrendFrom));
        }
        return path;
    }
}
