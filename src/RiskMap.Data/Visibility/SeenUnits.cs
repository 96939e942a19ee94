using Dapper;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Privacy;

namespace RiskMap.Data.Visibility;

/// <summary>
/// The one home of "a unit as this caller may see it", in SQL: the units of a level with the same columns at every level,
/// each with the caller's <see cref="Core.Visibility.Sight"/> — <c>'full'</c> in the caller's scope, <c>'class'</c> for
/// a region or district outside it, <c>'withheld'</c> for one of those with too few pupils
/// (<see cref="SmallAreaSuppression"/>). Schools outside the scope are not read at all. Every surface that shows units
/// (score tables, profiles, hotspots, exports, tiles, OGC features, programme effectiveness) reads them from here.
/// </summary>
public static class SeenUnits
{
    /// <summary>
    /// (code, name_kk, name_ru, name_en, region_kato, district_kato, pupils) of every unit of the level; a region's or
    /// district's pupils are its schools'. Geometries are left out (see <see cref="Geometries"/>), so the rows stay small.
    /// </summary>
    // Each source comes from the level (a constant), never from the request.
    private static string Source(EntityLevel level) => level switch
    {
        EntityLevel.Region => """
            SELECT r.kato::text AS code, r.name_kk, r.name_ru, r.name_en, r.kato::text AS region_kato, NULL::text AS district_kato,
                   COALESCE(p.pupils, 0) AS pupils
            FROM regions r LEFT JOIN (SELECT region_kato, sum(pupils)::bigint AS pupils FROM schools GROUP BY region_kato) p ON p.region_kato = r.kato
            """,
        EntityLevel.District => """
            SELECT d.kato::text AS code, d.name_kk, d.name_ru, d.name_en, d.region_kato::text AS region_kato, d.kato::text AS district_kato,
                   COALESCE(p.pupils, 0) AS pupils
            FROM districts d LEFT JOIN (SELECT district_kato, sum(pupils)::bigint AS pupils FROM schools GROUP BY district_kato) p ON p.district_kato = d.kato
            """,
        _ => """
            SELECT s.code::text AS code, s.name_kk, s.name_ru, NULL::text AS name_en, s.region_kato::text AS region_kato,
                   s.district_kato::text AS district_kato, s.pupils::bigint AS pupils
            FROM schools s
            """,
    };

    /// <summary>(code, geom) of every unit of the level, in EPSG:4326: boundaries or school points.</summary>
    public static string Geometries(EntityLevel level) => level switch
    {
        EntityLevel.Region => "SELECT kato::text AS code, geom FROM regions",
        EntityLevel.District => "SELECT kato::text AS code, geom FROM districts",
        _ => "SELECT code::text AS code, geom FROM schools",
    };

    /// <summary>
    /// The units of the level the caller may see, with their <c>sight</c>. Needs the parameters of <see cref="Parameters"/>.
    /// </summary>
    public static string Seen(EntityLevel level)
    {
        var covers = ScopeFilter.Covers("u.region_kato", "u.district_kato");
        return level == EntityLevel.School
            ? $"SELECT u.*, 'full'::text AS sight FROM ({Source(level)}) u WHERE {covers}"
            : $"""
              SELECT u.*, CASE WHEN {covers} THEN 'full' WHEN u.pupils < @minimumPupils THEN 'withheld' ELSE 'class' END AS sight
              FROM ({Source(level)}) u
              """;
    }

    /// <summary>The caller's scope and the small-area minimum as the parameters <see cref="Seen"/> reads, with the query's own.</summary>
    public static DynamicParameters Parameters(object values, AccessScope scope, SmallAreaSuppression smallAreas)
    {
        var parameters = ScopeFilter.Parameters(values, scope);
        parameters.Add("minimumPupils", smallAreas.MinimumPupils);
        return parameters;
    }
}
