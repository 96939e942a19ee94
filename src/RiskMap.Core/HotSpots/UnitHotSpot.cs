namespace RiskMap.Core.HotSpots;

/// <summary>Whether a unit is a hot spot, a cold spot or neither in one quarter.</summary>
public enum Spot
{
    None,
    Hot,
    Cold,
}

/// <summary>A unit in one quarter: its Gi* z-score, p-value and the p-value adjusted over the quarter's units (FDR).</summary>
public readonly record struct UnitHotSpot(double Z, double P, double AdjustedP)
{
    /// <summary>Hot (cold) when the adjusted p-value is within the confidence's α and z is positive (negative).</summary>
    public Spot At(SpotConfidence confidence) =>
        AdjustedP > confidence.Alpha() || Z == 0 ? Spot.None : Z > 0 ? Spot.Hot : Spot.Cold;

    /// <summary>
    /// ArcGIS's Gi_Bin: ±3, ±2, ±1 for a hot (+) or cold (−) spot at 99, 95 or 90 % confidence after the correction, 0 for neither.
    /// </summary>
    public int Bin
    {
        get
        {
            var adjusted = AdjustedP;
            return Z == 0 ? 0 : Math.Sign(Z) * Enum.GetValues<SpotConfidence>().Count(c => adjusted <= c.Alpha());
        }
    }
}
