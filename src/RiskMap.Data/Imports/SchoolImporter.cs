using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;
using RiskMap.Core.Imports;
using RiskMap.Data.Geometry;

namespace RiskMap.Data.Imports;

/// <summary>
/// Imports schools from CSV (lat/lon in WGS 84, or x/y with the <c>srid</c> option) or from GeoJSON points, upserted by
/// school code. Only a code, a name (<c>name</c>, or <c>name_ru</c> and <c>name_kk</c>) and the point are required, as
/// registries rarely have more; what a file does not give keeps a known school's stored value, and a new school takes
/// the defaults. District and region come from the spatial join, never from the file.
/// </summary>
public sealed partial class SchoolImporter(CoordinateSystemResolver resolver) : IImporter
{
    public ImportKind Kind => ImportKind.Schools;

    public const int MaxPupils = 20_000;
    public static readonly string[] Settlements = ["urban", "rural"];

    /// <summary>What a new school is stored with when its file does not say (README, "Loading official data").</summary>
    public static class Defaults
    {
        public const string Type = "general";
        public const string Language = "unknown";
        public const string Settlement = "urban";
        public const int Pupils = 0;
    }

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 0);

    /// <param name="Type">Null for the optional values the file does not give: a known school keeps its own, a new one takes the default.</param>
    private sealed record School(string Code, string NameRu, string NameKk, string? Type, string? Language, string? Settlement, int? Pupils, Point Location);

    /// <param name="CoordinatesReported">The row's coordinates were unreadable or unusable and already reported.</param>
    private sealed record Candidate(int Row, Func<string, string?> Field, NetTopologySuite.Geometries.Geometry? Geometry, bool CoordinatesReported = false);

    /// <param name="HasColumn">Whether the file has a column (or a property in any feature): a lacking one is reported once, not in every row.</param>
    private sealed record Candidates(IReadOnlyList<Candidate> Rows, Func<string, bool> HasColumn);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,40}$")]
    private static partial Regex CodePattern();

    public async Task<ImportCounts> RunAsync(ImportContext context)
    {
        var candidates = LayerFiles.IsLayer(context.Extension)
            ? await ReadLayerAsync(context)
            : await ReadCsvAsync(context);
        var schools = new List<School>(candidates.Rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates.Rows)
        {
            var school = Check(candidate, candidates.HasColumn, seen, context.Issues);
            if (school is not null) schools.Add(school);
        }
        context.Issues.ThrowIfErrors();

        var counts = await WriteAsync(context, schools);
        var codes = schools.Select(s => s.Code).ToArray();
        await SchoolAssignment.ReassignAsync(context.Connection, context.Transaction, codes);
        await SchoolAssignment.ReportOutsideAsync(context.Connection, context.Transaction, codes, context.Issues);
        // The crosswalk's pupil shares are today's schools'.
        await Vintages.BoundaryCrosswalk.RefreshAsync(context.Connection, context.Transaction, null);
        await context.ReportProgress(new ImportProgress("stored", schools.Count));
        return counts;
    }

    /// <summary>Reports the code and name columns a file lacks; the other columns are optional.</summary>
    private static void RequireColumns(Func<string, bool> has, IssueCollector issues)
    {
        if (!has("code")) issues.Add(ImportProblem.MissingColumn, 1, "code");
        if (!HasNames(has))
            issues.Add(ImportProblem.MissingColumn, 1, "name", detail: ImportDetail.Of(DetailText.SchoolNameColumns));
    }

    private static bool HasNames(Func<string, bool> has) => has("name") || (has("name_ru") && has("name_kk"));

    private async Task<Candidates> ReadLayerAsync(ImportContext context)
    {
        var layer = await LayerFiles.ReadAsync(context, resolver);
        bool HasColumn(string column) => layer.Features.Any(f => f.Properties.ContainsKey(column));
        RequireColumns(HasColumn, context.Issues);
        return new Candidates(layer.Features.Select(f => new Candidate(f.Number, name => f[name], f.Geometry)).ToList(), HasColumn);
    }

    private async Task<Candidates> ReadCsvAsync(ImportContext context)
    {
        if (context.Extension != ".csv")
            throw ImportRejectedException.Single(ImportProblem.UnreadableFile, value: context.FileName,
                detail: ImportDetail.Expected(".csv, .geojson, .json, .shp, .zip"));
        await using var stream = context.OpenFile();
        var csv = CsvRows.Open(stream, [], context.Issues);
        RequireColumns(csv.HasColumn, context.Issues);
        var projected = csv.HasColumn("x") && csv.HasColumn("y");
        var located = projected ? context.Options.Srid is not null : csv.HasColumn("lat") && csv.HasColumn("lon");
        if (!projected && !located)
            context.Issues.Add(ImportProblem.MissingColumn, 1, "lat, lon", detail: ImportDetail.Of(DetailText.CoordinatesNeeded));
        if (projected && !located)
            context.Issues.Add(ImportProblem.UnknownCrs, 1, "x, y", detail: ImportDetail.Of(DetailText.SridNeeded));
        var (xColumn, yColumn) = projected ? ("x", "y") : ("lon", "lat");

        var candidates = new List<Candidate>();
        foreach (var row in csv.Read(context.MaxRows))
        {
            var x = located ? Coordinate(row, xColumn, csv.Delimiter, context.Issues) : null;
            var y = located ? Coordinate(row, yColumn, csv.Delimiter, context.Issues) : null;
            var point = x is null || y is null ? null : Factory.CreatePoint(new Coordinate(x.Value, y.Value));
            candidates.Add(new Candidate(row.Line, name => row[name], point, point is null));
            if (candidates.Count % 10_000 == 0) await context.ReportProgress(new ImportProgress("read", candidates.Count));
        }
        if (candidates.Count == 0) throw ImportRejectedException.Single(ImportProblem.EmptyFile);
        if (!projected || !located) return new Candidates(candidates, csv.HasColumn);

        var reprojector = new Wgs84Reprojector(await resolver.ResolveAsync(context.Options.Srid!, context.CancellationToken));
        return new Candidates(candidates.Select(c => c with { Geometry = c.Geometry is null ? null : reprojector.Reproject(c.Geometry) }).ToList(),
            csv.HasColumn);
    }

    private static double? Coordinate(CsvRow row, string column, char delimiter, IssueCollector issues)
    {
        var text = row[column];
        if (CsvValues.TryParseNumber(text, delimiter, out var value)) return value;
        issues.Add(text is null ? ImportProblem.MissingValue : ImportProblem.NotANumber, row.Line, column, text, row["code"]);
        return null;
    }

    private static School? Check(Candidate candidate, Func<string, bool> hasColumn, HashSet<string> seen, IssueCollector issues)
    {
        var row = candidate.Row;
        var code = candidate.Field("code")?.Trim();
        if (!hasColumn("code") || !HasNames(hasColumn))
        {
            if (!candidate.CoordinatesReported) GeometryChecks.SchoolPoint(candidate.Geometry, row, code, issues);
            return null;
        }
        if (code is null || !CodePattern().IsMatch(code))
        {
            issues.Add(code is null ? ImportProblem.MissingValue : ImportProblem.InvalidCode, row, "code", code,
                detail: ImportDetail.Of(DetailText.SchoolCodeFormat));
            return null;
        }
        if (!seen.Add(code)) issues.Add(ImportProblem.DuplicateKey, row, "code", code, code);
        var errorsBefore = issues.ErrorCount;

        // A given value of at most 300 characters; null when the file leaves it out, or it is too long (reported).
        string? Given(string field)
        {
            var value = candidate.Field(field)?.Trim();
            if (string.IsNullOrEmpty(value)) return null;
            if (value.Length <= 300) return value;
            issues.Add(ImportProblem.OutOfRange, row, field, value, code, ImportDetail.AtMost(DetailText.AtMostCharacters, 300));
            return null;
        }
        string? Name(string field) => Given(field) is { } name ? NameSpelling.Stored(name, row, field, code, issues) : null;
        var (name, nameRu, nameKk) = (Name("name"), Name("name_ru"), Name("name_kk"));
        if (name is null && nameRu is null && nameKk is null)
            issues.Add(ImportProblem.MissingValue, row, hasColumn("name") ? "name" : "name_ru", key: code);

        var (type, language) = (Given("type"), Given("language"));
        var settlement = Given("settlement")?.ToLowerInvariant();
        if (settlement is not null && !Settlements.Contains(settlement))
            issues.Add(ImportProblem.NotAllowedValue, row, "settlement", settlement, code, ImportDetail.Of(DetailText.SettlementExpected));

        var pupilsText = Given("pupils");
        int? pupils = null;
        if (pupilsText is not null)
        {
            if (!int.TryParse(pupilsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
                issues.Add(ImportProblem.NotANumber, row, "pupils", pupilsText, code);
            else if (count > MaxPupils)
                issues.Add(ImportProblem.OutOfRange, row, "pupils", pupilsText, code, ImportDetail.Between(0, MaxPupils));
            else
                pupils = count;
        }

        var point = candidate.CoordinatesReported ? null : GeometryChecks.SchoolPoint(candidate.Geometry, row, code, issues);
        return point is null || issues.ErrorCount > errorsBefore
            ? null
            : new School(code, nameRu ?? name ?? nameKk!, nameKk ?? name ?? nameRu!, type, language, settlement, pupils, point);
    }

    private static async Task<ImportCounts> WriteAsync(ImportContext context, IReadOnlyList<School> schools)
    {
        var wkbWriter = new WKBWriter();
        await Staging.LoadAsync(context, """
            CREATE TEMP TABLE school_staging (code text, name_ru text, name_kk text, school_type text, language text,
                settlement text, pupils int, wkb bytea) ON COMMIT DROP
            """,
            "COPY school_staging (code, name_ru, name_kk, school_type, language, settlement, pupils, wkb) FROM STDIN (FORMAT BINARY)",
            schools, async (copy, school, token) =>
            {
                await copy.WriteAsync(school.Code, NpgsqlDbType.Text, token);
                await copy.WriteAsync(school.NameRu, NpgsqlDbType.Text, token);
                await copy.WriteAsync(school.NameKk, NpgsqlDbType.Text, token);
                await WriteOptionalAsync(copy, school.Type, NpgsqlDbType.Text, token);
                await WriteOptionalAsync(copy, school.Language, NpgsqlDbType.Text, token);
                await WriteOptionalAsync(copy, school.Settlement, NpgsqlDbType.Text, token);
                await WriteOptionalAsync(copy, school.Pupils, NpgsqlDbType.Integer, token);
                await copy.WriteAsync(wkbWriter.Write(school.Location), NpgsqlDbType.Bytea, token);
            });

        return await Upsert.CountAsync(context, """
                INSERT INTO schools AS t (code, name_ru, name_kk, school_type, language, settlement, pupils, geom, source, import_batch_id)
                SELECT s.code, s.name_ru, s.name_kk, COALESCE(s.school_type, k.school_type, @type), COALESCE(s.language, k.language, @language),
                       COALESCE(s.settlement, k.settlement, @settlement), COALESCE(s.pupils, k.pupils, @pupils),
                       ST_GeomFromWKB(s.wkb, 4326), @source, @batchId
                FROM school_staging s
                LEFT JOIN schools k ON k.code = s.code
                ON CONFLICT (code) DO UPDATE
                SET name_ru = EXCLUDED.name_ru, name_kk = EXCLUDED.name_kk, school_type = EXCLUDED.school_type,
                    language = EXCLUDED.language, settlement = EXCLUDED.settlement, pupils = EXCLUDED.pupils,
                    geom = EXCLUDED.geom, source = EXCLUDED.source, import_batch_id = EXCLUDED.import_batch_id, updated_at = now()
                WHERE (t.name_ru, t.name_kk, t.school_type, t.language, t.settlement, t.pupils, t.source) IS DISTINCT FROM
                      (EXCLUDED.name_ru, EXCLUDED.name_kk, EXCLUDED.school_type, EXCLUDED.language, EXCLUDED.settlement, EXCLUDED.pupils, EXCLUDED.source)
                   OR NOT ST_OrderingEquals(t.geom, EXCLUDED.geom)
            RETURNING (xmax = 0) AS inserted
            """, new
        {
            source = context.Options.Source, batchId = context.BatchId,
            type = Defaults.Type, language = Defaults.Language, settlement = Defaults.Settlement, pupils = Defaults.Pupils,
        }, schools.Count);
    }

    private static async Task WriteOptionalAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken token)
    {
        if (value is null) await copy.WriteNullAsync(token);
        else await copy.WriteAsync(value, type, token);
    }
}
