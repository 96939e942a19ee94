using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Privacy;
using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Ogc;

/// <summary>A collection served by OGC API – Features: its id, title, description and the level of its units.</summary>
public sealed record FeatureCollectionInfo(string Id, string Title, string Description, EntityLevel Level);

public sealed record FeaturePage(long NumberMatched, IReadOnlyList<string> Features);

/// <summary>
/// Regions, districts and schools as GeoJSON features with the published scores of a quarter as the caller may see them
/// (<see cref="SeenScores"/>), filtered by bbox and paged by offset in a stable order (by code), for OGC API – Features.
/// </summary>
public sealed class FeatureCollections(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    public static readonly IReadOnlyList<FeatureCollectionInfo> All =
    [
        new("regions", "Regions", "The 20 regions (oblasts and cities of republican significance) with their composite risk scores.", EntityLevel.Region),
        new("districts", "Districts", "The districts and cities of regional significance with their composite risk scores.", EntityLevel.District),
        new("schools", "Schools", "Schools (points) with their composite risk scores; district and region from the spatial join.", EntityLevel.School),
    ];

    public static FeatureCollectionInfo? Find(string id) => All.FirstOrDefault(c => c.Id == id);

    /// <summary>The collection's units as the caller may see them, with their geometry (<c>units</c>) and scores (<c>seen_scores</c>).</summary>
    // The level comes from the collection (a constant), never from the request.
    private static string Units(FeatureCollectionInfo collection) => $"""
        WITH {SeenScores.Ctes(collection.Level, ScoreMeasure.Composite)},
        units AS (SELECT u.*, true AS scored, g.geom FROM seen u JOIN ({SeenUnits.Geometries(collection.Level)}) g ON g.code = u.code)
        """;

    /// <summary>
    /// The units of another vintage (@vintage) that are not retired, as imported: outlines and names are public, and they
    /// carry no scores, which are made on the current vintage's shapes.
    /// </summary>
    private static string OtherVintageUnits(FeatureCollectionInfo collection) => $"""
        WITH {SeenScores.Ctes(collection.Level, ScoreMeasure.Composite)},
        units AS (SELECT b.kato AS code, b.name_kk, b.name_ru, b.name_en, b.region_kato, 'full' AS sight, false AS scored, b.geom
                  FROM boundary_units b WHERE b.level = '{collection.Level.ToCode()}' AND b.vintage = @vintage AND b.retired_at IS NULL)
        """;

    /// <summary>A school has no "suppressed" property: only callers who see it in full see it at all.</summary>
    private static string Feature(FeatureCollectionInfo collection) => $"""
        json_build_object(
            'type', 'Feature', 'id', u.code,
            'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(u.geom), 7)::json,
            'properties', json_strip_nulls(json_build_object(
                'code', u.code, 'name_kk', u.name_kk, 'name_ru', u.name_ru, 'name_en', u.name_en,
                'region_kato', {Parent(collection, EntityLevel.Region)}, 'district_kato', {Parent(collection, EntityLevel.District)},
                'pupils', {(collection.Level == EntityLevel.School ? "u.pupils" : "NULL::bigint")},
                'period', s.period, 'score', round(s.score::numeric, 3), 'class', s.class,
                'suppressed', {(collection.Level == EntityLevel.School ? "NULL::boolean" : "u.sight = 'withheld'")},
                'low_reliability', s.low_reliability, 'rank', s.rank)))::text
        FROM units u LEFT JOIN seen_scores s ON s.code = u.code AND u.scored
        """;

    /// <summary>The KATO of the feature's region or district, for a unit below that level only (a unit is not its own parent).</summary>
    private static string Parent(FeatureCollectionInfo collection, EntityLevel parent) =>
        collection.Level > parent ? $"u.{parent.ToCode()}_kato" : "NULL::text";

    /// <param name="vintage">Null or the current one: the current vintage, with scores; else that vintage's regions or districts, without (see <see cref="OtherVintageUnits"/>).</param>
    public async Task<FeaturePage> PageAsync(FeatureCollectionInfo collection, BoundingBox? bbox, int limit, int offset, long? run, string? period, AccessScope scope,
        int? vintage = null)
    {
        if (vintage is not null && collection.Level == EntityLevel.School) throw new ArgumentException("Schools have no boundary vintage.", nameof(vintage));
        await using var connection = await dataSource.OpenConnectionAsync();
        if (vintage is not null && await Vintages.BoundaryVintages.CurrentAsync(connection) == vintage) vintage = null;
        var parameters = Parameters(new
        {
            run = run ?? 0, period, limit, offset, minLon = bbox?.MinLon, minLat = bbox?.MinLat, maxLon = bbox?.MaxLon, maxLat = bbox?.MaxLat, vintage,
        }, scope);
        var units = vintage is null ? Units(collection) : OtherVintageUnits(collection);
        const string filter = "WHERE (@minLon::float8 IS NULL OR ST_Intersects(u.geom, ST_MakeEnvelope(@minLon, @minLat, @maxLon, @maxLat, 4326)))";
        var matched = await connection.ExecuteScalarAsync<long>($"{units} SELECT count(*) FROM units u {filter}", parameters);
        var features = await connection.QueryAsync<string>($"""
            {units}
            SELECT {Feature(collection)}
            {filter}
            ORDER BY u.code
            LIMIT @limit OFFSET @offset
            """, parameters);
        return new FeaturePage(matched, features.ToList());
    }

    /// <returns>The feature, or null when there is none the caller may see.</returns>
    public async Task<string?> ItemAsync(FeatureCollectionInfo collection, string id, long? run, string? period, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>($"""
            {Units(collection)}
            SELECT {Feature(collection)}
            WHERE u.code = @id
            """, Parameters(new { id, run = run ?? 0, period }, scope));
    }

    /// <summary>The extent of a collection in lon/lat, whatever the caller may see of it; the whole country while it is empty.</summary>
    public async Task<IReadOnlyList<double>> ExtentAsync(FeatureCollectionInfo collection)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var box = await connection.QuerySingleAsync<(double?, double?, double?, double?)>(
            $"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) e FROM ({SeenUnits.Geometries(collection.Level)}) g) x");
        return box.Item1 is null ? Kazakhstan.Bounds : [box.Item1!.Value, box.Item2!.Value, box.Item3!.Value, box.Item4!.Value];
    }

    private DynamicParameters Parameters(object values, AccessScope scope) => SeenScores.CompositeParameters(values, scope, smallAreas);
}
