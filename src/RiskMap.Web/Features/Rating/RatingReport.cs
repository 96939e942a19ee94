using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Rating;
using RiskMap.Data.Programmes;
using RiskMap.Data.Rating;
using RiskMap.Web.Features.Programmes;

namespace RiskMap.Web.Features.Rating;

/// <summary>
/// What the rating read of a unit, so a reader can recompute it (docs/rating.md): the composite score with its 5–95 %
/// interval, its change on the year and whether that change is clear, the programme measures due, done by their deadline
/// and overdue, the targets' mean difference from their comparison groups, the quarters delivered on time and the values
/// (units × indicators) present, as the data-delivery page counts them.
/// </summary>
public sealed record RatingInputsView(double? Score, double? ScoreLow, double? ScoreHigh, double? ChangeYear, bool? ClearChangeYear,
    int MeasuresDue, int DoneOnTime, int Overdue, double? EffectDifference, int QuartersExpected, int QuartersOnTime, int ValuesExpected,
    int ValuesWithData);

/// <summary>
/// One region or district. sight: full (every figure), class or withheld (name only: the rating rests on the unit's
/// scores, which only a caller who sees the unit in full may see). components: 0–100 by component code (100 the better);
/// missing: the components left out, the weights renormalised over the rest; rank among the rated units the caller sees
/// in full (1 = best), rankBest–rankWorst its band.
/// </summary>
public sealed record RatingEntry(string Code, string NameKk, string NameRu, string NameEn, string RegionKato, string Sight,
    double? Rating, double? RatingLow, double? RatingHigh, int? Rank, int? RankBest, int? RankWorst,
    IReadOnlyDictionary<string, double>? Components, IReadOnlyList<string>? Missing, RatingInputsView? Inputs);

public sealed record RatingWeight(string Component, double Weight);

/// <summary>The league table: level region (nationally) or district (region: the region's KATO), the quarter, the method's weights, the units (best first).</summary>
public sealed record RatingTable(long Run, string Period, string Level, string? Region, IReadOnlyList<RatingWeight> Weights, int RankAmong,
    IReadOnlyList<RatingEntry> Units);

/// <summary>Builds the rating of akimats from the rating's inputs as the caller may see them and the method in Core.</summary>
public sealed class RatingReport(RatingQueries queries, RatingEffects effects, ScoreSeries scores, ProgrammeClock clock, RatingDelivery delivery)
{
    /// <returns>The table, or null when no score run is published.</returns>
    public async Task<RatingTable?> BuildAsync(Quarter period, string? regionKato, AccessScope scope)
    {
        if (await scores.PublishedAsync() is not { } run) return null;
        var level = regionKato is null ? EntityLevel.Region : EntityLevel.District;
        var quarterEnd = period.Next().FirstDay;
        var asOf = clock.Today < quarterEnd ? clock.Today : quarterEnd;
        var rows = await queries.UnitsAsync(run.Id, period, level, regionKato, asOf, scope);
        var differences = await effects.ByUnitAsync(run, period, level, regionKato, scope);
        var delivered = await delivery.ByUnitAsync(run.Periods, period, level, regionKato);
        var inputs = rows.Where(r => r.Detailed).Select(r =>
        {
            var (quarters, values) = (delivered.Quarters(r.RegionKato), delivered.Values(r.Code));
            return new RatingInput(r.Code, r.Score, r.ScoreLow, r.ScoreHigh, r.ChangeYear, r.ClearChangeYear, r.MeasuresDue, r.DoneOnTime, r.Overdue,
                differences.TryGetValue(r.Code, out var d) ? d : null, quarters.Expected, quarters.OnTime, values.Units, values.UnitsWithValue);
        }).ToList();
        var rated = RatingMethod.Rate(inputs).ToDictionary(u => u.Code);
        var byCode = inputs.ToDictionary(i => i.Code);
        var entries = rows.Select(r => Entry(r, rated.GetValueOrDefault(r.Code), byCode.GetValueOrDefault(r.Code)))
            .OrderBy(e => e.Rank ?? int.MaxValue).ThenBy(e => e.Code, StringComparer.Ordinal).ToList();
        return new RatingTable(run.Id, period.ToString(), level.ToCode(), regionKato,
            [.. RatingComponents.All.Select(c => new RatingWeight(c.ToCode(), c.Weight()))], rated.Values.Count(u => u.Rank is not null), entries);
    }

    private static RatingEntry Entry(RatingRow row, RatedUnit? unit, RatingInput? input) => unit is null || input is null
        ? new RatingEntry(row.Code, row.NameKk, row.NameRu, row.NameEn, row.RegionKato, row.Sight, null, null, null, null, null, null, null, null, null)
        : new RatingEntry(row.Code, row.NameKk, row.NameRu, row.NameEn, row.RegionKato, row.Sight, unit.Rating, unit.RatingLow, unit.RatingHigh,
            unit.Rank, unit.RankBest, unit.RankWorst, unit.Components.ToDictionary(c => c.Key.ToCode(), c => c.Value),
            [.. unit.Missing.Select(c => c.ToCode())],
            new RatingInputsView(input.Score, input.ScoreLow, input.ScoreHigh, input.ChangeYear, input.ClearChangeYear, input.MeasuresDue,
                input.DoneOnTime, input.Overdue, input.EffectDifference, input.QuartersExpected, input.QuartersOnTime, input.ValuesExpected,
                input.ValuesWithData));
}
