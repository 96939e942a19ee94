using Dapper;
using Npgsql;

namespace RiskMap.Data.Queries;

/// <summary>Regions and districts as RFC 7946 GeoJSON, built by PostGIS (outer rings counter-clockwise, 7 decimals).</summary>
public sealed class GeographyQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The largest simplification tolerance accepted, in degrees (about 11 km).</summary>
    public const double MaxSimplify = 0.1;

    public async Task<string> RegionsAsync(double simplify)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>($"""
            SELECT {FeatureCollection}
            FROM (SELECT kato, {Geometry} AS geometry,
                         json_build_object('kato', kato, 'name_kk', name_kk, 'name_ru', name_ru, 'name_en', name_en,
                                           'area_km2', round(area_km2::numeric, 1), 'vintage', vintage) AS properties
                  FROM regions) u
            """, new { simplify }) ?? EmptyCollection;
    }

    public async Task<string> DistrictsAsync(string? regionKato, double simplify)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>($"""
            SELECT {FeatureCollection}
            FROM (SELECT kato, {Geometry} AS geometry,
                         json_build_object('kato', kato, 'region_kato', region_kato, 'name_kk', name_kk, 'name_ru', name_ru,
                                           'name_en', name_en, 'area_km2', round(area_km2::numeric, 1), 'vintage', vintage) AS properties
                  FROM districts
                  WHERE @regionKato::text IS NULL OR region_kato = @regionKato) u
            """, new { regionKato, simplify }) ?? EmptyCollection;
    }

    public async Task<bool> RegionExistsAsync(string kato)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM regions WHERE kato = @kato)", new { kato });
    }

    /// <returns>The region of a district, or null when there is no such district.</returns>
    public async Task<string?> RegionOfDistrictAsync(string kato)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>("SELECT region_kato FROM districts WHERE kato = @kato", new { kato });
    }

    private const string EmptyCollection = """{"type":"FeatureCollection","features":[]}""";

    private const string Geometry =
        "ST_AsGeoJSON(ST_ForcePolygonCCW(CASE WHEN @simplify > 0 THEN ST_SimplifyPreserveTopology(geom, @simplify) ELSE geom END), 7)::json";

    internal const string FeatureCollection = """
        json_build_object('type', 'FeatureCollection',
                          'features', COALESCE(json_agg(json_build_object('type', 'Feature', 'id', u.kato,
                                                                          'geometry', u.geometry, 'properties', u.properties)
                                                        ORDER BY u.kato), '[]'::json))::text
        """;
}
