namespace RiskMap.Core.Scoring;

/// <summary>
/// Methodology 2.0: a unit's published risk level changes only when its score has really left the level (step 9 of
/// docs/methodology.md). A score moves by about its own noise from one quarter to the next, so near a fixed threshold
/// the plain level by thresholds flips back and forth without any change in the unit; the level is therefore kept
/// while the score stays within <see cref="LevelReference.LevelMargin"/> of the band of the previous quarter's level.
/// </summary>
public static class LevelHysteresis
{
    /// <summary>
    /// The margin of a level: how far an unchanged score strays by chance, 1.96 σ, the half-width of its 95 % noise band.
    /// σ is estimated from the median absolute quarter-to-quarter change of the composite over the reference quarters
    /// (pairs of consecutive reference quarters in which the unit has a score both times): if a change is the difference
    /// of two independent normal errors of SD σ, its median absolute value is 0.6745 √2 σ. Real changes among the pairs
    /// only make the margin larger. 0 with fewer than two reference quarters.
    /// </summary>
    public static double Margin(IReadOnlyList<Composite?[]> composites, Range reference)
    {
        var moves = new List<double>();
        for (var t = reference.Start.Value + 1; t < reference.End.Value; t++)
            for (var u = 0; u < composites[t].Length; u++)
                if (composites[t][u] is { } now && composites[t - 1][u] is { } before) moves.Add(Math.Abs(now.Score - before.Score));
        moves.Sort();
        return moves.Count == 0 ? 0 : NoiseBand * Statistics.Percentile(moves, 0.5);
    }

    /// <summary>1.96 σ per median absolute change: 1.959964 / (0.674490 √2) ≈ 2.0547 (normal quantiles of 0.975 and 0.75).</summary>
    public const double NoiseBand = 1.959963984540054 / (0.6744897501960817 * 1.4142135623730951);

    /// <summary>
    /// The published levels of every quarter (outer) and unit (inner), null where a unit has no score. A unit's first
    /// scored quarter, or the first after a quarter without a score, takes the plain level by thresholds; later ones keep
    /// the previous quarter's level while the score lies within <paramref name="margin"/> of that level's band and the
    /// plain level is next to it: a score two levels away has clearly left, whatever the margin.
    /// </summary>
    public static RiskClass?[][] Levels(IReadOnlyList<Composite?[]> composites, IReadOnlyList<double> thresholds, double margin)
    {
        var levels = new RiskClass?[composites.Count][];
        for (var t = 0; t < composites.Count; t++)
        {
            levels[t] = new RiskClass?[composites[t].Length];
            for (var u = 0; u < composites[t].Length; u++)
                if (composites[t][u] is { } composite)
                    levels[t][u] = Next(t > 0 ? levels[t - 1][u] : null, composite.Score, thresholds, margin);
        }
        return levels;
    }

    /// <summary>The level of a score whose previous quarter's level was <paramref name="previous"/> (null: none).</summary>
    public static RiskClass Next(RiskClass? previous, double score, IReadOnlyList<double> thresholds, double margin)
    {
        var plain = RiskClasses.ByThresholds(score, thresholds);
        if (previous is not { } kept || Math.Abs(plain - kept) != 1) return plain;
        var (lower, upper) = Band(kept, thresholds);
        return score >= lower - margin && score < upper + margin ? kept : plain;
    }

    /// <summary>The scores of a level by thresholds: from its lower bound (inclusive) to the next level's (exclusive).</summary>
    private static (double Lower, double Upper) Band(RiskClass level, IReadOnlyList<double> thresholds)
    {
        var index = (int)level - 1;
        return (index == 0 ? double.NegativeInfinity : thresholds[index - 1],
            index >= thresholds.Count ? double.PositiveInfinity : thresholds[index]);
    }
}
