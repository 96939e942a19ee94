using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Privacy;
using RiskMap.Data.Scoring;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Tiles;

/// <summary>
/// Mapbox Vector Tiles made by PostGIS. The tile envelope is transformed to the data's SRID so the GiST index finds
/// the features, and only the features are transformed to Web Mercator. Boundaries come pre-simplified for the zoom.
/// </summary>
public sealed class TileQueries(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    /// <summary>
    /// The tile as the caller may see it (<see cref="SeenScores"/>): school tiles hold only schools in the scope; region and
    /// district features outside it carry their class but no score, trend or rank, and with too few pupils no class either
    /// ("suppressed").
    /// </summary>
    public async Task<byte[]> TileAsync(TileLayer layer, int z, int x, int y, long? run, string? period, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var sql = layer == TileLayer.Schools ? SchoolTile : BoundaryTile(layer);
        return await connection.ExecuteScalarAsync<byte[]>(sql, SeenScores.CompositeParameters(new
        {
            z, x, y, run = run ?? 0, period, band = TileLayer.Band(z), level = layer.Level.ToCode(),
            name = layer.Name, cap = TileLayer.MaxFeatures,
        }, scope, smallAreas)) ?? [];
    }

    private const string Bounds = "bounds AS (SELECT ST_TileEnvelope(@z, @x, @y) AS mercator, ST_Transform(ST_TileEnvelope(@z, @x, @y), 4326) AS wgs84)";

    private const string ScoreColumns = """
        round(s.score::numeric, 2)::float8 AS score, s.class, s.low_reliability,
        round(s.change_quarter::numeric, 2)::float8 AS change_quarter, round(s.change_year::numeric, 2)::float8 AS change_year, s.rank,
        round(s.score_low::numeric, 2)::float8 AS score_low, round(s.score_high::numeric, 2)::float8 AS score_high,
        round(s.high_risk_probability::numeric, 3)::float8 AS high_risk_probability, s.clear_change_quarter, s.clear_change_year
        """;

    // The level comes from the layer (a constant), never from the request.
    private static string BoundaryTile(TileLayer layer) => $"""
        WITH {Bounds}, {SeenScores.Ctes(layer.Level, ScoreMeasure.Composite)},
        features AS (
            SELECT u.code AS kato, u.name_kk, u.name_ru, u.name_en{(layer == TileLayer.Districts ? ", u.region_kato" : "")},
                   {ScoreColumns}, u.sight = 'withheld' AS suppressed,
                   ST_AsMVTGeom(ST_Transform(g.geom, 3857), bounds.mercator, 4096, 64, true) AS geom
            FROM bounds
            JOIN boundary_generalised g ON g.level = @level AND g.band = @band AND g.geom && bounds.wgs84
            JOIN seen u ON u.code = g.kato
            LEFT JOIN seen_scores s ON s.code = u.code
            ORDER BY g.kato
            LIMIT @cap)
        SELECT ST_AsMVT(features, @name, 4096, 'geom') FROM features WHERE geom IS NOT NULL
        """;

    private static readonly string SchoolTile = $"""
        WITH {Bounds}, {SeenScores.Ctes(EntityLevel.School, ScoreMeasure.Composite)},
        features AS (
            SELECT u.code AS kato, u.name_kk, u.name_ru, u.district_kato, u.region_kato, u.pupils, {ScoreColumns},
                   ST_AsMVTGeom(ST_Transform(g.geom, 3857), bounds.mercator, 4096, 64, true) AS geom
            FROM bounds
            JOIN schools g ON g.geom && bounds.wgs84
            JOIN seen u ON u.code = g.code
            LEFT JOIN seen_scores s ON s.code = u.code
            ORDER BY u.code
            LIMIT @cap)
        SELECT ST_AsMVT(features, @name, 4096, 'geom') FROM features WHERE geom IS NOT NULL
        """;
}
