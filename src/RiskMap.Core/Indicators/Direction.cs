namespace RiskMap.Core.Indicators;

/// <summary>Whether a higher value of an indicator means more risk or less.</summary>
public enum Direction
{
    HigherIsWorse,
    HigherIsBetter,
}
