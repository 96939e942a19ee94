using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Privacy;
using RiskMap.Data.Access;
using RiskMap.Data.Queries;

namespace RiskMap.Data.Features;

/// <summary>A collection served by OGC API – Features: its id, title, and the SQL that lists its units with names.</summary>
public sealed record FeatureCollectionInfo(string Id, string Title, string Description, string Level);

public sealed record FeaturePage(long NumberMatched, IReadOnlyList<string> Features);

/// <summary>
/// Regions, districts and schools as GeoJSON features with the published scores of a quarter, filtered by bbox and
/// paged by offset in a stable order (by code), for OGC API – Features.
/// </summary>
public sealed class FeatureCollections(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    public static readonly IReadOnlyList<FeatureCollectionInfo> All =
    [
        new("regions", "Regions", "The 20 regions (oblasts and cities of republican significance) with their composite risk scores.", "region"),
        new("districts", "Districts", "The districts and cities of regional significance with their composite risk scores.", "district"),
        new("schools", "Schools", "Schools (points) with their composite risk scores; district and region from the spatial join.", "school"),
    ];

    public static FeatureCollectionInfo? Find(string id) => All.FirstOrDefault(c => c.Id == id);

    // The unit source comes from the collection (a constant), never from the request.
    private static string Units(FeatureCollectionInfo collection) => collection.Level switch
    {
        "region" => "SELECT kato AS code, name_kk, name_ru, name_en, NULL::text AS region_kato, NULL::text AS district_kato, NULL::int AS pupils, geom FROM regions",
        "district" => "SELECT kato AS code, name_kk, name_ru, name_en, region_kato, NULL::text AS district_kato, NULL::int AS pupils, geom FROM districts",
        _ => "SELECT code, name_kk, name_ru, NULL::text AS name_en, region_kato, district_kato, pupils, geom FROM schools",
    };

    /// <summary>Whether a unit of the collection lies in the caller's scope; only then do its score and rank show.</summary>
    private static string Covers(FeatureCollectionInfo collection) => collection.Level switch
    {
        "region" => ScopeFilter.Covers("u.code", "NULL::text"),
        "district" => ScopeFilter.Covers("u.region_kato", "u.code"),
        _ => ScopeFilter.Covers("u.region_kato", "u.district_kato"),
    };

    /// <summary>School features outside the scope are not read at all.</summary>
    private static string SchoolScope(FeatureCollectionInfo collection) => collection.Level == "school" ? " AND " + Covers(collection) : "";

    /// <summary>The score of the feature's unit and, for regions and districts, the pupils that decide whether its class is withheld.</summary>
    private static string Scores(FeatureCollectionInfo collection) =>
        "LEFT JOIN score_results s ON s.run_id = @run AND s.level = @level AND s.code = u.code AND s.period = @period" +
        (collection.Level == "school" ? "" : $" LEFT JOIN ({SmallAreaFilter.PupilsPerUnit(collection.Level)}) p ON p.code = u.code");

    /// <summary>
    /// Whether a region's or district's class is withheld from the caller; null (no "suppressed" property) for a school,
    /// which only callers with detail on it see at all.
    /// </summary>
    private static string Withheld(FeatureCollectionInfo collection) =>
        collection.Level == "school" ? "NULL::boolean" : SmallAreaFilter.Withheld(Covers(collection), "p.pupils");

    private static string Feature(FeatureCollectionInfo collection) => $"""
        json_build_object(
            'type', 'Feature', 'id', u.code,
            'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(u.geom), 7)::json,
            'properties', json_strip_nulls(json_build_object(
                'code', u.code, 'name_kk', u.name_kk, 'name_ru', u.name_ru, 'name_en', u.name_en,
                'region_kato', u.region_kato, 'district_kato', u.district_kato, 'pupils', u.pupils,
                'period', s.period, 'score', CASE WHEN {Covers(collection)} THEN round(s.score::numeric, 3) END,
                'class', CASE WHEN {Withheld(collection)} THEN NULL ELSE s.class END, 'suppressed', {Withheld(collection)},
                'low_reliability', s.low_reliability, 'rank', CASE WHEN {Covers(collection)} THEN NULLIF(s.rank, 0) END)))::text
        """;

    public async Task<FeaturePage> PageAsync(FeatureCollectionInfo collection, BoundingBox? bbox, int limit, int offset, long? run, string? period, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var parameters = ScopeFilter.Parameters(new
        {
            level = collection.Level, run = run ?? 0, period = period ?? "", limit, offset,
            minLon = bbox?.MinLon, minLat = bbox?.MinLat, maxLon = bbox?.MaxLon, maxLat = bbox?.MaxLat,
        }, scope).With(smallAreas);
        var filter = "WHERE (@minLon::float8 IS NULL OR ST_Intersects(u.geom, ST_MakeEnvelope(@minLon, @minLat, @maxLon, @maxLat, 4326)))" + SchoolScope(collection);
        var matched = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM ({Units(collection)}) u {filter}", parameters);
        var features = await connection.QueryAsync<string>($"""
            SELECT {Feature(collection)}
            FROM ({Units(collection)}) u
            {Scores(collection)}
            {filter}
            ORDER BY u.code
            LIMIT @limit OFFSET @offset
            """, parameters);
        return new FeaturePage(matched, features.ToList());
    }

    public async Task<string?> ItemAsync(FeatureCollectionInfo collection, string id, long? run, string? period, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>($"""
            SELECT {Feature(collection)}
            FROM ({Units(collection)}) u
            {Scores(collection)}
            WHERE u.code = @id{SchoolScope(collection)}
            """, ScopeFilter.Parameters(new { level = collection.Level, id, run = run ?? 0, period = period ?? "" }, scope).With(smallAreas));
    }

    /// <summary>The extent of a collection in lon/lat.</summary>
    public async Task<double[]> ExtentAsync(FeatureCollectionInfo collection)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var box = await connection.QuerySingleAsync<(double?, double?, double?, double?)>(
            $"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) e FROM ({Units(collection)}) u) x");
        return box.Item1 is null ? [46.49, 40.56, 87.36, 55.44] : [box.Item1!.Value, box.Item2!.Value, box.Item3!.Value, box.Item4!.Value];
    }
}
