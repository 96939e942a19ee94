using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Privacy;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Queries;

/// <summary>Geometries of listed units as GeoJSON (boundaries simplified to about 100 m), of units the caller sees in full.</summary>
public sealed class UnitGeometryQueries(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    public async Task<IReadOnlyDictionary<string, string>> GeoJsonAsync(EntityLevel level, IReadOnlyList<string> codes, AccessScope scope)
    {
        var simplified = level == EntityLevel.School ? "g.geom" : "ST_SimplifyPreserveTopology(g.geom, 0.001)";
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Code, string GeoJson)>($"""
            SELECT u.code, ST_AsGeoJSON({simplified}, 5)
            FROM ({SeenUnits.Seen(level)}) u JOIN ({SeenUnits.Geometries(level)}) g ON g.code = u.code
            WHERE u.code = ANY(@codes) AND u.sight = 'full'
            """, SeenUnits.Parameters(new { codes = codes.ToArray() }, scope, smallAreas));
        return rows.ToDictionary(r => r.Code, r => r.GeoJson);
    }
}
