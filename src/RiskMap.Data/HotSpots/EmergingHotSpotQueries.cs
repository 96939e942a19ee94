using System.Text.Json;
using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.HotSpots;
using RiskMap.Core.Privacy;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.HotSpots;

/// <param name="Bins">The confidence bin (−3…3) in each of the run's quarters (<see cref="EmergingHotSpotList.Periods"/>); null without a score.</param>
/// <param name="Bin">The bin of the run's final quarter.</param>
/// <param name="Z">The final quarter's Gi* z-score, p-value and FDR-adjusted p-value (q), and the Mann–Kendall trend of the
/// z-scores: only for callers who see the whole country (see README, Access and privacy).</param>
public sealed record EmergingHotSpotUnit(
    string Code, string NameKk, string NameRu, string? NameEn, string RegionKato, EmergingCategory Category, int? Bin, IReadOnlyList<int?> Bins,
    double? Z, double? P, double? Q, double? TrendZ, double? TrendP);

/// <param name="Confidence">The confidence (%) at which a quarter is hot or cold and a trend significant, after the FDR correction.</param>
public sealed record EmergingHotSpotList(
    long Run, string MethodologyVersion, string Level, int Confidence, IReadOnlyList<string> Periods, IReadOnlyList<EmergingHotSpotUnit> Units);

/// <summary>
/// A run's emerging hot spots as the caller may see them: only units the caller sees in full (<see cref="SeenUnits"/>),
/// as a category is derived from their scores; the statistics behind it only for callers who see the whole country.
/// </summary>
public sealed class EmergingHotSpotQueries(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    private sealed class Row
    {
        public string Code { get; init; } = null!;
        public string NameKk { get; init; } = null!;
        public string NameRu { get; init; } = null!;
        public string? NameEn { get; init; }
        public string RegionKato { get; init; } = null!;
        public string Category { get; init; } = null!;
        public short? Bin { get; init; }
        // Npgsql reads a smallint[] with nulls into no CLR array Dapper can take; JSON keeps the nulls.
        public string BinsJson { get; init; } = null!;
        public double? Z { get; init; }
        public double? P { get; init; }
        public double? Q { get; init; }
        public double? TrendZ { get; init; }
        public double? TrendP { get; init; }
        public short Confidence { get; init; }
    }

    /// <returns>null when the run is not kept; its units hot spots first (by the final quarter's bin), then by code.</returns>
    public async Task<EmergingHotSpotList?> ListAsync(long run, EntityLevel level, string? regionKato, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var info = await connection.QuerySingleOrDefaultAsync<(string MethodologyVersion, string[] Periods)?>(
            "SELECT methodology_version, periods FROM score_runs WHERE id = @run", new { run });
        if (info is not { } found) return null;
        var rows = (await connection.QueryAsync<Row>($"""
            WITH seen AS ({SeenUnits.Seen(level)})
            SELECT u.code, u.name_kk AS NameKk, u.name_ru AS NameRu, u.name_en AS NameEn, u.region_kato AS RegionKato, e.category, e.bin, array_to_json(e.bins)::text AS BinsJson, e.confidence,
                   CASE WHEN @scopeNational THEN e.z END AS z, CASE WHEN @scopeNational THEN e.p END AS p,
                   CASE WHEN @scopeNational THEN e.q END AS q, CASE WHEN @scopeNational THEN e.trend_z END AS TrendZ,
                   CASE WHEN @scopeNational THEN e.trend_p END AS TrendP
            FROM emerging_hot_spots e JOIN seen u ON u.code = e.code
            WHERE e.run_id = @run AND e.level = @level AND u.sight = 'full' AND (@regionKato::text IS NULL OR u.region_kato = @regionKato)
            ORDER BY e.bin DESC NULLS LAST, u.code
            """, SeenUnits.Parameters(new { run, level = level.ToCode(), regionKato }, scope, smallAreas))).ToList();
        return new EmergingHotSpotList(run, found.MethodologyVersion, level.ToCode(),
            rows.FirstOrDefault()?.Confidence ?? (int)EmergingHotSpotWriter.Confidence, found.Periods,
            [.. rows.Select(r => new EmergingHotSpotUnit(r.Code, r.NameKk, r.NameRu, r.NameEn, r.RegionKato, EmergingCategories.FromCode(r.Category),
                r.Bin, JsonSerializer.Deserialize<int?[]>(r.BinsJson)!, r.Z, r.P, r.Q, r.TrendZ, r.TrendP))]);
    }
}
