using Dapper;
using NpgsqlTypes;
using RiskMap.Core.Geography;
using RiskMap.Core.Imports;
using RiskMap.Core.Indicators;
using RiskMap.Data.Quarantine;
using RiskMap.Data.Timeliness;

namespace RiskMap.Data.Imports;

/// <summary>
/// Imports indicator observations from a long-format CSV:
/// <c>entity_level,entity_code,indicator,period,value[,denominator]</c>. Every indicator and every unit must already be
/// known: a school today, a region or district in the boundary vintage in force in the row's quarter (quarter_vintage,
/// migration 0014), so 2018 codes serve for quarters of 2018's days. Re-importing the same rows changes nothing. Values
/// of count indicators are whole numbers. Values the quarantine finds suspicious are held back instead of stored
/// (<see cref="QuarantineGate"/>).
/// </summary>
public sealed class ObservationImporter(QuarantineGate quarantine) : IImporter
{
    public ImportKind Kind => ImportKind.Indicators;

    private static readonly string[] Required = ["entity_level", "entity_code", "indicator", "period", "value"];

    private sealed record Indicator(string Code, string Unit, bool IsCount);

    private sealed record Observation(string Level, string Code, string Indicator, string Period, double Value, double? Denominator);

    /// <summary>A region or district code to check against its quarter's vintage (Period null: unreadable, the current one).</summary>
    private sealed record UnitCode(int Line, string Level, string Code, string? Period);

    public async Task<ImportCounts> RunAsync(ImportContext context)
    {
        if (context.Extension != ".csv")
            throw ImportRejectedException.Single(ImportProblem.UnreadableFile, value: context.FileName, detail: ImportDetail.Expected(".csv"));
        var known = await KnownAsync(context);
        await using var stream = context.OpenFile();
        var csv = CsvRows.Open(stream, Required, context.Issues);

        var observations = new List<Observation>();
        var unitCodes = new List<UnitCode>();
        var seen = new HashSet<(string, string, string, string)>();
        var rows = 0;
        foreach (var row in csv.Read(context.MaxRows))
        {
            rows++;
            var observation = Check(row, csv, known, unitCodes, context.Issues);
            if (observation is null) continue;
            if (!seen.Add((observation.Level, observation.Code, observation.Indicator, observation.Period)))
                context.Issues.Add(ImportProblem.DuplicateKey, row.Line, "entity_code", observation.Code, observation.Code,
                    new ImportDetail(DetailText.AppearsTwice, observation.Indicator, observation.Period));
            observations.Add(observation);
            if (rows % 50_000 == 0) await context.ReportProgress(new ImportProgress("read", rows));
        }
        if (rows == 0) throw ImportRejectedException.Single(ImportProblem.EmptyFile);
        await CheckUnitsAsync(context, unitCodes);
        context.Issues.ThrowIfErrors();

        var counts = await WriteAsync(context, observations);
        await context.ReportProgress(new ImportProgress("stored", rows));
        return counts;
    }

    private sealed record Known(IReadOnlyDictionary<string, Indicator> Indicators, HashSet<string> Schools);

    private static async Task<Known> KnownAsync(ImportContext context)
    {
        var connection = context.Connection;
        var indicators = (await connection.QueryAsync<Indicator>("SELECT code, unit, is_count AS IsCount FROM indicators", transaction: context.Transaction))
            .ToDictionary(i => i.Code);
        var schools = (await connection.QueryAsync<string>("SELECT code FROM schools", transaction: context.Transaction)).ToHashSet();
        return new Known(indicators, schools);
    }

