using Dapper;
using Npgsql;

namespace RiskMap.Data.Queries;

/// <summary>
/// Regions and districts as RFC 7946 GeoJSON, built by PostGIS (outer rings counter-clockwise, 7 decimals). Every
/// feature has its bounding box and, in its properties, a label point inside its shape.
/// </summary>
public sealed class GeographyQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The largest simplification tolerance accepted, in degrees (about 11 km).</summary>
    public const double MaxSimplify = 0.1;

    /// <param name="vintage">Null: the current vintage (the serving copy); else that vintage's units that are not retired.</param>
    public async Task<string> RegionsAsync(double simplify, int? vintage = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>($"""
            SELECT {FeatureCollection}
            FROM (SELECT kato, {Geometry} AS geometry, {BoundingBox} AS bbox,
                         json_build_object('kato', kato, 'name_kk', name_kk, 'name_ru', name_ru, 'name_en', name_en,
                                           'area_km2', round(area_km2::numeric, 1), 'vintage', vintage, 'label', {LabelPoint}) AS properties
                  FROM {Units("region", "regions", vintage)}) u
            """, new { simplify, withGeometry = true, vintage }) ?? EmptyCollection;
    }

    /// <param name="withGeometry">False leaves the geometry out (null): the districts' names, boxes and label points only.</param>
    public async Task<string> DistrictsAsync(string? regionKato, double simplify, bool withGeometry = true, int? vintage = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>($"""
            SELECT {FeatureCollection}
            FROM (SELECT kato, {Geometry} AS geometry, {BoundingBox} AS bbox,
                         json_build_object('kato', kato, 'region_kato', region_kato, 'name_kk', name_kk, 'name_ru', name_ru,
                                           'name_en', name_en, 'area_km2', round(area_km2::numeric, 1), 'vintage', vintage,
                                           'label', {LabelPoint}) AS properties
                  FROM {Units("district", "districts", vintage)}
                  WHERE @regionKato::text IS NULL OR region_kato = @regionKato) u
            """, new { regionKato, simplify, withGeometry, vintage }) ?? EmptyCollection;
    }

    /// <summary>Where a level's units are read: the serving table for the current vintage, else the kept units of @vintage.</summary>
    private static string Units(string level, string servingTable, int? vintage) => vintage is null
        ? servingTable
        : $"(SELECT * FROM boundary_units WHERE level = '{level}' AND vintage = @vintage AND retired_at IS NULL) {servingTable}";

    /// <summary>Whether a vintage has been imported.</summary>
    public async Task<bool> VintageExistsAsync(int vintage)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM boundary_vintages WHERE vintage = @vintage)", new { vintage });
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

    /// <returns>The names of a region or district, or null when there is no such unit.</returns>
    public async Task<Programmes.Names?> NamesAsync(string kato)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<Programmes.Names>("""
            SELECT name_kk AS Kk, name_ru AS Ru, name_en AS En FROM regions WHERE kato = @kato
            UNION ALL SELECT name_kk, name_ru, name_en FROM districts WHERE kato = @kato
            """, new { kato });
    }

    private const string EmptyCollection = """{"type":"FeatureCollection","features":[]}""";

    /// <summary>
    /// Simplified outlines carry one decimal digit more than their tolerance needs (0.01 and 0.02 degrees: 3 digits, about
    /// 100 m), not the stored geometry's 7: digits finer than the simplification show nothing and weigh a third of the answer.
    /// </summary>
    private const string Geometry =
        "CASE WHEN @withGeometry THEN ST_AsGeoJSON(ST_ForcePolygonCCW(CASE WHEN @simplify > 0 THEN ST_SimplifyPreserveTopology(geom, @simplify) ELSE geom END), " +
        "CASE WHEN @simplify > 0 THEN LEAST(7, ceil(-log(@simplify::numeric))::int + 1) ELSE 7 END)::json END";

    private const string BoundingBox =
        "json_build_array(round(ST_XMin(geom)::numeric, 5), round(ST_YMin(geom)::numeric, 5), round(ST_XMax(geom)::numeric, 5), round(ST_YMax(geom)::numeric, 5))";

    private const string LabelPoint =
        "json_build_array(round(ST_X(ST_PointOnSurface(geom))::numeric, 5), round(ST_Y(ST_PointOnSurface(geom))::numeric, 5))";

    private const string FeatureCollection = """
        json_build_object('type', 'FeatureCollection',
                          'features', COALESCE(json_agg(json_build_object('type', 'Feature', 'id', u.kato, 'bbox', u.bbox,
                                                                          'geometry', u.geometry, 'properties', u.properties)
                                                        ORDER BY u.kato), '[]'::json))::text
        """;
}
