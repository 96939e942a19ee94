using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Data.Access;

namespace RiskMap.Data.Queries;

public sealed record BoundingBox(double MinLon, double MinLat, double MaxLon, double MaxLat);

public sealed record SchoolFilter(string? RegionKato, string? DistrictKato, BoundingBox? Bbox, bool UnassignedOnly, string? AfterCode, int Limit);

/// <summary>One page of schools as a GeoJSON FeatureCollection, and the code to continue after (null on the last page).</summary>
public sealed record SchoolPage(string Features, int Returned, string? LastCode);

/// <summary>Schools as GeoJSON points, paged by school code (keyset paging: stable while data changes).</summary>
public sealed class SchoolQueries(NpgsqlDataSource dataSource)
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
            SELECT code, json_build_object(
                'type', 'Feature', 'id', code,
                'geometry', ST_AsGeoJSON(geom, 7)::json,
                'properties', json_build_object(
                    'code', code, 'name_ru', name_ru, 'name_kk', name_kk, 'type', school_type, 'language', language,
                    'settlement', settlement, 'pupils', pupils, 'district_kato', district_kato, 'region_kato', region_kato,
                    'assignment', CASE WHEN district_kato IS NOT NULL THEN 'district'
                                       WHEN region_kato IS NOT NULL THEN 'region' ELSE 'unassigned' END,
                    'source', source))::text
            FROM schools
            WHERE {{ScopeFilter.Covers("region_kato", "district_kato")}}
              AND (@region::text IS NULL OR region_kato = @region)
              AND (@district::text IS NULL OR district_kato = @district)
              AND (NOT @unassigned OR district_kato IS NULL)
              AND (@after::text IS NULL OR code > @after)
              AND (@minLon::float8 IS NULL OR geom && ST_MakeEnvelope(@minLon, @minLat, @maxLon, @maxLat, 4326))
            ORDER BY code
            LIMIT @take
            """, ScopeFilter.Parameters(new
        {
            region = filter.RegionKato,
            district = filter.DistrictKato,
            unassigned = filter.UnassignedOnly,
            after = filter.AfterCode,
            minLon = filter.Bbox?.MinLon, minLat = filter.Bbox?.MinLat, maxLon = filter.Bbox?.MaxLon, maxLat = filter.Bbox?.MaxLat,
            take = filter.Limit + 1,
        }, scope))).ToList();

        var hasMore = rows.Count > filter.Limit;
        var page = hasMore ? rows[..filter.Limit] : rows;
        var features = """{"type":"FeatureCollection","features":[""" + string.Join(',', page.Select(r => r.Feature)) + "]";
        return new SchoolPage(features, page.Count, hasMore ? page[^1].Code : null);
    }
}
