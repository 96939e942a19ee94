using RiskMap.Core.Indicators;

namespace RiskMap.Core.Scoring;

/// <summary>
/// One indicator's fixed scale at one level (methodology 2.0), taken from the reference quarters and applied
/// unchanged to every quarter: orientation, the outlier treatment chosen on the reference values, and the bounds that
/// map to 0 and 10. A value beyond the reference range is clamped to the scale and flagged.
/// </summary>
/// <param name="Lower">Treated value that scores 0: the reference minimum, or for a count the pooled reference rate.</param>
/// <param name="Upper">Treated value that scores 10: the reference maximum after treatment.</param>
/// <param name="Floor">The reference minimum after treatment; only values below it (or above <paramref name="Upper"/>) are out of range.</param>
/// <param name="Origin">For a log treatment, the reference extreme the log is taken from (min for a high tail, max for a low tail).</param>
public sealed record Goalpost(Direction Direction, Treatment Treatment, bool HighTail, double Origin, double Lower, double Upper, double Floor)
{
    /// <summary>Fits the scale on the reference values (per 1,000 pupils for counts, as reported otherwise).</summary>
    /// <param name="countMean">For a count, the pooled reference rate: a rate at or below it is no sign of risk.</param>
    /// <returns>null when the reference values do not vary: the indicator carries no signal at this level.</returns>
    public static Goalpost? Fit(IReadOnlyList<double> reference, Direction direction, double? countMean, Methodology methodology)
    {
        if (reference.Count == 0) return null;
        var oriented = reference.Select(v => Orient(v, direction)).ToArray();
        var (min, max) = (oriented.Min(), oriented.Max());
        // Treated in place: winsorising caps the reference range (the cap becomes the bound that scores 10), a log
        // transform maps it; either way the treated reference range is the scale.
        var treatment = OutlierTreatment.Apply(oriented, methodology);
        var highTail = treatment.SkewnessBefore > 0;
        var draft = new Goalpost(direction, treatment, highTail, highTail ? min : max, 0, 0, 0);
        var (floor, upper) = (oriented.Min(), oriented.Max());
        var lower = countMean is { } mean ? Math.Max(floor, draft.Treat(mean)) : floor;
        return upper > lower ? draft with { Lower = lower, Upper = upper, Floor = floor } : null;
    }

    /// <summary>The value on the 0–10 risk scale, and whether it lay outside the reference range.</summary>
    public (double Score, bool OutOfRange) Scale(double value)
    {
        var treated = Treat(value);
        var outOfRange = treated > Upper || treated < Floor;
        return (10 * (Math.Clamp(treated, Lower, Upper) - Lower) / (Upper - Lower), outOfRange);
    }

    private double Treat(double value)
    {
        var oriented = Orient(value, Direction);
        if (Treatment.Kind != TreatmentKind.LogTransformed) return oriented;
        // Beyond the log's origin the value is clamped to it, so that the log stays defined.
        return HighTail ? Math.Log(Math.Max(oriented, Origin) - Origin + 1) : -Math.Log(Origin - Math.Min(oriented, Origin) + 1);
    }

    private static double Orient(double value, Direction direction) => direction == Direction.HigherIsBetter ? -value : value;
}
