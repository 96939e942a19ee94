namespace RiskMap.Core.HotSpots;

/// <summary>
/// One unit's emerging hot spot analysis over the quarters analysed: its category, its spot in the final quarter (null
/// without a value there), its confidence bin in every quarter (null without a value), and the Mann–Kendall trend of its
/// Gi* z-scores (null with fewer than <see cref="MannKendall.MinimumValues"/> quarters with a value).
/// </summary>
public sealed record UnitEmergingHotSpot(string Code, EmergingCategory Category, UnitHotSpot? Final, IReadOnlyList<int?> Bins, MannKendallTrend? Trend);

/// <summary>
/// The whole analysis of docs/emerging-hotspots.md for one level: Gi* and the FDR correction in each quarter
/// (<see cref="QuarterHotSpots"/>), then each unit's trend and category (<see cref="EmergingHotSpots"/>).
/// </summary>
public static class EmergingAnalysis
{
    /// <param name="quarters">Oldest first: each quarter's value per unit; a unit missing from a quarter has no value there.</param>
    /// <returns>Every unit of the weights that has a value in some quarter, in the weights' order.</returns>
    public static IReadOnlyList<UnitEmergingHotSpot> Run(SpatialWeights weights, IReadOnlyList<IReadOnlyDictionary<string, double>> quarters,
        SpotConfidence confidence)
    {
        var spots = quarters.Select(values => QuarterHotSpots.Analyse(weights, values)).ToArray();
        var units = new List<UnitEmergingHotSpot>();
        foreach (var unit in weights.Units)
        {
            UnitHotSpot?[] history = [.. spots.Select(q => q.TryGetValue(unit, out var spot) ? spot : (UnitHotSpot?)null)];
            if (history.All(s => s is null)) continue;
            units.Add(new UnitEmergingHotSpot(unit, EmergingHotSpots.Classify(history, confidence), history[^1],
                [.. history.Select(s => s?.Bin)], MannKendall.Test([.. history.OfType<UnitHotSpot>().Select(s => s.Z)])));
        }
        return units;
    }
}
