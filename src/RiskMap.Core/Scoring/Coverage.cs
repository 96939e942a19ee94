namespace RiskMap.Core.Scoring;

/// <summary>
/// Methodology 2.0's reliability input: per unit, indicator and quarter, the share of the data behind the value.
/// A unit's own report counts 1 in its quarter and ½ while it is carried forward; where the unit has no report of
/// its own, its children count instead, 1 current, ½ carried forward, 0 missing, weighted by their pupils over all
/// the children's pupils (so a district whose schools with 70 % of the pupils report has 0.7, however current).
/// </summary>
public static class Coverage
{
    /// <summary>Which cells hold a unit's own report, taken before carry-forward and aggregation fill the others.</summary>
    public static bool[] Reported(LevelData data) => Array.ConvertAll(data.Values, v => !double.IsNaN(v));

    /// <param name="reported">The level's own reports (<see cref="Reported"/>).</param>
    /// <param name="children">The level below with its coverage, or null for schools.</param>
    public static double[] Of(LevelData data, bool[] reported, int lookback, (LevelData Data, double[] Coverage)? children)
    {
        var coverage = new double[data.Values.Length];
        for (var t = 0; t < data.Periods; t++)
            for (var i = 0; i < data.Indicators; i++)
                for (var u = 0; u < data.Units; u++)
                    coverage[data.Cell(t, i, u)] = Own(data, reported, t, i, u, lookback);
        if (children is not { } below) return coverage;

        var parentOf = new int[below.Data.Units];
        var childPupils = new double[data.Units];
        for (var c = 0; c < below.Data.Units; c++)
        {
            parentOf[c] = below.Data.Parents[c] is { } code && data.TryGetUnit(code, out var p) ? p : -1;
            if (parentOf[c] >= 0) childPupils[parentOf[c]] += below.Data.Pupils[c];
        }
        var covered = new double[data.Units];
        for (var t = 0; t < data.Periods; t++)
            for (var i = 0; i < data.Indicators; i++)
            {
                Array.Clear(covered);
                for (var c = 0; c < below.Data.Units; c++)
                    if (parentOf[c] >= 0) covered[parentOf[c]] += below.Data.Pupils[c] * below.Coverage[below.Data.Cell(t, i, c)];
                for (var u = 0; u < data.Units; u++)
                {
                    if (childPupils[u] <= 0) continue;
                    var cell = data.Cell(t, i, u);
                    coverage[cell] = Math.Max(coverage[cell], covered[u] / childPupils[u]);
                }
            }
        return coverage;
    }

    private static double Own(LevelData data, bool[] reported, int t, int i, int u, int lookback)
    {
        if (reported[data.Cell(t, i, u)]) return 1;
        for (var back = 1; back <= lookback && t - back >= 0; back++)
            if (reported[data.Cell(t - back, i, u)]) return 0.5;
        return 0;
    }
}
