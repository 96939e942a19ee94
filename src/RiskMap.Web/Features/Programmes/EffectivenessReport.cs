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

public sealed record EffectivenessView(long ProgrammeId, long? Run, string StartQuarter, string? BaselineQuarter, Names Note, IReadOnlyList<TargetEffectView> Targets);

/// <summary>Compares each target of a programme with comparable untargeted units, on the published run's scores.</summary>
public sealed class EffectivenessReport(ScoreSeries scores, ProgrammeStore store)
{
    private static readonly Names Note = Of(ProgrammeTexts.ComparisonNote);

    public async Task<(EffectivenessView View, IReadOnlyDictionary<long, TargetEffect> ByTarget)> BuildAsync(ProgrammeDetail programme)
    {
        Quarter.TryParse(programme.StartQuarter, out var start);
        var run = await scores.PublishedAsync();
        var periods = run?.Periods ?? [];
        var baseline = Effectiveness.BaselineQuarter(periods, start);
        var byTarget = new Dictionary<long, TargetEffect>();
        foreach (var level in programme.Targets.Select(t => t.Level).Distinct())
        {
            var units = run is null ? new Dictionary<string, UnitSeries>() : await scores.RegionAsync(run.Id, level, programme.RegionKato);
            var targeted = await store.TargetedUnitsAsync(level, programme.RegionKato);
            var candidates = units.Values.Where(u => !targeted.Contains(u.Code)).ToList();
            foreach (var target in programme.Targets.Where(t => t.Level == level))
            {
                var series = units.GetValueOrDefault(target.Code) ?? new UnitSeries(target.Code, new Dictionary<string, ScorePoint>());
                byTarget[target.Id] = Effectiveness.Compare(series, candidates, periods, start, run?.IndicatorCodes ?? []);
            }
        }
        var views = programme.Targets.Select(t => View(t, byTarget[t.Id])).ToList();
        return (new EffectivenessView(programme.Id, run?.Id, programme.StartQuarter, baseline, Note, views), byTarget);
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
        _ => "no-comparable-units",
    };

    private static SidePoint? Rounded(SidePoint? side) =>
        side is null ? null : side with { Score = Round(side.Score), Indicators = side.Indicators.ToDictionary(i => i.Key, i => Round(i.Value)) };

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
