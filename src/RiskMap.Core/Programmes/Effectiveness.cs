using RiskMap.Core.Indicators;

namespace RiskMap.Core.Programmes;

/// <summary>One unit's published result in one quarter: its 0–10 indicator scores in the run's indicator order (NaN: no data).</summary>
public sealed record ScorePoint(double? Score, int? Class, IReadOnlyList<double> IndicatorScores);

public sealed record UnitSeries(string Code, IReadOnlyDictionary<string, ScorePoint> ByPeriod);

/// <summary>Why a target has no comparison.</summary>
public enum ComparisonGap
{
    NoScores,
    NoBaseline,

    /// <summary>No published quarter from the programme's start on yet: there is nothing to compare with the baseline.</summary>
    NoScoresSinceStart,

    NoComparableUnits,

    /// <summary>The reader does not see the target, or every unit of its comparison group, in full.</summary>
    OutsideScope,
}

public sealed record SidePoint(double? Score, int? Class, int Units, IReadOnlyDictionary<string, double?> Indicators);

/// <summary>
/// One quarter of a target's comparison. Changes are score differences from the baseline quarter (negative: less risk);
/// the comparison's change is the mean over its units scored in both quarters.
/// </summary>
public sealed record EffectPoint(string Period, SidePoint? Target, SidePoint? Comparison, double? TargetChange, double? ComparisonChange)
{
    public double? Difference => TargetChange - ComparisonChange;
}

public sealed record TargetEffect(
    double? BaselineScore, int? BaselineClass, IReadOnlyList<string> KeyIndicators, IReadOnlyList<string> ComparisonCodes,
    int? MinClass, int? MaxClass, ComparisonGap? Gap, IReadOnlyList<EffectPoint> Series)
{
    /// <summary>The newest quarter after the baseline with both changes, or null (the baseline's own changes are zero by definition).</summary>
    public EffectPoint? Latest => Series.Skip(1).LastOrDefault(p => p.Difference is not null);

    /// <summary>What a reader who does not see the target in full may know of it: its quarters, no figures.</summary>
    public TargetEffect WithoutFigures() => new(null, null, [], [], null, null, ComparisonGap.OutsideScope,
        Series.Select(p => new EffectPoint(p.Period, null, null, null, null)).ToList());

    /// <summary>
    /// The target's own figures without its comparison group, for a reader who does not see every unit of the group in
    /// full: its members, their classes and their mean scores would tell about units outside the reader's scope.
    /// </summary>
    public TargetEffect WithoutComparison() => this with
    {
        ComparisonCodes = [], MinClass = null, MaxClass = null, Gap = ComparisonGap.OutsideScope,
        Series = Series.Select(p => p with { Comparison = null, ComparisonChange = null }).ToList(),
    };
}

/// <summary>
/// Before/after comparison of a programme's targets with similar units it did not target: the target's score change
/// since the last quarter before the programme against the mean change of units of the same level and region whose class
/// at that baseline was within one of the target's. A comparison, not an estimate of the measures' effect.
/// </summary>
public static class Effectiveness
{
    public const int KeyIndicatorCount = 3;
    public const int ClassTolerance = 1;

    /// <summary>The latest published quarter before the programme's start, or null.</summary>
    public static string? BaselineQuarter(IReadOnlyList<string> periods, Quarter start) =>
        periods.Where(p => Quarter.TryParse(p, out var q) && q.CompareTo(start) < 0).Order(StringComparer.Ordinal).LastOrDefault();

    /// <param name="periods">The run's published quarters.</param>
    /// <param name="candidates">Untargeted units of the target's level and region.</param>
    public static TargetEffect Compare(UnitSeries target, IReadOnlyList<UnitSeries> candidates, IReadOnlyList<string> periods, Quarter start,
        IReadOnlyList<string> indicatorCodes)
    {
        var baseline = BaselineQuarter(periods, start);
        var shown = periods.Where(p => p == baseline || (Quarter.TryParse(p, out var q) && q.CompareTo(start) >= 0)).Order(StringComparer.Ordinal).ToList();
        if (baseline is null)
            return new TargetEffect(null, null, [], [], null, null, ComparisonGap.NoScores, shown.Select(p => Point(p, target, [], null, [])).ToList());
        var before = target.ByPeriod.GetValueOrDefault(baseline);
        if (before is not { Score: not null, Class: { } baseClass })
            return new TargetEffect(null, null, [], [], null, null, ComparisonGap.NoBaseline, shown.Select(p => Point(p, target, [], null, [])).ToList());

        if (shown.Count == 1)
            return new TargetEffect(before.Score, baseClass, [], [], null, null, ComparisonGap.NoScoresSinceStart, [Point(baseline, target, [], baseline, [])]);

        var key = KeyIndicators(before, indicatorCodes);
        var (low, high) = (Math.Max(1, baseClass - ClassTolerance), Math.Min(5, baseClass + ClassTolerance));
        var group = candidates.Where(c => c.ByPeriod.GetValueOrDefault(baseline) is { Score: not null, Class: { } k } && k >= low && k <= high).ToList();
        var series = shown.Select(p => Point(p, target, group, baseline, key.Select(k => (k, indicatorCodes.IndexOf(k))).ToList())).ToList();
        return new TargetEffect(before.Score, baseClass, key, group.Select(g => g.Code).ToList(), low, high,
            group.Count == 0 ? ComparisonGap.NoComparableUnits : null, series);
    }

    // Runs keep contributions for their latest quarter only, so the riskiest indicator scores stand for them at the baseline.
    private static List<string> KeyIndicators(ScorePoint baseline, IReadOnlyList<string> indicatorCodes) =>
        baseline.IndicatorScores.Select((score, i) => (score, i))
            .Where(c => !double.IsNaN(c.score) && c.i < indicatorCodes.Count)
            .OrderByDescending(c => c.score).ThenBy(c => c.i)
            .Take(KeyIndicatorCount)
            .Select(c => indicatorCodes[c.i])
            .ToList();

    private static EffectPoint Point(string period, UnitSeries target, IReadOnlyList<UnitSeries> group, string? baseline, IReadOnlyList<(string Code, int Index)> key)
    {
        var now = target.ByPeriod.GetValueOrDefault(period);
        var targetSide = now is null ? null : new SidePoint(now.Score, now.Class, 1, key.ToDictionary(k => k.Code, k => Value(now, k.Index)));
        var targetChange = baseline is null ? null : now?.Score - target.ByPeriod.GetValueOrDefault(baseline)?.Score;
        if (group.Count == 0) return new EffectPoint(period, targetSide, null, targetChange, null);

        var scored = group.Select(g => g.ByPeriod.GetValueOrDefault(period)).OfType<ScorePoint>().ToList();
        var changes = group
            .Select(g => g.ByPeriod.GetValueOrDefault(period)?.Score - g.ByPeriod.GetValueOrDefault(baseline!)?.Score)
            .OfType<double>().ToList();
        var comparison = new SidePoint(
            Mean(scored.Select(s => s.Score)), null, scored.Count(s => s.Score is not null),
            key.ToDictionary(k => k.Code, k => Mean(scored.Select(s => Value(s, k.Index)))));
        return new EffectPoint(period, targetSide, comparison, targetChange, changes.Count == 0 ? null : changes.Average());
    }

    private static double? Value(ScorePoint point, int index) =>
        index >= 0 && index < point.IndicatorScores.Count && !double.IsNaN(point.IndicatorScores[index]) ? point.IndicatorScores[index] : null;

    private static double? Mean(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToList();
        return present.Count == 0 ? null : present.Average();
    }

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return -1;
    }
}
