using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Data.Access;

namespace RiskMap.Data.Queries;

/// <summary>Geometries of listed units as GeoJSON (boundaries simplified to about 100 m), within the caller's scope.</summary>
public sealed class UnitGeometryQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<string, string>> GeoJsonAsync(EntityLevel level, IReadOnlyList<string> codes, AccessScope scope)
    {
        // The table comes from the level (a constant), never from the request.
        var units = level switch
        {
            EntityLevel.Region => "SELECT kato AS code, kato AS region_kato, NULL::text AS district_kato, ST_SimplifyPreserveTopology(geom, 0.001) AS geom FROM regions",
            EntityLevel.District => "SELECT kato AS code, region_kato, kato AS district_kato, ST_SimplifyPreserveTopology(geom, 0.001) AS geom FROM districts",
            _ => "SELECT code, region_kato, district_kato, geom FROM schools",
        };
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Code, string GeoJson)>($"""
            SELECT u.code, ST_AsGeoJSON(u.geom, 5) FROM ({units}) u
            WHERE u.code = ANY(@codes) AND {ScopeFilter.Covers("u.region_kato", "u.district_kato")}
            """, ScopeFilter.Parameters(new { codes = codes.ToArray() }, scope));
        return rows.ToDictionary(r => r.Code.Trim(), r => r.GeoJson);
    }
}
