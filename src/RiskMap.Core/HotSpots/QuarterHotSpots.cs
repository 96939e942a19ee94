namespace RiskMap.Core.HotSpots;

/// <summary>One quarter's hot and cold spots: Gi* of every unit with a value, then the FDR correction over those units.</summary>
public static class QuarterHotSpots
{
    public static IReadOnlyDictionary<string, UnitHotSpot> Analyse(SpatialWeights weights, IReadOnlyDictionary<string, double> values)
    {
        var scores = GiStar.Compute(weights, values).ToArray();
        var adjusted = FalseDiscoveryRate.Adjust([.. scores.Select(s => s.Value.P)]);
        return scores.Select((s, i) => (s.Key, Spot: new UnitHotSpot(s.Value.Z, s.Value.P, adjusted[i])))
            .ToDictionary(s => s.Key, s => s.Spot, StringComparer.Ordinal);
    }
}
