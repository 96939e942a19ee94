using Dapper;
using Npgsql;
using RiskMap.Core.Geography;

namespace RiskMap.Data.Vintages;

/// <summary>
/// A quarter of a unit's history carried across a boundary change: from the vintage in force then, through the
/// crosswalk, weighted by "pupils", "area" or "pupils and area" (sources with and without schools).
/// </summary>
public sealed record CarriedQuarter(string Period, int Vintage, string By);

/// <summary>Which quarters of a region's or district's history <c>observations_today</c> carried from an earlier vintage.</summary>
public sealed class CarriedHistory(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<CarriedQuarter>> ForUnitAsync(EntityLevel level, string code, IReadOnlyCollection<string> periods)
    {
        if (level == EntityLevel.School || periods.Count == 0) return [];
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<CarriedQuarter>("""
            SELECT period::text AS Period, carried_from AS Vintage,
                   CASE WHEN bool_and(carried_by = 'pupils') THEN 'pupils' WHEN bool_and(carried_by = 'area') THEN 'area'
                        ELSE 'pupils and area' END AS By
            FROM observations_today
            WHERE entity_level = @level AND entity_code = @code AND period = ANY(@periods) AND carried_from IS NOT NULL
            GROUP BY period, carried_from ORDER BY period
            """, new { level = level.ToCode(), code, periods = periods.ToArray() })).ToList();
    }
}
