namespace RiskMap.Core.Scoring;

public enum TreatmentKind
{
    None,
    Winsorised,
    LogTransformed,
}

/// <summary>What was done to one indicator's values in one level and quarter, recorded with the run.</summary>
public sealed record Treatment(TreatmentKind Kind, int PointsWinsorised, double SkewnessBefore, double KurtosisBefore);

/// <summary>
/// The JRC's outlier rule (COINr): an indicator needs treatment when |skewness| &gt; 2 and kurtosis &gt; 3.5. The most
/// extreme value on the long tail is winsorised (set to the next value in) up to five times; if the rule still
/// fails, the original values are log-transformed instead.
/// </summary>
public static class OutlierTreatment
{
    public static Treatment Apply(double[] values, Methodology methodology)
    {
        var skewness = Statistics.Skewness(values);
        var kurtosis = Statistics.Kurtosis(values);
        if (!NeedsTreatment(skewness, kurtosis, methodology)) return new Treatment(TreatmentKind.None, 0, skewness, kurtosis);

        var winsorised = (double[])values.Clone();
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var highTail = skewness > 0;
        for (var step = 1; step <= methodology.MaxWinsorised && step < values.Length; step++)
        {
            // Replace the `step` most extreme values by the next value in.
            var boundary = highTail ? values[order[^(step + 1)]] : values[order[step]];
            for (var s = 0; s < step; s++) winsorised[highTail ? order[^(s + 1)] : order[s]] = boundary;
            if (!NeedsTreatment(Statistics.Skewness(winsorised), Statistics.Kurtosis(winsorised), methodology))
            {
                Array.Copy(winsorised, values, values.Length);
                return new Treatment(TreatmentKind.Winsorised, step, skewness, kurtosis);
            }
        }

        // Shifted so the log is defined; a long low tail is mirrored so that the order of the values is kept.
        var (minimum, maximum) = (values.Min(), values.Max());
        for (var i = 0; i < values.Length; i++)
            values[i] = highTail ? Math.Log(values[i] - minimum + 1) : -Math.Log(maximum - values[i] + 1);
        return new Treatment(TreatmentKind.LogTransformed, 0, skewness, kurtosis);
    }

    private static bool NeedsTreatment(double skewness, double kurtosis, Methodology methodology) =>
        Math.Abs(skewness) > methodology.SkewnessThreshold && kurtosis > methodology.KurtosisThreshold;
}
