using Dapper;
using Npgsql;
using RiskMap.Core.Imports;

namespace RiskMap.Data.Imports;

/// <summary>
/// Places schools in their district and region by a spatial join on the point (<c>ST_Covers</c>, so a point on a
/// border counts as inside). Where two units cover the point (a shared border, or an overlap within the import
/// tolerance) geometry decides, never code order: first a unit whose interior holds the point, then the one in which
/// it lies deepest (greatest distance to the unit's boundary); the code breaks only an exact tie. A school outside
/// every district keeps the region that covers it; outside every region it is unassigned.
/// </summary>
public static class SchoolAssignment
{
    /// <param name="codes">The schools to place; null places all of them (after a boundary import).</param>
    public static Task ReassignAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string[]? codes) =>
        connection.ExecuteAsync("""
            UPDATE schools s
            SET district_kato = a.district_kato, region_kato = a.region_kato
            FROM (
                SELECT s2.code, d.kato AS district_kato, COALESCE(d.region_kato, r.kato) AS region_kato
                FROM schools s2
                LEFT JOIN LATERAL (SELECT kato, region_kato FROM districts WHERE ST_Covers(geom, s2.geom)
                                   ORDER BY ST_Contains(geom, s2.geom) DESC, ST_Distance(ST_Boundary(geom), s2.geom) DESC, kato LIMIT 1) d ON true
                LEFT JOIN LATERAL (SELECT kato FROM regions WHERE ST_Covers(geom, s2.geom)
                                   ORDER BY ST_Contains(geom, s2.geom) DESC, ST_Distance(ST_Boundary(geom), s2.geom) DESC, kato LIMIT 1) r ON d.kato IS NULL
                WHERE @codes::text[] IS NULL OR s2.code = ANY(@codes)
            ) a
            WHERE s.code = a.code
              AND (s.district_kato, s.region_kato) IS DISTINCT FROM (a.district_kato, a.region_kato)
            """, new { codes }, transaction, commandTimeout: 600);

    /// <summary>Warnings for the schools of a file that lie outside every district, listed by code.</summary>
    public static async Task ReportOutsideAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<string> codes, IssueCollector issues)
    {
        var outside = await connection.QueryAsync<(string Code, string? Region)>("""
            SELECT code, region_kato FROM schools
            WHERE code = ANY(@codes) AND district_kato IS NULL
            ORDER BY code
            """, new { codes = codes.ToArray() }, transaction);
        foreach (var (code, region) in outside)
        {
            issues.Add(region is null ? ImportProblem.SchoolUnassigned : ImportProblem.SchoolOutsideDistricts,
                field: "geometry", value: region, key: code);
        }
    }
}
