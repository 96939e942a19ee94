using Dapper;
using Npgsql;
using RiskMap.Core.Geography;

namespace RiskMap.Data.Scoring;

/// <summary>
/// A unit's observed value of an indicator in a quarter, before any scoring: its own observation or, where it has none,
/// its children's by the methodology's one rule (docs/methodology.md, step 2): only children with a value, each weighted
/// by its denominator — counts summed over the reporting children's pupils, other values their denominator-weighted mean.
/// An observation without a denominator of its own stands for the unit's pupils. Observations are read in today's
/// boundaries (<c>observations_today</c>), as the scores read them.
/// </summary>
/// <param name="Value">The count, or the value in the catalogue's unit (a percentage).</param>
/// <param name="Denominator">The pupils the value covers.</param>
/// <param name="Unit">The catalogue's unit: "count", "percent".</param>
public sealed record IndicatorValue(string Code, double Value, double? Denominator, bool IsCount, string Unit);

public sealed class IndicatorValueQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The values of the given units of a level (null: every unit); a unit without a value is left out.</summary>
    public async Task<IReadOnlyDictionary<string, IndicatorValue>> ReadAsync(EntityLevel level, string indicator, string period,
        IReadOnlyCollection<string>? codes)
    {
        if (codes is { Count: 0 }) return new Dictionary<string, IndicatorValue>();
        await using var connection = await dataSource.OpenConnectionAsync();
        var values = await connection.QueryAsync<IndicatorValue>($"""
            WITH kind AS (SELECT is_count, unit FROM indicators WHERE code = @indicator),
            obs AS (SELECT entity_level, entity_code, value, denominator FROM observations_today WHERE indicator_code = @indicator AND period = @period),
            school_values AS (
                SELECT s.code, s.district_kato AS parent, o.value, COALESCE(o.denominator, s.pupils) AS denominator
                FROM schools s JOIN obs o ON o.entity_level = 'school' AND o.entity_code = s.code),
            district_values AS ({Level("districts d", "d.kato", "d.region_kato", "district", "school_values", "s.district_kato = d.kato")}),
            region_values AS ({Level("regions r", "r.kato", "NULL::text", "region", "district_values", "s.region_kato = r.kato")})
            SELECT code, value, denominator, (SELECT is_count FROM kind) AS IsCount, (SELECT unit FROM kind) AS Unit
            FROM {level.ToCode()}_values WHERE value IS NOT NULL AND (@codes::text[] IS NULL OR code = ANY(@codes))
            """, new { indicator, period, codes = codes?.ToArray() });
        return values.ToDictionary(v => v.Code);
    }

    /// <summary>A region's or district's own observation, else its reporting children's aggregate.</summary>
    private static string Level(string table, string code, string parent, string levelCode, string children, string pupilsOf) => $"""
        SELECT {code} AS code, {parent} AS parent,
               COALESCE(o.value, CASE WHEN (SELECT is_count FROM kind) THEN c.events ELSE c.weighted / NULLIF(c.denominator, 0) END) AS value,
               CASE WHEN o.entity_code IS NOT NULL
                    THEN COALESCE(o.denominator, (SELECT sum(s.pupils) FROM schools s WHERE {pupilsOf}))
                    ELSE c.denominator END AS denominator
        FROM {table}
        LEFT JOIN obs o ON o.entity_level = '{levelCode}' AND o.entity_code = {code}
        LEFT JOIN (SELECT parent, sum(value) AS events, sum(value * denominator) AS weighted, sum(denominator) AS denominator
                   FROM {children} GROUP BY parent) c ON c.parent = {code}
        """;
}
