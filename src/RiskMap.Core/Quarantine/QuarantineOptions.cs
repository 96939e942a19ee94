namespace RiskMap.Core.Quarantine;

/// <summary>
/// The thresholds of the quarantine (configuration section <c>Quarantine</c>). The defaults and the reason for each are in
/// docs/quarantine.md; they were set on the demo's ordinary quarters and its planted errors.
/// </summary>
public sealed class QuarantineOptions
{
    /// <summary>Off: every value goes straight to the scores, as before the quarantine.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many of the unit's stored quarters before the value's own make its history.</summary>
    public int HistoryQuarters { get; set; } = 8;

    /// <summary>Fewer stored quarters than this: too little history to judge the value by the first two rules.</summary>
    public int MinimumHistory { get; set; } = 4;

    /// <summary>Held when |log(1 + value) − median| / (1.4826 · MAD) of the history's log(1 + value) is above this.</summary>
    public double RobustZ { get; set; } = 6;

    /// <summary>The smallest spread (on the log(1 + value) scale) a history is taken to have, so a flat history does not hold every change.</summary>
    public double MinimumSpread { get; set; } = 0.25;

    /// <summary>Held when the value and the one it replaces (else its history's median) differ by this factor or more, either way (a zero counts as one).</summary>
    public double JumpFactor { get; set; } = 7;

    /// <summary>A value "moves" when it departs from its reference by more than this share (0.5: by more than +50 % or −33 %).</summary>
    public double BroadChange { get; set; } = 0.5;

    /// <summary>A region's values in one batch are all held when more than this share of them move, the same way.</summary>
    public double BroadShare { get; set; } = 0.4;

    /// <summary>A region needs at least this many judged values in the batch before the broad-change rule applies to it.</summary>
    public int BroadMinimumValues { get; set; } = 10;

    /// <summary>A count is held when the probability of one at least this large (or at most this small), given its unit's history, is below this.</summary>
    public double CountTail { get; set; } = 2e-3;

    /// <summary>The least overdispersion α (variance μ + αμ²) a count's history is taken to have, however calm it was.</summary>
    public double MinimumDispersion { get; set; } = 0.2;

    /// <summary>The first broken setting, or null when all are usable.</summary>
    public string? Problem() =>
        HistoryQuarters is < 2 or > 40 ? "Quarantine:HistoryQuarters must be between 2 and 40"
        : MinimumHistory < 2 || MinimumHistory > HistoryQuarters ? "Quarantine:MinimumHistory must be between 2 and HistoryQuarters"
        : !(RobustZ > 0) ? "Quarantine:RobustZ must be more than 0"
        : !(MinimumSpread > 0) ? "Quarantine:MinimumSpread must be more than 0"
        : !(JumpFactor > 1) ? "Quarantine:JumpFactor must be more than 1"
        : !(BroadChange > 0) ? "Quarantine:BroadChange must be more than 0"
        : !(BroadShare is > 0 and < 1) ? "Quarantine:BroadShare must be between 0 and 1"
        : BroadMinimumValues < 1 ? "Quarantine:BroadMinimumValues must be at least 1"
        : !(CountTail is > 0 and < 0.5) ? "Quarantine:CountTail must be between 0 and 0.5"
        : !(MinimumDispersion is >= 0 and <= 10) ? "Quarantine:MinimumDispersion must be between 0 and 10"
        : null;
}
