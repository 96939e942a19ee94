namespace RiskMap.Core.Alerts;

/// <summary>Which change of a score counts as a rise: on the previous quarter, on the same quarter a year before, or either.</summary>
public enum RiseComparison
{
    Either,
    PreviousQuarter,
    YearBefore,
}

public static class ClearRise
{
    /// <summary>
    /// The rise of the unit's score when it is clear (the 5–95 % interval of the change excludes 0) and upward by the
    /// comparison; with <see cref="RiseComparison.Either"/> the larger of the clear rises. Null when there is none.
    /// </summary>
    public static double? Of(UnitRisk unit, RiseComparison comparison)
    {
        var quarter = comparison != RiseComparison.YearBefore ? Clear(unit.ChangeFromPreviousQuarter, unit.ClearChangeFromPreviousQuarter) : null;
        var year = comparison != RiseComparison.PreviousQuarter ? Clear(unit.ChangeFromYearBefore, unit.ClearChangeFromYearBefore) : null;
        return quarter is null ? year : year is null ? quarter : Math.Max(quarter.Value, year.Value);
    }

    private static double? Clear(double? change, bool? clear) => clear == true && change > 0 ? change : null;
}
