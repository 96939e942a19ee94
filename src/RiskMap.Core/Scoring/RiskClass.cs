namespace RiskMap.Core.Scoring;

public enum RiskClass
{
    VeryLow = 1,
    Low = 2,
    Medium = 3,
    High = 4,
    VeryHigh = 5,
}

/// <summary>
/// Five classes on the 0–10 scale. Fixed thresholds keep a class meaning the same thing in every quarter (INFORM's
/// choice); quantiles put a fifth of the units in each class, for exploring one quarter.
/// </summary>
public static class RiskClasses
{
    public static RiskClass ByThresholds(double score, IReadOnlyList<double> thresholds)
    {
        var index = 0;
        while (index < thresholds.Count && score >= thresholds[index]) index++;
        return (RiskClass)(index + 1);
    }

    /// <summary>Quintile classes: the lower bound of each class is the 20th, 40th, 60th and 80th percentile of the scores.</summary>
    public static IReadOnlyList<double> QuantileThresholds(IEnumerable<double> scores)
    {
        var sorted = scores.Order().ToArray();
        if (sorted.Length == 0) return [];
        return [.. new[] { 0.2, 0.4, 0.6, 0.8 }.Select(q => Statistics.Percentile(sorted, q))];
    }
}
