using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Privacy;
using RiskMap.Data.Access;

namespace RiskMap.Data.Tiles;

/// <summary>
/// Mapbox Vector Tiles made by PostGIS. The tile envelope is transformed to the data's SRID so the GiST index finds
/// the features, and only the features are transformed to Web Mercator. Boundaries come pre-simplified for the zoom.
/// </summary>
public sealed class TileQueries(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    /// <summary>
    /// The tile as the caller may see it: school tiles hold only schools in the scope; region and district features
    /// outside it carry their class but no score, trend or rank, and with too few pupils no class either ("suppressed").
    /// </summary>
    public async Task<byte[]> TileAsync(TileLayer layer, int z, int x, int y, long? run, string? period, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var sql = layer == TileLayer.Schools ? SchoolTile : BoundaryTile(layer);
        return await connection.ExecuteScalarAsync<byte[]>(sql, ScopeFilter.Parameters(new
        {
            z, x, y, run = run ?? 0, period = period ?? "", band = TileLayer.Band(z), level = layer.Level, name = layer.Name,
            cap = TileLayer.MaxFeatures,
        }, scope).With(smallAreas)) ?? [];
    }

    private const string Bounds = """
        WITH bounds AS (SELECT ST_TileEnvelope(@z, @x, @y) AS mercator, ST_Transform(ST_TileEnvelope(@z, @x, @y), 4326) AS wgs84)
        """;

    private static string ScoreColumns(string detailed, string withheld) => $"""
        CASE WHEN {detailed} THEN round(s.score::numeric, 2)::float8 END AS score,
        CASE WHEN {withheld} THEN NULL ELSE s.class::int END AS class, s.low_reliability,
        CASE WHEN {detailed} THEN round(s.change_quarter::numeric, 2)::float8 END AS change_quarter,
        CASE WHEN {detailed} THEN round(s.change_year::numeric, 2)::float8 END AS change_year,
        CASE WHEN {detailed} THEN NULLIF(s.rank, 0) END AS rank
        """;

    // The unit table comes from the layer (a constant), never from the request.
    private static string BoundaryTile(TileLayer layer)
    {
        var covers = layer == TileLayer.Regions ? ScopeFilter.Covers("u.kato", "NULL::text") : ScopeFilter.Covers("u.region_kato", "u.kato");
        var withheld = SmallAreaFilter.Withheld(covers, "p.pupils");
        return $"""
        {Bounds},
        pupils AS ({SmallAreaFilter.PupilsPerUnit(layer.Level)}),
        features AS (
            SELECT u.kato, u.name_kk, u.name_ru, u.name_en{(layer == TileLayer.Districts ? ", u.region_kato" : "")},
                   {ScoreColumns(covers, withheld)}, {withheld} AS suppressed,
                   ST_AsMVTGeom(ST_Transform(g.geom, 3857), bounds.mercator, 4096, 64, true) AS geom
            FROM bounds
            JOIN boundary_generalised g ON g.level = @level AND g.band = @band AND g.geom && bounds.wgs84
            JOIN {(layer == TileLayer.Regions ? "regions" : "districts")} u ON u.kato = g.kato
            LEFT JOIN pupils p ON p.code = u.kato
            LEFT JOIN score_results s ON s.run_id = @run AND s.level = @level AND s.code = g.kato AND s.period = @period
            ORDER BY g.kato
            LIMIT @cap)
        SELECT ST_AsMVT(features, @name, 4096, 'geom') FROM features WHERE geom IS NOT NULL
        """;
    }

    private static readonly string SchoolTile = $"""
        {Bounds},
        features AS (
            SELECT u.code AS kato, u.name_kk, u.name_ru, u.district_kato, u.region_kato, u.pupils, {ScoreColumns("true", "false")},
                   ST_AsMVTGeom(ST_Transform(u.geom, 3857), bounds.mercator, 4096, 64, true) AS geom
            FROM bounds
            JOIN schools u ON u.geom && bounds.wgs84 AND {ScopeFilter.Covers("u.region_kato", "u.district_kato")}
            LEFT JOIN score_results s ON s.run_id = @run AND s.level = 'school' AND s.code = u.code AND s.period = @period
            ORDER BY u.code
            LIMIT @cap)
        SELECT ST_AsMVT(features, @name, 4096, 'geom') FROM features WHERE geom IS NOT NULL
        """;
}
