using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Programmes;
using RiskMap.Data.Programmes;

namespace RiskMap.Data.Rating;

/// <summary>
/// The rating's measured effect: per region (or district), the mean over its programme targets of the latest difference
/// between the target's score change and its comparison group's, computed as the programmes' effectiveness view does
/// (<see cref="Effectiveness"/>) on the quarters up to the rated one. A target counts only where the reader sees it and
/// its whole comparison group in full, the effectiveness view's rule.
/// </summary>
public sealed class RatingEffects(NpgsqlDataSource dataSource, ScoreSeries scores, ProgrammeStore programmes)
{
    private sealed record TargetRow(string RegionKato, string StartQuarter, string Level, string Code, string? DistrictKato);

    /// <returns>The mean difference by unit code (region KATO, or district KATO with <paramref name="level"/> district).</returns>
    public async Task<IReadOnlyDictionary<string, double>> ByUnitAsync(ScoreSeries.Run run, Quarter period, EntityLevel level, string? regionKato,
        AccessScope reader)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var targets = (await connection.QueryAsync<TargetRow>("""
            SELECT p.region_kato::text AS RegionKato, p.start_quarter::text AS StartQuarter, t.level, t.code,
                   CASE t.level WHEN 'district' THEN t.code ELSE (SELECT s.district_kato::text FROM schools s WHERE s.code = t.code) END AS DistrictKato
            FROM programme_targets t JOIN programmes p ON p.id = t.programme_id
            WHERE @region::text IS NULL OR p.region_kato = @region
            """, new { region = regionKato })).ToList();
        var periods = run.Periods.Where(p => Quarter.TryParse(p, out var q) && q.CompareTo(period) <= 0).ToList();
        var differences = new Dictionary<string, List<double>>();
        foreach (var group in targets.GroupBy(t => (t.RegionKato, t.Level)))
        {
            var series = await scores.RegionAsync(run.Id, EntityLevels.Parse(group.Key.Level), group.Key.RegionKato, reader);
            var targeted = await programmes.TargetedUnitsAsync(group.Key.Level, group.Key.RegionKato);
            var candidates = series.Units.Values.Where(u => !targeted.Contains(u.Code)).ToList();
            foreach (var target in group.Where(t => series.SeenInFull.Contains(t.Code)))
            {
                if (!Quarter.TryParse(target.StartQuarter, out var start) || series.Units.GetValueOrDefault(target.Code) is not { } own) continue;
                var effect = Effectiveness.Compare(own, candidates, periods, start, run.IndicatorCodes);
                if (effect.Latest?.Difference is not { } difference || !effect.ComparisonCodes.All(series.SeenInFull.Contains)) continue;
                var unit = level == EntityLevel.Region ? target.RegionKato : target.DistrictKato;
                if (unit is null) continue;
                if (!differences.TryGetValue(unit, out var list)) differences[unit] = list = [];
                list.Add(difference);
            }
        }
        return differences.ToDictionary(d => d.Key, d => d.Value.Average());
    }
}