    /// <summary>
    /// Checks each region and district code against the units of the vintage in force in its row's quarter; the
    /// quarters are put to the database's one rule (quarter_vintage), once each.
    /// </summary>
    private static async Task CheckUnitsAsync(ImportContext context, IReadOnlyList<UnitCode> units)
    {
        if (units.Count == 0) return;
        var vintages = (await context.Connection.QueryAsync<(string Period, int? Vintage)>(
                "SELECT p, quarter_vintage(NULLIF(p, '')) FROM unnest(@periods) p",
                new { periods = units.Select(o => o.Period ?? "").Distinct().ToArray() }, context.Transaction))
            .ToDictionary(v => v.Period, v => v.Vintage);
        var known = (await context.Connection.QueryAsync<(string Level, int Vintage, string Kato)>(
                "SELECT level, vintage, kato FROM boundary_units WHERE retired_at IS NULL", transaction: context.Transaction))
            .ToHashSet();
        foreach (var o in units)
        {
            var vintage = vintages[o.Period ?? ""];
            if (vintage is { } v && known.Contains((o.Level, v, o.Code))) continue;
            context.Issues.Add(ImportProblem.UnknownEntity, o.Line, "entity_code", o.Code, o.Code,
                vintage is { } year && o.Period is not null ? ImportDetail.NotInVintage(o.Level == "district", year, o.Period) : ImportDetail.AsIs(o.Level));
        }
    }

    /// <summary>Checks one row; the checks of a column the file lacks (already reported) are skipped.</summary>
    private static Observation? Check(CsvRow row, CsvRows csv, Known known, ICollection<UnitCode> unitCodes, IssueCollector issues)
    {
        var line = row.Line;
        var code = row["entity_code"]?.Trim();
        var ok = Required.All(csv.HasColumn);
        void Fail(ImportProblem problem, string field, string? value, ImportDetail? detail = null)
        {
            issues.Add(problem, line, field, value, code, detail);
            ok = false;
        }

        var levelText = row["entity_level"];
        EntityLevel level = default;
        var levelRead = csv.HasColumn("entity_level") && EntityLevels.TryParse(levelText, out level);
        if (csv.HasColumn("entity_level") && !levelRead)
            Fail(levelText is null ? ImportProblem.MissingValue : ImportProblem.NotAllowedValue, "entity_level", levelText,
                ImportDetail.Of(DetailText.LevelExpected));
        if (csv.HasColumn("entity_code") && code is null)
            Fail(ImportProblem.MissingValue, "entity_code", null);
        else if (levelRead && level == EntityLevel.School && code is not null && !known.Schools.Contains(code))
            Fail(ImportProblem.UnknownEntity, "entity_code", code, ImportDetail.AsIs(level.ToCode()));

        var indicatorCode = row["indicator"]?.Trim();
        Indicator? indicator = null;
        if (csv.HasColumn("indicator") && indicatorCode is null)
            Fail(ImportProblem.MissingValue, "indicator", null);
        else if (indicatorCode is not null && !known.Indicators.TryGetValue(indicatorCode, out indicator))
            Fail(ImportProblem.UnknownIndicator, "indicator", indicatorCode);

        var periodText = row["period"];
        Quarter period = default;
        var periodRead = csv.HasColumn("period") && Quarter.TryParse(periodText, out period);
        if (csv.HasColumn("period") && !periodRead)
            Fail(periodText is null ? ImportProblem.MissingValue : ImportProblem.InvalidCode, "period", periodText, ImportDetail.Of(DetailText.QuarterExpected));
        if (levelRead && level != EntityLevel.School && code is not null)
            unitCodes.Add(new UnitCode(line, level.ToCode(), code, periodRead ? period.ToString() : null));

        var valueText = row["value"];
        double value = 0;
        if (csv.HasColumn("value") && !CsvValues.TryParseNumber(valueText, csv.Delimiter, out value))
            Fail(valueText is null ? ImportProblem.MissingValue : ImportProblem.NotANumber, "value", valueText);
        else if (indicator is not null && valueText is not null && Allowed(indicator, value) is { } range)
            Fail(ImportProblem.OutOfRange, "value", valueText, range);
        else if (indicator is { IsCount: true } && value != Math.Floor(value))
            Fail(ImportProblem.NotAWholeNumber, "value", valueText, ImportDetail.AsIs(indicator.Code));

        double? denominator = null;
        var denominatorText = row["denominator"];
        if (denominatorText is not null)
        {
            if (!CsvValues.TryParseNumber(denominatorText, csv.Delimiter, out var d)) Fail(ImportProblem.NotANumber, "denominator", denominatorText);
            else if (d <= 0) Fail(ImportProblem.OutOfRange, "denominator", denominatorText, ImportDetail.MoreThanZero);
            else denominator = d;
        }

        return ok ? new Observation(level.ToCode(), code!, indicatorCode!, period.ToString(), value, denominator) : null;
    }

