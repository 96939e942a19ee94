using Dapper;
using RiskMap.Core.Imports;
using RiskMap.Core.Quarantine;
using RiskMap.Data.Imports;

namespace RiskMap.Data.Quarantine;

/// <summary>
/// The quarantine's place in the import of indicator values: between the checks and the upsert, on the staged rows
/// (<c>observation_staging</c>), so every way values arrive passes it. The values <see cref="QuarantineRule"/> finds
/// suspicious go to <c>held_observations</c> with their reasons instead of <c>observations</c>, which is what scores,
/// values and counts read; a value already held for the same unit, indicator and quarter is superseded by the batch's.
/// The rule judges against what was stored before the batch, so the demo's first load, with nothing stored, holds nothing.
/// </summary>
public sealed class QuarantineGate(QuarantineOptions options)
{
    /// <summary>A staged value and its unit's stored history (settable: Dapper fills array columns only through properties).</summary>
    private sealed class Row
    {
        public string Level { get; set; } = "";
        public string Code { get; set; } = "";
        public string Indicator { get; set; } = "";
        public string Period { get; set; } = "";
        public double Value { get; set; }
        public double? Denominator { get; set; }
        public string Area { get; set; } = "";
        public double? Stored { get; set; }
        public double[] History { get; set; } = [];
        public double? YearAgo { get; set; }
        public bool IsCount { get; set; }
    }

    /// <summary>Holds back the staged values the rule finds suspicious, and says how many and why as warnings.</summary>
    /// <returns>How many values were held.</returns>
    public async Task<int> HoldAsync(ImportContext context)
    {
        var (connection, transaction) = (context.Connection, context.Transaction);
        await connection.ExecuteAsync("""
            UPDATE held_observations h SET status = 'superseded', decided_by = @importedBy, decided_at = now(),
                   decision_note = 'import batch ' || @batchId
            FROM observation_staging s
            WHERE h.status = 'held' AND (h.entity_level, h.entity_code, h.indicator_code, h.period) = (s.entity_level, s.entity_code, s.indicator_code, s.period)
            """, new { importedBy = context.ImportedBy, batchId = context.BatchId }, transaction);
        if (!options.Enabled) return 0;

        // Only values that would change what is stored are judged; the history is newest first here, oldest first for the rule.
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT s.entity_level AS Level, s.entity_code AS Code, s.indicator_code AS Indicator, s.period::text AS Period, s.value AS Value,
                   s.denominator AS Denominator, s.entity_level || ' ' || left(COALESCE(sc.region_kato, s.entity_code), 2) AS Area,
                   o.value AS Stored,
                   ARRAY(SELECT h.value FROM observations h
                         WHERE (h.entity_level, h.entity_code, h.indicator_code) = (s.entity_level, s.entity_code, s.indicator_code) AND h.period < s.period
                         ORDER BY h.period DESC LIMIT @history) AS History,
                   y.value AS YearAgo, i.is_count AS IsCount
            FROM observation_staging s
            JOIN indicators i ON i.code = s.indicator_code
            LEFT JOIN schools sc ON s.entity_level = 'school' AND sc.code = s.entity_code
            LEFT JOIN observations o ON (o.entity_level, o.entity_code, o.indicator_code, o.period) = (s.entity_level, s.entity_code, s.indicator_code, s.period)
            LEFT JOIN observations y ON (y.entity_level, y.entity_code, y.indicator_code) = (s.entity_level, s.entity_code, s.indicator_code)
                                    AND y.period = (left(s.period, 4)::int - 1)::text || right(s.period, 2)
            WHERE o.value IS DISTINCT FROM s.value
            """, new { history = options.HistoryQuarters }, transaction, commandTimeout: 900, cancellationToken: context.CancellationToken))).ToList();
        if (rows.Count == 0) return 0;

        var verdicts = QuarantineRule.Judge(
            rows.Select(r => new QuarantineCandidate(r.Indicator, r.Area, r.Value, r.Stored, [.. r.History.Reverse()], r.YearAgo, r.IsCount)).ToList(), options);
        var held = rows.Zip(verdicts).Where(x => x.Second.Held).ToList();
        if (held.Count == 0) return 0;

        await connection.ExecuteAsync("""
            INSERT INTO held_observations (import_batch_id, entity_level, entity_code, indicator_code, period, value, denominator, source,
                                           reasons, stored_value, history_median, last_value, robust_z)
            SELECT @batchId, h.level, h.code, h.indicator, h.period, h.value, h.denominator, @source,
                   string_to_array(h.reasons, ','), h.stored, h.median, h.last, h.z
            FROM unnest(@levels, @codes, @indicators, @periods, @values, @denominators, @reasons, @stored, @medians, @lasts, @zs)
                 AS h (level, code, indicator, period, value, denominator, reasons, stored, median, last, z);
            DELETE FROM observation_staging s
            USING held_observations h
            WHERE h.import_batch_id = @batchId AND h.status = 'held'
              AND (h.entity_level, h.entity_code, h.indicator_code, h.period) = (s.entity_level, s.entity_code, s.indicator_code, s.period);
            """, new
        {
            batchId = context.BatchId, source = context.Options.Source,
            levels = held.Select(x => x.First.Level).ToArray(), codes = held.Select(x => x.First.Code).ToArray(),
            indicators = held.Select(x => x.First.Indicator).ToArray(), periods = held.Select(x => x.First.Period).ToArray(),
            values = held.Select(x => x.First.Value).ToArray(), denominators = held.Select(x => x.First.Denominator).ToArray(),
            reasons = held.Select(x => string.Join(',', x.Second.Reasons.Select(r => r.ToCode()))).ToArray(),
            stored = held.Select(x => x.First.Stored).ToArray(), medians = held.Select(x => x.Second.Median).ToArray(),
            lasts = held.Select(x => x.Second.Last).ToArray(), zs = held.Select(x => x.Second.RobustZ).ToArray(),
        }, transaction);

        foreach (var reason in held.GroupBy(x => x.Second.Reasons[0]).OrderBy(g => g.Key))
            context.Issues.Add(new ImportIssue(ImportProblem.ValuesHeld, Field: "value", Value: reason.Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
                Detail: ImportDetail.HeldBecause(reason.Key, options)));
        return held.Count;
    }
}
