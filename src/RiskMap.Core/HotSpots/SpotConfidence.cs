namespace RiskMap.Core.HotSpots;

/// <summary>The confidence at which a hot or cold spot is claimed, after the false discovery rate correction.</summary>
public enum SpotConfidence
{
    Ninety = 90,
    NinetyFive = 95,
    NinetyNine = 99,
}

public static class SpotConfidences
{
    /// <summary>The false discovery rate allowed at this confidence: 0.10, 0.05 or 0.01.</summary>
    public static double Alpha(this SpotConfidence confidence) => confidence switch
    {
        SpotConfidence.Ninety => 0.10,
        SpotConfidence.NinetyFive => 0.05,
        SpotConfidence.NinetyNine => 0.01,
        _ => throw new ArgumentOutOfRangeException(nameof(confidence)),
    };
}
