using System.Collections.Concurrent;
using Dapper;
using Npgsql;

namespace RiskMap.Data.Queries;

/// <summary>One unit's count of a count indicator in a quarter: the nation, a region or a district.</summary>
public sealed record CountRow(
    string Code, string Level, string? ParentCode, string NameKk, string NameRu, string? NameEn, string? RegionKato, string? DistrictKato,
    double? Value, double? Denominator, int? CarriedFrom);

/// <summary>
/// The counts of a count indicator (events involving children) for the whole hierarchy nation → regions → districts.
/// A district's count is its own observation or else the sum of its schools'; a region's likewise from its districts.
/// Always the whole hierarchy: small-number suppression has to see every total and its parts to decide what to withhold.
/// A quarter of an earlier boundary vintage is carried into today's units (<c>observations_today</c>); such a count is an
/// estimate, tabled as a whole number and never below 1 when above 0, so that suppression treats a small share of a count
/// as small rather than publishing it as 0 (README, "Small numbers"). CarriedFrom names the vintage.
/// Both answers are kept while <see cref="CountInputs"/> stay the same: every count table and every profile's count
/// reads them, and they change only with an import or a change of the boundaries.
/// </summary>
public sealed class CountQueries(NpgsqlDataSource dataSource)
{
    public const string NationalCode = "KZ";

    private readonly ConcurrentDictionary<string, (CountInputs Inputs, IReadOnlyList<string> Periods)> _periods = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Indicator, string Period), (CountInputs Inputs, IReadOnlyList<CountRow> Rows)> _hierarchies = new();

    /// <returns>The quarters with observations of the indicator, oldest first.</returns>
    public async Task<IReadOnlyList<string>> PeriodsAsync(string indicator)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        // Read before the data, so a cached answer is never older than the inputs it is kept under.
        var inputs = await CountInputs.ReadAsync(connection);
        if (_periods.TryGetValue(indicator, out var cached) && cached.Inputs == inputs) return cached.Periods;
        var periods = (await connection.QueryAsync<string>(
            "SELECT DISTINCT period FROM observations WHERE indicator_code = @indicator ORDER BY period", new { indicator })).ToList();
        _periods[indicator] = (inputs, periods);
        return periods;
    }

    public async Task<IReadOnlyList<CountRow>> HierarchyAsync(string indicator, string period)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var inputs = await CountInputs.ReadAsync(connection);
        if (_hierarchies.TryGetValue((indicator, period), out var cached) && cached.Inputs == inputs) return cached.Rows;
        var rows = await ReadHierarchyAsync(connection, indicator, period);
        _hierarchies[(indicator, period)] = (inputs, rows);
        return rows;
    }

    private static async Task<IReadOnlyList<CountRow>> ReadHierarchyAsync(NpgsqlConnection connection, string indicator, string period) =>
        (await connection.QueryAsync<CountRow>("""
            WITH obs AS (
                SELECT entity_level, entity_code,
                       CASE WHEN carried_from IS NOT NULL AND value > 0 THEN greatest(round(value), 1) ELSE value END AS value,
                       denominator, carried_from
                FROM observations_today WHERE indicator_code = @indicator AND period = @period),
            school_sums AS (
                SELECT s.district_kato AS code, sum(o.value) AS value, sum(o.denominator) AS denominator
                FROM obs o JOIN schools s ON o.entity_level = 'school' AND s.code = o.entity_code
                WHERE s.district_kato IS NOT NULL GROUP BY s.district_kato),
            district_values AS (
                SELECT d.kato AS code, d.region_kato, d.name_kk, d.name_ru, d.name_en,
                       COALESCE(o.value, ss.value) AS value, COALESCE(o.denominator, ss.denominator) AS denominator,
                       o.carried_from
                FROM districts d
                LEFT JOIN obs o ON o.entity_level = 'district' AND o.entity_code = d.kato
                LEFT JOIN school_sums ss ON ss.code = d.kato),
            region_values AS (
                SELECT r.kato AS code, r.name_kk, r.name_ru, r.name_en,
                       COALESCE(o.value, (SELECT sum(dv.value) FROM district_values dv WHERE dv.region_kato = r.kato)) AS value,
                       COALESCE(o.denominator, (SELECT sum(dv.denominator) FROM district_values dv WHERE dv.region_kato = r.kato)) AS denominator,
                       COALESCE(o.carried_from, (SELECT max(dv.carried_from) FROM district_values dv WHERE dv.region_kato = r.kato)) AS carried_from
                FROM regions r
                LEFT JOIN obs o ON o.entity_level = 'region' AND o.entity_code = r.kato)
            SELECT @national AS code, 'national' AS level, NULL AS ParentCode, 'Қазақстан' AS NameKk, 'Казахстан' AS NameRu, 'Kazakhstan' AS NameEn,
                   NULL AS RegionKato, NULL AS DistrictKato, sum(value) AS value, sum(denominator) AS denominator, max(carried_from) AS CarriedFrom
            FROM region_values
            UNION ALL
            SELECT code, 'region', @national, name_kk, name_ru, name_en, code, NULL, value, denominator, carried_from FROM region_values
            UNION ALL
            SELECT code, 'district', region_kato, name_kk, name_ru, name_en, region_kato, code, value, denominator, carried_from FROM district_values
            """, new { indicator, period, national = NationalCode })).ToList();
}
