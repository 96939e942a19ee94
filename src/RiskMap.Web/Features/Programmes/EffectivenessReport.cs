using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Localization;
using RiskMap.Core.Programmes;
using RiskMap.Data.Programmes;

namespace RiskMap.Web.Features.Programmes;

public sealed record ComparisonView(int Units, IReadOnlyList<string> Codes, int? MinClass, int? MaxClass, string? Reason, Names? ReasonText);

public sealed record EffectPointView(string Period, SidePoint? Target, SidePoint? Comparison, double? TargetChange, double? ComparisonChange, double? Difference);

public sealed record LatestEffectView(string Period, double? TargetChange, double? ComparisonChange, double? Difference);

public sealed record TargetEffectView(long TargetId, string Level, string Code, Names Name, double? BaselineScore, int? BaselineClass,
    IReadOnlyList<string> KeyIndicators, ComparisonView Comparison, IReadOnlyList<EffectPointView> Series, LatestEffectView? Latest);

/// <summary>
/// Why there is nothing to compare yet: no published quarter from the start on. <c>Quarter</c> is the programme's first
/// quarter; its data can be imported, and so scored, from <c>DataFrom</c>, the day after it ends.
/// </summary>
public sealed record AwaitingView(string Reason, string Quarter, DateOnly DataFrom);

public sealed record EffectivenessView(long ProgrammeId, long? Run, string StartQuarter, string? BaselineQuarter, AwaitingView? Awaiting, Names Note,
    IReadOnlyList<TargetEffectView> Targets);

/// <summary>Compares each target of a programme with comparable untargeted units, on the published run's scores.</summary>
public sealed class EffectivenessReport(ScoreSeries scores, ProgrammeStore store)
{
    private static readonly Names Note = Of(ProgrammeTexts.ComparisonNote);

    /// <summary>
    /// The comparison of every target as the <paramref name="reader"/> may see it: comparison groups are formed from every
    /// unit, whoever reads, but a target the reader does not see in full shows no figures, and a comparison group with a
    /// unit the reader does not see in full is not shown.
    /// </summary>
    public async Task<(EffectivenessView View, IReadOnlyDictionary<long, TargetEffect> ByTarget)> BuildAsync(ProgrammeDetail programme, AccessScope reader)
    {
        Quarter.TryParse(programme.StartQuarter, out var start);
        var run = await scores.PublishedAsync();
        var periods = run?.Periods ?? [];
        var baseline = Effectiveness.BaselineQuarter(periods, start);
        var byTarget = new Dictionary<long, TargetEffect>();
        foreach (var level in programme.Targets.Select(t => t.Level).Distinct())
        {
            var region = run is null
                ? new ScoreSeries.RegionSeries(new Dictionary<string, UnitSeries>(), new HashSet<string>())
                : await scores.RegionAsync(run.Id, EntityLevels.Parse(level), programme.RegionKato, reader);
            var targeted = await store.TargetedUnitsAsync(level, programme.RegionKato);
            var candidates = region.Units.Values.Where(u => !targeted.Contains(u.Code)).ToList();
            foreach (var target in programme.Targets.Where(t => t.Level == level))
            {
                var series = region.Units.GetValueOrDefault(target.Code) ?? new UnitSeries(target.Code, new Dictionary<string, ScorePoint>());
                var effect = Effectiveness.Compare(series, candidates, periods, start, run?.IndicatorCodes ?? []);
                byTarget[target.Id] = !region.SeenInFull.Contains(target.Code) ? effect.WithoutFigures()
                    : effect.ComparisonCodes.All(region.SeenInFull.Contains) ? effect
                    : effect.WithoutComparison();
            }
        }
        var views = programme.Targets.Select(t => View(t, byTarget[t.Id])).ToList();
        var awaiting = periods.Any(p => Quarter.TryParse(p, out var q) && q.CompareTo(start) >= 0) ? null
            : new AwaitingView(Code(ComparisonGap.NoScoresSinceStart), programme.StartQuarter, start.Next().FirstDay);
        return (new EffectivenessView(programme.Id, run?.Id, programme.StartQuarter, baseline, awaiting, Note, views), byTarget);
    }

    private static TargetEffectView View(TargetView target, TargetEffect effect)
    {
        var comparison = new ComparisonView(effect.ComparisonCodes.Count, effect.ComparisonCodes, effect.MinClass, effect.MaxClass,
            effect.Gap is { } gap ? Code(gap) : null, effect.Gap is { } g ? Of(ProgrammeTexts.Gap(g)) : null);
        var series = effect.Series.Select(p => new EffectPointView(p.Period, Rounded(p.Target), Rounded(p.Comparison), Round(p.TargetChange),
            Round(p.ComparisonChange), Round(p.Difference))).ToList();
        var latest = effect.Latest is { } l ? new LatestEffectView(l.Period, Round(l.TargetChange), Round(l.ComparisonChange), Round(l.Difference)) : null;
        return new TargetEffectView(target.Id, target.Level, target.Code, target.Name, Round(effect.BaselineScore), effect.BaselineClass, effect.KeyIndicators,
            comparison, series, latest);
    }

    private static Names Of((string Kk, string Ru, string En) text) => new(text.Kk, text.Ru, text.En);

    private static string Code(ComparisonGap gap) => gap switch
    {
        ComparisonGap.NoScores => "no-scores",
        ComparisonGap.NoBaseline => "no-baseline",
        ComparisonGap.NoScoresSinceStart => "no-scores-since-start",
        ComparisonGap.OutsideScope => "outside-scope",
        _ => "no-comparable-units",
    };

    private static SidePoint? Rounded(SidePoint? side) =>
        side is null ? null : side with { Score = Round(side.Score), Indicators = side.Indicators.ToDictionary(i => i.Key, i => Round(i.Value)) };

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
