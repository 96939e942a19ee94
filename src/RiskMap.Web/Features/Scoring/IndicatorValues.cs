using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Privacy;
using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Counts;

namespace RiskMap.Web.Features.Scoring;

/// <summary>
/// Values, not only scores: an indicator view gives each unit the caller sees in full its observed rate per 1,000 pupils
/// (or percentage) and, for a count, the count — withheld, with its rate, exactly where <c>/api/counts</c> withholds it
/// (<see cref="CountTable.IsWithheld"/>). Schools are not tabled by /api/counts; a caller sees only schools in their scope.
/// </summary>
public sealed class IndicatorValues(IndicatorValueQueries values, CountQueries counts, CountDisclosure disclosure, AccessOptions options)
{
    /// <summary>The units with their values where the measure is an indicator; otherwise the units as they are.</summary>
    public async Task<IReadOnlyList<UnitScoreView>> AddAsync(EntityLevel level, ScoreMeasure measure, string period,
        IReadOnlyList<UnitScoreView> units, AccessScope scope)
    {
        if (measure.Kind != ScoreMeasure.IndicatorKind) return units;
        var add = await ForAsync(level, measure, period, scope, units.Where(u => u.Detailed).Select(u => u.Code).ToList());
        return units.Select(add).ToList();
    }

    /// <summary>
    /// What gives a unit its value, read once for a list of units that is still to come (a hotspot list); the units asked
    /// about may be limited to <paramref name="codes"/> (null: every unit of the level).
    /// </summary>
    public async Task<Func<UnitScoreView, UnitScoreView>> ForAsync(EntityLevel level, ScoreMeasure measure, string period, AccessScope scope,
        IReadOnlyCollection<string>? codes = null)
    {
        if (measure.Kind != ScoreMeasure.IndicatorKind || measure.Code is not { } indicator) return unit => unit;
        var observed = await values.ReadAsync(level, indicator, period, codes);
        var withheld = level != EntityLevel.School && observed.Values.Any(v => v.IsCount)
            ? await WithheldAsync(indicator, period, scope)
            : [];
        return unit => unit.Detailed && observed.TryGetValue(unit.Code, out var value) ? unit with { Value = View(value, withheld.Contains(unit.Code)) } : unit;
    }

    private async Task<HashSet<string>> WithheldAsync(string indicator, string period, AccessScope scope)
    {
        var hierarchy = await counts.HierarchyAsync(indicator, period);
        var threshold = options.SuppressionThreshold;
        var pattern = await disclosure.PublicPatternAsync(indicator, period,
            hierarchy.Select(row => new CountCell(row.Code, row.ParentCode, row.Value)).ToList(), threshold);
        return hierarchy.Where(row => CountTable.IsWithheld(row, scope, pattern)).Select(row => row.Code).ToHashSet();
    }

    private static IndicatorValueView View(IndicatorValue value, bool countWithheld) => value.IsCount
        ? countWithheld
            ? new IndicatorValueView(null, "per1000Pupils", null, true)
            : new IndicatorValueView(PupilRate.Of(value.Value, value.Denominator), "per1000Pupils", value.Value, false)
        : new IndicatorValueView(value.Value, value.Unit, null, false);
}
