using Dapper;
using Npgsql;
using RiskMap.Core.Geography;

namespace RiskMap.Data.Timeliness;

/// <summary>
/// One expected delivery as stored: a source (<c>client:NAME</c> for an agency client, <see cref="DeliveryQueries.FileImports"/>
/// for the steward's file imports), an indicator, a region and a quarter; the day (Asia/Almaty, yyyy-MM-dd) its first
/// values arrived, if any; the region's units for the indicator (schools when it is delivered for schools, else districts) and of them
/// those with a stored value.
/// </summary>
public sealed record DeliveryRow(string Source, string Indicator, string Region, string Period, string? FirstArrival, int Units, int UnitsWithValue);

public sealed record DeliveryRegion(string Code, string NameKk, string NameRu, string NameEn);

/// <summary>What a unit (a region, or a district) holds of the catalogue in a quarter: its units per indicator, summed, and of them those with a value.</summary>
public sealed record UnitCompleteness(string Code, string Period, int Units, int UnitsWithValue);

/// <summary>
/// Who is expected to deliver what (docs/data-delivery.md) and what arrived: an agency client for its indicators ×
/// regions, the steward's file imports for every indicator and region no client covers; every indicator of the
/// catalogue for every region in each quarter asked for. The status rule itself is <c>Core/Timeliness/DeliveryRule</c>.
/// </summary>
public sealed class DeliveryQueries(NpgsqlDataSource dataSource)
{
    public const string FileImports = "files";

