using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Privacy;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Queries;

public sealed record BoundingBox(double MinLon, double MinLat, double MaxLon, double MaxLat);

public sealed record SchoolFilter(string? RegionKato, string? DistrictKato, BoundingBox? Bbox, bool UnassignedOnly, string? AfterCode, int Limit);

/// <summary>One page of schools as a GeoJSON FeatureCollection, and the code to continue after (null on the last page).</summary>
public sealed record SchoolPage(string Features, int Returned, string? LastCode);

/// <summary>Schools in the caller's scope (<see cref="SeenUnits"/>) as GeoJSON points, paged by school code (keyset paging: stable while data changes).</summary>
public sealed class SchoolQueries(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    public const int MaxLimit = 10_000;

    public async Task<bool> ExistsAsync(string code)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM schools WHERE code = @code)", new { code });
    }

    public async Task<SchoolPage> PageAsync(SchoolFilter filter, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(string Code, string Feature)>($$"""
            SELECT s.code, json_build_object(
                'type', 'Feature', 'id', s.code,
                'geometry', ST_AsGeoJSON(s.geom, 7)::json,
                'properties', json_build_object(
                    'code', s.code, 'name_ru', s.name_ru, 'name_kk', s.name_kk, 'type', s.school_type, 'language', s.language,
                    'settlement', s.settlement, 'pupils', s.pupils, 'district_kato', s.district_kato, 'region_kato', s.region_kato,
                    'assignment', CASE WHEN s.district_kato IS NOT NULL THEN 'district'
                                       WHEN s.region_kato IS NOT NULL THEN 'region' ELSE 'unassigned' END,
                    'source', s.source))::text
            FROM schools s JOIN ({{SeenUnits.Seen(EntityLevel.School)}}) u ON u.code = s.code
            WHERE (@region::text IS NULL OR s.region_kato = @region)
              AND (@district::text IS NULL OR s.district_kato = @district)
              AND (NOT @unassigned OR s.district_kato IS NULL)
              AND (@after::text IS NULL OR s.code > @after)
              AND (@minLon::float8 IS NULL OR s.geom && ST_MakeEnvelope(@minLon, @minLat, @maxLon, @maxLat, 4326))
            ORDER BY s.code
            LIMIT @take
            """, SeenUnits.Parameters(new
        {
            region = filter.RegionKato,
            district = filter.DistrictKato,
            unassigned = filter.UnassignedOnly,
            after = filter.AfterCode,
            minLon = filter.Bbox?.MinLon, minLat = filter.Bbox?.MinLat, maxLon = filter.Bbox?.MaxLon, maxLat = filter.Bbox?.MaxLat,
            take = filter.Limit + 1,
        }, scope, smallAreas))).ToList();

        var hasMore = rows.Count > filter.Limit;
        var page = hasMore ? rows[..filter.Limit] : rows;
        var features = """{"type":"FeatureCollection","features":[""" + string.Join(',', page.Select(r => r.Feature)) + "]";
        return new SchoolPage(features, page.Count, hasMore ? page[^1].Code : null);
    }
}
