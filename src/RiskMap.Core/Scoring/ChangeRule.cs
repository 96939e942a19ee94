namespace RiskMap.Core.Scoring;

public enum ChangeDirection
{
    Rise,
    Fall,

    /// <summary>No clear change: within the score's uncertainty, or too small to show.</summary>
    Steady,
}

/// <summary>
/// When a score's change counts as a rise or a fall, as the map's profile and rankings decide it (wwwroot/js/map/change.js):
/// the sizes come from the front end's <c>js/map/change-rule.json</c>, which both read.
/// </summary>
/// <param name="WithinUncertainty">Methodology 1.0 judges no change: below this many score points it is within the method's uncertainty.</param>
/// <param name="RoundsToZero">Changes are shown with one decimal: below this they read 0.0.</param>
public sealed record ChangeRule(double WithinUncertainty, double RoundsToZero)
{
    /// <param name="clear">Methodology 2.0: whether the run judged the change beyond its uncertainty; null under 1.0.</param>
    /// <returns>Null without a change.</returns>
    public ChangeDirection? Direction(double? change, bool? clear, bool lowReliability)
    {
        if (change is not { } value) return null;
        var isClear = clear ?? !(lowReliability || Math.Abs(value) < WithinUncertainty);
        if (!isClear || Math.Abs(value) < RoundsToZero) return ChangeDirection.Steady;
        return value > 0 ? ChangeDirection.Rise : ChangeDirection.Fall;
    }

    /// <summary>The change as shown: a change that rounds to nothing is 0, never −0.</summary>
    public double Shown(double change) => Math.Abs(change) < RoundsToZero ? 0 : change;
}
