namespace RiskMap.Core.Quarantine;

/// <summary>Why a value was held back from the scores until a steward accepts it.</summary>
public enum HoldReason
{
    /// <summary>Far outside the unit's own history: its robust z-score is above the threshold.</summary>
    FarFromHistory,

    /// <summary>Ten times (the jump factor) the unit's last value, or a tenth of it.</summary>
    TenfoldJump,

    /// <summary>Part of a batch that moves a large share of one region's values the same way at once.</summary>
    BroadChange,

    /// <summary>A count this large (or this small) is improbable given the unit's history of it (a negative binomial tail).</summary>
    ImprobableCount,
}

public static class HoldReasons
{
    public static string ToCode(this HoldReason reason) => reason switch
    {
        HoldReason.FarFromHistory => "far-from-history",
        HoldReason.TenfoldJump => "tenfold-jump",
        HoldReason.BroadChange => "broad-change",
        HoldReason.ImprobableCount => "improbable-count",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    public static bool TryParse(string? code, out HoldReason reason)
    {
        foreach (var r in Enum.GetValues<HoldReason>())
        {
            if (r.ToCode() != code) continue;
            reason = r;
            return true;
        }
        reason = default;
        return false;
    }
}
