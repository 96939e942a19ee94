using Dapper;
using RiskMap.Core.Geography;
using RiskMap.Core.Imports;

namespace RiskMap.Data.Imports;

/// <summary>
/// How the units of a boundary file sit among the units of their vintage, checked in PostGIS after they are staged in
/// <c>boundary_units</c> (inside the import's transaction, so a refusal leaves nothing behind). Areas are on the
/// spheroid, in km². Errors: a unit overlapping another unit of its level and vintage, or a district extending beyond
/// its region, by more than the tolerance (<see cref="ImportLimits.BoundaryToleranceKm2"/>). Warning: the part of a
/// region its districts do not cover, beyond the tolerance.
/// </summary>
internal static class BoundaryChecks
{
    public sealed record Staged(string Kato, int Vintage, int Row);

    public static async Task RunAsync(ImportContext context, EntityLevel level, IReadOnlyList<Staged> units, string codeField, double toleranceKm2)
    {
        var rows = units.ToDictionary(u => (u.Kato, u.Vintage), u => u.Row);
        var parameters = new { level = level.ToCode(), katos = units.Select(u => u.Kato).ToArray(), vintages = units.Select(u => u.Vintage).ToArray(), toleranceKm2 };
        const string Mine = "WITH mine AS (SELECT * FROM unnest(@katos::text[], @vintages::int[]) AS m (kato, vintage))";

        // A pair of units both in the file is reported once, on the first code.
        var overlaps = await context.Connection.QueryAsync<(string Kato, int Vintage, string Other, double Km2)>($"""
            {Mine}
            SELECT kato, vintage, other, km2 FROM (
                SELECT a.kato, a.vintage, b.kato AS other, ST_Area(ST_Intersection(a.geom, b.geom)::geography) / 1e6 AS km2
                FROM boundary_units a
                JOIN mine m ON m.kato = a.kato AND m.vintage = a.vintage
                JOIN boundary_units b ON b.level = a.level AND b.vintage = a.vintage AND b.kato <> a.kato AND b.retired_at IS NULL
                                     AND ST_Intersects(a.geom, b.geom) AND NOT ST_Touches(a.geom, b.geom)
                WHERE a.level = @level
                  AND (a.kato < b.kato OR NOT EXISTS (SELECT 1 FROM mine o WHERE o.kato = b.kato AND o.vintage = b.vintage))) p
            WHERE km2 > @toleranceKm2
            ORDER BY kato, other
            """, parameters, context.Transaction, commandTimeout: 900);
        foreach (var o in overlaps)
        {
            context.Issues.Add(ImportProblem.UnitsOverlap, rows[(o.Kato, o.Vintage)], codeField, o.Other, o.Kato,
                ImportDetail.Area(DetailText.OverlapArea, o.Km2, o.Other));
        }
        if (level != EntityLevel.District) return;

        var outside = await context.Connection.QueryAsync<(string Kato, int Vintage, string Region, double Km2)>($"""
            {Mine}
            SELECT kato, vintage, region, km2 FROM (
                SELECT d.kato, d.vintage, r.kato AS region, ST_Area(ST_Difference(d.geom, r.geom)::geography) / 1e6 AS km2
                FROM boundary_units d
                JOIN mine m ON m.kato = d.kato AND m.vintage = d.vintage
                JOIN boundary_units r ON r.level = 'region' AND r.vintage = d.vintage AND r.kato = d.region_kato
                WHERE d.level = 'district' AND NOT ST_CoveredBy(d.geom, r.geom)) p
            WHERE km2 > @toleranceKm2
            ORDER BY kato
            """, parameters, context.Transaction, commandTimeout: 900);
        foreach (var o in outside)
        {
            context.Issues.Add(ImportProblem.DistrictOutsideRegion, rows[(o.Kato, o.Vintage)], codeField, o.Region, o.Kato,
                ImportDetail.Area(DetailText.OutsideRegionArea, o.Km2, o.Region));
        }

        var gaps = await context.Connection.QueryAsync<(string Region, double Km2)>($"""
            {Mine}
            SELECT kato, km2 FROM (
                SELECT r.kato, ST_Area(ST_Difference(r.geom, ST_Union(d.geom))::geography) / 1e6 AS km2
                FROM boundary_units r
                JOIN boundary_units d ON d.level = 'district' AND d.vintage = r.vintage AND d.region_kato = r.kato AND d.retired_at IS NULL
                WHERE r.level = 'region' AND (r.kato, r.vintage) IN (
                    SELECT u.region_kato, u.vintage FROM boundary_units u JOIN mine m ON m.kato = u.kato AND m.vintage = u.vintage
                    WHERE u.level = 'district')
                GROUP BY r.kato, r.vintage, r.geom) g
            WHERE km2 > @toleranceKm2
            ORDER BY kato
            """, parameters, context.Transaction, commandTimeout: 900);
        foreach (var gap in gaps)
            context.Issues.Add(ImportProblem.CoverageGap, key: gap.Region, detail: ImportDetail.Area(DetailText.GapArea, gap.Km2));
    }
}
