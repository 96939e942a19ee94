using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Privacy;
using RiskMap.Core.Text;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Queries;

/// <summary>
/// A unit whose name (in any language, or an alias of it) holds the searched text; Matched is that name, Exact whether
/// it is the whole text.
/// </summary>
public sealed record UnitMatch(
    string Level, string Code, string? RegionKato, string? DistrictKato, string NameKk, string NameRu, string? NameEn, string Matched, bool Exact);

/// <summary>The best matches, and whether there were more than those.</summary>
public sealed record UnitMatches(IReadOnlyList<UnitMatch> Matches, bool More);

/// <summary>
/// Regions, districts (with their aliases, migration 0009) and the schools the caller may see (<see cref="SeenUnits"/>)
/// by any of their names, ignoring case and ё/е (search_key) and look-alike Latin letters (<see cref="LookAlikeLetters"/>).
/// Whole names first, then names starting with the text, then names holding it; regions before districts before schools.
/// </summary>
public sealed class UnitSearch(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    public const int MinLength = 2;
    public const int MaxLength = 100;
    public const int MaxMatches = 20;

    public async Task<UnitMatches> FindAsync(string text, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<UnitMatch>($"""
            WITH names AS (
                SELECT 'region' AS level, r.kato::text AS code, r.kato::text AS region_kato, NULL::text AS district_kato,
                       r.name_kk, r.name_ru, r.name_en, n.name AS matched
                FROM regions r CROSS JOIN LATERAL (VALUES (r.name_kk), (r.name_ru), (r.name_en)) n(name)
                UNION ALL
                SELECT 'district', d.kato::text, d.region_kato::text, d.kato::text, d.name_kk, d.name_ru, d.name_en, n.name
                FROM districts d CROSS JOIN LATERAL (VALUES (d.name_kk), (d.name_ru), (d.name_en)) n(name)
                UNION ALL
                SELECT CASE WHEN r.kato IS NULL THEN 'district' ELSE 'region' END, a.kato::text,
                       COALESCE(r.kato, d.region_kato)::text, d.kato::text,
                       COALESCE(r.name_kk, d.name_kk), COALESCE(r.name_ru, d.name_ru), COALESCE(r.name_en, d.name_en), a.name
                FROM unit_aliases a LEFT JOIN regions r ON r.kato = a.kato LEFT JOIN districts d ON d.kato = a.kato
                WHERE r.kato IS NOT NULL OR d.kato IS NOT NULL
                UNION ALL
                SELECT 'school', u.code, u.region_kato, u.district_kato, u.name_kk, u.name_ru, u.name_en, n.name
                FROM ({SeenUnits.Seen(EntityLevel.School)}) u CROSS JOIN LATERAL (VALUES (u.name_kk), (u.name_ru)) n(name)
            ), wanted AS (SELECT search_key(@text) AS key),
            graded AS (
                SELECT DISTINCT ON (n.level, n.code) n.*,
                       CASE WHEN search_key(n.matched) = w.key THEN 0 WHEN starts_with(search_key(n.matched), w.key) THEN 1 ELSE 2 END AS grade
                FROM names n CROSS JOIN wanted w
                WHERE strpos(search_key(n.matched), w.key) > 0
                ORDER BY n.level, n.code, grade, n.matched
            )
            SELECT level, code, region_kato AS RegionKato, district_kato AS DistrictKato, name_kk AS NameKk, name_ru AS NameRu,
                   name_en AS NameEn, matched, grade = 0 AS exact
            FROM graded
            ORDER BY grade, array_position(ARRAY['region', 'district', 'school'], level), name_ru, code
            LIMIT @take
            """, SeenUnits.Parameters(new { text = LookAlikeLetters.ToCyrillic(text.Trim()), take = MaxMatches + 1 }, scope, smallAreas))).ToList();
        return new UnitMatches(rows.Take(MaxMatches).ToList(), rows.Count > MaxMatches);
    }
}