    /// <summary>The range a value breaks, or null: percentages lie between 0 and 100, other values are 0 or more.</summary>
    private static ImportDetail? Allowed(Indicator indicator, double value) =>
        indicator.Unit == "percent"
            ? value is < 0 or > 100 ? ImportDetail.Between(0, 100) : null
            : value < 0 ? ImportDetail.ZeroOrMore : null;

    private async Task<ImportCounts> WriteAsync(ImportContext context, IReadOnlyList<Observation> observations)
    {
        await Staging.LoadAsync(context, """
            CREATE TEMP TABLE observation_staging (entity_level text, entity_code text, indicator_code text, period char(6),
                value double precision, denominator double precision) ON COMMIT DROP
            """,
            "COPY observation_staging (entity_level, entity_code, indicator_code, period, value, denominator) FROM STDIN (FORMAT BINARY)",
            observations, async (copy, o, token) =>
            {
                await copy.WriteAsync(o.Level, NpgsqlDbType.Text, token);
                await copy.WriteAsync(o.Code, NpgsqlDbType.Text, token);
                await copy.WriteAsync(o.Indicator, NpgsqlDbType.Text, token);
                await copy.WriteAsync(o.Period, NpgsqlDbType.Char, token);
                await copy.WriteAsync(o.Value, NpgsqlDbType.Double, token);
                if (o.Denominator is { } d) await copy.WriteAsync(d, NpgsqlDbType.Double, token);
                else await copy.WriteNullAsync(token);
            });
        await DeliveryLog.RecordAsync(context);
        var held = await quarantine.HoldAsync(context);

        if (context.Preview is { } preview)
            preview.AddRange(await context.Connection.QueryAsync<ImportChange>("""
                SELECT s.entity_level AS Level, s.entity_code AS Code, s.indicator_code AS Indicator, s.period::text AS Period,
                       CASE WHEN b.imported_by = @importedBy THEN o.value END AS Old, s.value AS New,
                       (o.entity_code IS NOT NULL AND b.imported_by IS DISTINCT FROM @importedBy) AS OldWithheld
                FROM observation_staging s
                LEFT JOIN observations o ON (o.entity_level, o.entity_code, o.indicator_code, o.period) = (s.entity_level, s.entity_code, s.indicator_code, s.period)
                LEFT JOIN import_batches b ON b.id = o.import_batch_id
                WHERE o.entity_code IS NULL OR (o.value, o.denominator, o.source) IS DISTINCT FROM (s.value, s.denominator, @source)
                ORDER BY o.entity_code IS NULL, s.entity_level, s.entity_code, s.indicator_code, s.period
                LIMIT @limit
                """, new { importedBy = context.ImportedBy, source = context.Options.Source, limit = preview.Limit }, context.Transaction));

        var counts = await Upsert.CountAsync(context, """
            INSERT INTO observations AS t (entity_level, entity_code, indicator_code, period, value, denominator, source, import_batch_id)
            SELECT entity_level, entity_code, indicator_code, period, value, denominator, @source, @batchId FROM observation_staging
            ON CONFLICT (entity_level, entity_code, indicator_code, period) DO UPDATE
            SET value = EXCLUDED.value, denominator = EXCLUDED.denominator, source = EXCLUDED.source, import_batch_id = EXCLUDED.import_batch_id
            WHERE (t.value, t.denominator, t.source) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.denominator, EXCLUDED.source)
            RETURNING (xmax = 0) AS inserted
            """, new { source = context.Options.Source, batchId = context.BatchId }, observations.Count - held);
        return counts with { RowsRead = observations.Count, Held = held };
    }
}
