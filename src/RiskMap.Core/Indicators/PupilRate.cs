namespace RiskMap.Core.Indicators;

/// <summary>
/// The one scale on which a count is read as a rate, wherever it is shown (tables, profiles, count tables) and by default
/// where it is scored: events per 1,000 pupils.
/// </summary>
public static class PupilRate
{
    public const double Per = 1_000;

    /// <summary>The count's rate per <see cref="Per"/> pupils; null without pupils to divide by.</summary>
    public static double? Of(double count, double? pupils) => pupils is > 0 and var n ? count / n * Per : null;
}
