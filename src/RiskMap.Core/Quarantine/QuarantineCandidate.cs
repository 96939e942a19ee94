namespace RiskMap.Core.Quarantine;

/// <summary>
/// One value of a batch that would change what is stored, with what is stored about its unit and indicator.
/// </summary>
/// <param name="Area">The region and level the broad-change rule counts it in (e.g. "district 75").</param>
/// <param name="Stored">The value stored for the same unit, indicator and quarter, which this one would replace; null for a new quarter.</param>
/// <param name="History">The unit's stored values of the indicator in the quarters before this one, oldest first, at most <see cref="QuarantineOptions.HistoryQuarters"/>.</param>
/// <param name="YearAgo">The stored value of the same quarter a year before, if there is one (the unit's season).</param>
/// <param name="IsCount">The indicator counts events (judged also by <see cref="CountTail"/>), rather than a rate or share.</param>
public sealed record QuarantineCandidate(string Indicator, string Area, double Value, double? Stored, IReadOnlyList<double> History, double? YearAgo,
    bool IsCount = false);

/// <summary>
/// What the quarantine found about one candidate: the reasons it is held (none: it passes), and the history a steward
/// judges it by.
/// </summary>
/// <param name="Median">The median of the unit's history, when it has enough to judge by.</param>
/// <param name="Last">The value it is compared with for a jump: the stored value it replaces, else the unit's latest.</param>
/// <param name="RobustZ">Its robust z-score against the history, when the history is long enough.</param>
public sealed record QuarantineVerdict(IReadOnlyList<HoldReason> Reasons, double? Median, double? Last, double? RobustZ)
{
    public bool Held => Reasons.Count > 0;
}
