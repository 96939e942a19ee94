using Dapper;
using Npgsql;
using RiskMap.Core.Geography;
using RiskMap.Core.HotSpots;

namespace RiskMap.Data.HotSpots;

/// <summary>
/// Queen contiguity of the current vintage's regions or districts (the serving copy) from their boundaries in PostGIS:
/// two units are neighbours when their boundaries share a point, or come within <see cref="ToleranceMetres"/> of each other.
/// </summary>
/// <remarks>
/// The tolerance is there because real boundary files are not topologically clean: in the geokz 2024 districts two of
/// Astana's districts (711410000 and 711510000) share a street yet lie 36 m apart, and a bare <c>ST_Intersects</c> would
/// part them. 200 m stays far below the width of any district, so it joins no units that do not border each other.
/// The test of distance is on the spheroid (geography); to keep it fast it runs only for pairs that do not intersect, on
/// the parts of both boundaries inside their bounding boxes' overlap, and candidates are first found in degrees:
/// 0.004° is at least 200 m everywhere in Kazakhstan (a degree of longitude is 63 km at 55.5° N, its northern edge).
/// </remarks>
public static class QueenContiguity
{
    public const double ToleranceMetres = 200;
    private const double CandidateDegrees = 0.004;

    /// <summary>Every unit of the level with the codes of its neighbours (possibly none), each pair listed on both sides.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> OfAsync(NpgsqlConnection connection, EntityLevel level,
        NpgsqlTransaction? transaction = null)
    {
        // The table comes from the level (a constant), never from the request.
        var table = level switch
        {
            EntityLevel.Region => "regions",
            EntityLevel.District => "districts",
            _ => throw new ArgumentException("Contiguity is of regions or districts.", nameof(level)),
        };
        var rows = await connection.QueryAsync<(string Code, string[] Neighbours)>($"""
            WITH candidates AS (
                SELECT a.kato AS a, b.kato AS b, a.geom AS ag, b.geom AS bg,
                       ST_MakeEnvelope(greatest(ST_XMin(a.geom), ST_XMin(b.geom)) - @degrees, greatest(ST_YMin(a.geom), ST_YMin(b.geom)) - @degrees,
                                       least(ST_XMax(a.geom), ST_XMax(b.geom)) + @degrees, least(ST_YMax(a.geom), ST_YMax(b.geom)) + @degrees, 4326) AS near
                FROM {table} a JOIN {table} b ON a.kato < b.kato AND a.geom && ST_Expand(b.geom, @degrees)),
            pairs AS (
                SELECT a, b FROM candidates
                WHERE ST_Intersects(ag, bg)
                   OR ST_DWithin(ST_ClipByBox2D(ag, near)::geography, ST_ClipByBox2D(bg, near)::geography, @metres))
            SELECT u.kato::text AS Code,
                   ARRAY(SELECT b::text FROM pairs WHERE a = u.kato UNION SELECT a::text FROM pairs WHERE b = u.kato ORDER BY 1) AS Neighbours
            FROM {table} u ORDER BY u.kato
            """, new { degrees = CandidateDegrees, metres = ToleranceMetres }, transaction);
        return rows.ToDictionary(r => r.Code, r => r.Neighbours, StringComparer.Ordinal);
    }

    public static async Task<SpatialWeights> WeightsAsync(NpgsqlConnection connection, EntityLevel level, NpgsqlTransaction? transaction = null) =>
        SpatialWeights.FromNeighbours(await OfAsync(connection, level, transaction));
}
