namespace RiskMap.Core.Privacy;

/// <summary>
/// Small-area suppression of risk classes: a class computed from the rates of few children can point at a handful of
/// them, so a region's or district's class is withheld from a caller without detail on it when the unit has fewer
/// pupils than <see cref="MinimumPupils"/>. A caller with detail on the unit (in their scope) always sees its class.
/// </summary>
public sealed class SmallAreaSuppression
{
    public const int DefaultMinimumPupils = 1_000;

    /// <param name="minimumPupils">The fewest pupils a unit needs for its class to be shown to everyone; 0 withholds nothing.</param>
    public SmallAreaSuppression(int minimumPupils = DefaultMinimumPupils)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumPupils);
        MinimumPupils = minimumPupils;
    }

    public int MinimumPupils { get; }

    /// <summary>Whether the class of a region or district with these pupils (0 without schools) is withheld from the caller.</summary>
    /// <param name="callerSeesDetail">True when the unit lies in the caller's scope (see <see cref="Access.AccessScope.Covers"/>).</param>
    public bool WithholdsClass(long pupils, bool callerSeesDetail) => !callerSeesDetail && pupils < MinimumPupils;
}