    /// <summary>The first quarter any indicator value was delivered for, or null before any.</summary>
    public async Task<string?> FirstPeriodAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>("SELECT min(period)::text FROM indicator_deliveries");
    }

    /// <summary>The regions (KATO, kk/ru/en names), all or those given, in KATO order.</summary>
    public async Task<IReadOnlyList<DeliveryRegion>> RegionsAsync(IReadOnlyList<string>? regions)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<DeliveryRegion>("""
            SELECT trim(kato) AS Code, name_kk AS NameKk, name_ru AS NameRu, name_en AS NameEn FROM regions
            WHERE @regions::text[] IS NULL OR trim(kato) = ANY(@regions) ORDER BY kato
            """, new { regions = regions?.ToArray() })).ToList();
    }

    /// <param name="regions">The regions to read (KATO); null for all.</param>
    /// <param name="source">One source only (as <see cref="DeliveryRow.Source"/>), or null.</param>
    /// <param name="indicator">One indicator only, or null.</param>
    public async Task<IReadOnlyList<DeliveryRow>> CellsAsync(IReadOnlyList<string> periods, IReadOnlyList<string>? regions, string? source, string? indicator)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<DeliveryRow>($"""
            WITH {IndicatorLevels},
            chosen AS (SELECT trim(r.kato) AS region FROM regions r WHERE @regions::text[] IS NULL OR trim(r.kato) = ANY(@regions)),
            expected AS (
                SELECT 'client:' || c.name AS source, i.code AS indicator, r.region
                FROM agency_clients c JOIN indicator_levels i ON i.code = ANY(c.indicators) JOIN chosen r ON r.region = ANY(c.regions)
                UNION ALL
                SELECT '{FileImports}', i.code, r.region FROM indicator_levels i CROSS JOIN chosen r
                WHERE NOT EXISTS (SELECT 1 FROM agency_clients c WHERE i.code = ANY(c.indicators) AND r.region = ANY(c.regions))),
            arrivals AS (
                SELECT COALESCE('client:' || c.name, '{FileImports}') AS source, d.indicator_code AS indicator, trim(d.region_kato) AS region,
                       d.period::text AS period, to_char(min(d.received_at) AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD') AS first_day
                FROM indicator_deliveries d
                LEFT JOIN feed_batches f ON f.import_batch_id = d.import_batch_id LEFT JOIN agency_clients c ON c.id = f.client_id
                WHERE d.period = ANY(@periods::char(6)[])
                GROUP BY 1, 2, 3, 4),
            {Completeness(EntityLevel.Region)}
            SELECT e.source, e.indicator, e.region, p.period, a.first_day AS FirstArrival,
                   COALESCE(u.units, 0) AS Units, COALESCE(v.with_value, 0) AS UnitsWithValue
            FROM expected e CROSS JOIN unnest(@periods::text[]) p (period)
            LEFT JOIN arrivals a ON (a.source, a.indicator, a.region, a.period) = (e.source, e.indicator, e.region, p.period)
            LEFT JOIN unit_counts u ON (u.indicator, u.code) = (e.indicator, e.region)
            LEFT JOIN with_values v ON (v.indicator, v.code, v.period) = (e.indicator, e.region, p.period)
            WHERE (@source::text IS NULL OR e.source = @source) AND (@indicator::text IS NULL OR e.indicator = @indicator)
            ORDER BY e.region, e.indicator, e.source, p.period
            """, new { periods = periods.ToArray(), regions = regions?.ToArray(), source, indicator });
        return rows.ToList();
    }

    /// <summary>Completeness per region or district and quarter over the whole catalogue (the rating's input, the same definition as the cells').</summary>
    public async Task<IReadOnlyList<UnitCompleteness>> CompletenessAsync(EntityLevel level, IReadOnlyList<string> periods)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<UnitCompleteness>($"""
            WITH {IndicatorLevels},
            {Completeness(level)}
            SELECT u.code, p.period, sum(u.units)::int AS Units, COALESCE(sum(v.with_value), 0)::int AS UnitsWithValue
            FROM unit_counts u CROSS JOIN unnest(@periods::text[]) p (period)
            LEFT JOIN with_values v ON (v.indicator, v.code, v.period) = (u.indicator, u.code, p.period)
            GROUP BY u.code, p.period
            ORDER BY u.code, p.period
            """, new { periods = periods.ToArray() });
        return rows.ToList();
    }

    /// <summary>Each indicator of the catalogue and whether it is delivered for schools (else for districts).</summary>
    private const string IndicatorLevels = """
        indicator_levels AS (
            SELECT i.code, EXISTS (SELECT 1 FROM indicator_deliveries d WHERE d.indicator_code = i.code AND d.entity_level = 'school') AS at_schools
            FROM indicators i)
        """;

    /// <summary>
    /// unit_counts (indicator, code, units) and with_values (indicator, code, period, with_value): per indicator and area
    /// (a region, or a district) its schools when the indicator is delivered for schools, else its districts (a district:
    /// itself), and of them those with a stored value in the quarter. Values of other levels do not count.
    /// </summary>
    private static string Completeness(EntityLevel area) => $"""
        areas AS ({(area == EntityLevel.Region
            ? "SELECT trim(r.kato) AS code, (SELECT count(*) FROM schools s WHERE s.region_kato = r.kato)::int AS schools, (SELECT count(*) FROM districts d WHERE d.region_kato = r.kato)::int AS districts FROM regions r"
            : "SELECT trim(d.kato) AS code, (SELECT count(*) FROM schools s WHERE s.district_kato = d.kato)::int AS schools, 1 AS districts FROM districts d")}),
        unit_counts AS (
            SELECT i.code AS indicator, a.code, CASE WHEN i.at_schools THEN a.schools ELSE a.districts END AS units
            FROM indicator_levels i CROSS JOIN areas a),
        with_values AS (
            SELECT o.indicator_code AS indicator,
                   trim(CASE WHEN o.entity_level = 'school' THEN {(area == EntityLevel.Region ? "s.region_kato ELSE d.region_kato" : "s.district_kato ELSE o.entity_code")} END) AS code,
                   o.period::text AS period, count(*)::int AS with_value
            FROM observations o
            JOIN indicator_levels i ON i.code = o.indicator_code AND o.entity_level = CASE WHEN i.at_schools THEN 'school' ELSE 'district' END
            LEFT JOIN schools s ON o.entity_level = 'school' AND s.code = o.entity_code
            LEFT JOIN districts d ON o.entity_level = 'district' AND d.kato = o.entity_code
            WHERE o.period = ANY(@periods::char(6)[])
            GROUP BY 1, 2, 3)
        """;
}
