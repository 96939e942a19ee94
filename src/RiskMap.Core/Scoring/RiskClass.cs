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

    /// <summary>
    /// Quintile classes: the lower bound of each class is the 20th, 40th, 60th and 80th percentile of the scores. A bound at
    /// or below the lowest score would lift the lowest units out of class 1 (all-zero scores would all be "very high"), so it
    /// is raised to the next higher score; when the scores do not vary there are no bounds and every unit is in class 1.
    /// </summary>
    public static IReadOnlyList<double> QuantileThresholds(IEnumerable<double> scores)
    {
        var sorted = scores.Order().ToArray();
        if (sorted.Length == 0 || sorted[^1] <= sorted[0]) return [];
        var nextAboveLowest = sorted.First(s => s > sorted[0]);
        return [.. new[] { 0.2, 0.4, 0.6, 0.8 }.Select(q => Math.Max(Statistics.Percentile(sorted, q), nextAboveLowest))];
    }

    /// <summary>
    /// <see cref="QuantileThresholds"/> rounded up to two decimals, for classes that are shown with their bounds: a
    /// full-precision bound would be some unit's exact score. Rounding up keeps every bound above the lowest score.
    /// </summary>
    public static IReadOnlyList<double> ShownQuantileThresholds(IEnumerable<double> scores) =>
        [.. QuantileThresholds(scores).Select(t => Math.Ceiling(Math.Round(t * 100, 9)) / 100)];
}
