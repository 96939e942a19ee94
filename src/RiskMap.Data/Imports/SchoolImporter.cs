using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NpgsqlTypes;
using RiskMap.Core.Imports;
using RiskMap.Data.Geometry;

namespace RiskMap.Data.Imports;

/// <summary>
/// Imports schools from CSV (lat/lon in WGS 84, or x/y with the <c>srid</c> option) or from GeoJSON points, upserted by
/// school code. District and region come from the spatial join, never from the file.
/// </summary>
public sealed partial class SchoolImporter(CoordinateSystemResolver resolver) : IImporter
{
    public ImportKind Kind => ImportKind.Schools;

    public const int MaxPupils = 20_000;
    public static readonly string[] Settlements = ["urban", "rural"];
    private static readonly string[] AttributeColumns = ["code", "name_ru", "name_kk", "type", "language", "settlement", "pupils"];
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 0);

    private sealed record School(string Code, string NameRu, string NameKk, string Type, string Language, string Settlement, int Pupils, Point Location);

    /// <param name="CoordinatesReported">The row's coordinates were unreadable and already reported.</param>
    private sealed record Candidate(int Row, Func<string, string?> Field, NetTopologySuite.Geometries.Geometry? Geometry, bool CoordinatesReported = false);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,40}$")]
    private static partial Regex CodePattern();

    public async Task<ImportCounts> RunAsync(ImportContext context)
    {
        var candidates = LayerFiles.IsLayer(context.Extension)
            ? await ReadLayerAsync(context)
            : await ReadCsvAsync(context);
        var schools = new List<School>(candidates.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var school = Check(candidate, seen, context.Issues);
            if (school is not null) schools.Add(school);
        }
        context.Issues.ThrowIfErrors();

        var counts = await WriteAsync(context, schools);
        var codes = schools.Select(s => s.Code).ToArray();
        await SchoolAssignment.ReassignAsync(context.Connection, context.Transaction, codes);
        await SchoolAssignment.ReportOutsideAsync(context.Connection, context.Transaction, codes, context.Issues);
        await context.ReportProgress(new ImportProgress("stored", schools.Count));
        return counts;
    }

    private async Task<IReadOnlyList<Candidate>> ReadLayerAsync(ImportContext context)
    {
        var layer = await LayerFiles.ReadAsync(context, resolver);
        foreach (var column in AttributeColumns) LayerFiles.RequireField(layer, column, context.Issues);
        context.Issues.ThrowIfErrors();
        return layer.Features.Select(f => new Candidate(f.Number, name => f[name], f.Geometry)).ToList();
    }

    private async Task<IReadOnlyList<Candidate>> ReadCsvAsync(ImportContext context)
    {
        if (context.Extension != ".csv")
            throw ImportRejectedException.Single(ImportProblem.UnreadableFile, value: context.FileName,
                detail: "expected .csv, .geojson, .json, .shp or a .zip of a Shapefile");
        await using var stream = context.OpenFile();
        var csv = CsvRows.Open(stream, AttributeColumns);
        var projected = csv.HasColumn("x") && csv.HasColumn("y");
        if (!projected && !(csv.HasColumn("lat") && csv.HasColumn("lon")))
            throw ImportRejectedException.Single(ImportProblem.MissingColumn, field: "lat, lon", row: 1, detail: "or x, y with the srid option");
        if (projected && context.Options.Srid is null)
            throw ImportRejectedException.Single(ImportProblem.UnknownCrs, field: "x, y", row: 1, detail: "x/y coordinates need the srid option, e.g. srid=32642");
        var (xColumn, yColumn) = projected ? ("x", "y") : ("lon", "lat");

        var candidates = new List<Candidate>();
        foreach (var row in csv.Read(context.MaxRows))
        {
            var x = Coordinate(row, xColumn, csv.Delimiter, context.Issues);
            var y = Coordinate(row, yColumn, csv.Delimiter, context.Issues);
            var point = x is null || y is null ? null : Factory.CreatePoint(new Coordinate(x.Value, y.Value));
            candidates.Add(new Candidate(row.Line, name => row[name], point, point is null));
            if (candidates.Count % 10_000 == 0) await context.ReportProgress(new ImportProgress("read", candidates.Count));
        }
        if (candidates.Count == 0) throw ImportRejectedException.Single(ImportProblem.EmptyFile);
        if (!projected) return candidates;

        var reprojector = new Wgs84Reprojector(await resolver.ResolveAsync(context.Options.Srid!, context.CancellationToken));
        return candidates.Select(c => c with { Geometry = c.Geometry is null ? null : reprojector.Reproject(c.Geometry) }).ToList();
    }

    private static double? Coordinate(CsvRow row, string column, char delimiter, IssueCollector issues)
    {
        var text = row[column];
        if (CsvValues.TryParseNumber(text, delimiter, out var value)) return value;
        issues.Add(text is null ? ImportProblem.MissingValue : ImportProblem.NotANumber, row.Line, column, text, row["code"]);
        return null;
    }

    private static School? Check(Candidate candidate, HashSet<string> seen, IssueCollector issues)
    {
        var row = candidate.Row;
        var code = candidate.Field("code")?.Trim();
        if (code is null || !CodePattern().IsMatch(code))
        {
            issues.Add(code is null ? ImportProblem.MissingValue : ImportProblem.InvalidCode, row, "code", code,
                detail: "1-40 characters: letters, digits, '_', '.', '-'");
            return null;
        }
        if (!seen.Add(code)) issues.Add(ImportProblem.DuplicateKey, row, "code", code, code);

        string? Required(string field)
        {
            var value = candidate.Field(field)?.Trim();
            if (string.IsNullOrEmpty(value)) issues.Add(ImportProblem.MissingValue, row, field, key: code);
            else if (value.Length > 300) issues.Add(ImportProblem.OutOfRange, row, field, value, code, "at most 300 characters");
            else return value;
            return null;
        }
        string? Name(string field) => Required(field) is { } name ? NameSpelling.Stored(name, row, field, code, issues) : null;
        var (nameRu, nameKk, type, language) = (Name("name_ru"), Name("name_kk"), Required("type"), Required("language"));

        var settlement = candidate.Field("settlement")?.Trim().ToLowerInvariant();
        if (settlement is null || !Settlements.Contains(settlement))
        {
            issues.Add(settlement is null ? ImportProblem.MissingValue : ImportProblem.NotAllowedValue, row, "settlement", settlement, code, "urban or rural");
            settlement = null;
        }

        var pupilsText = candidate.Field("pupils")?.Trim();
        int? pupils = null;
        if (!int.TryParse(pupilsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
            issues.Add(pupilsText is null ? ImportProblem.MissingValue : ImportProblem.NotANumber, row, "pupils", pupilsText, code);
        else if (count > MaxPupils)
            issues.Add(ImportProblem.OutOfRange, row, "pupils", pupilsText, code, $"0..{MaxPupils}");
        else
            pupils = count;

        var point = candidate.CoordinatesReported ? null : GeometryChecks.SchoolPoint(candidate.Geometry, row, code, issues);
        return nameRu is null || nameKk is null || type is null || language is null || settlement is null || pupils is null || point is null
            ? null
            : new School(code, nameRu, nameKk, type, language, settlement, pupils.Value, point);
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
                await copy.WriteAsync(school.Type, NpgsqlDbType.Text, token);
                await copy.WriteAsync(school.Language, NpgsqlDbType.Text, token);
                await copy.WriteAsync(school.Settlement, NpgsqlDbType.Text, token);
                await copy.WriteAsync(school.Pupils, NpgsqlDbType.Integer, token);
                await copy.WriteAsync(wkbWriter.Write(school.Location), NpgsqlDbType.Bytea, token);
            });

        return await Upsert.CountAsync(context, """
                INSERT INTO schools AS t (code, name_ru, name_kk, school_type, language, settlement, pupils, geom, source, import_batch_id)
                SELECT code, name_ru, name_kk, school_type, language, settlement, pupils, ST_GeomFromWKB(wkb, 4326), @source, @batchId
                FROM school_staging
                ON CONFLICT (code) DO UPDATE
                SET name_ru = EXCLUDED.name_ru, name_kk = EXCLUDED.name_kk, school_type = EXCLUDED.school_type,
                    language = EXCLUDED.language, settlement = EXCLUDED.settlement, pupils = EXCLUDED.pupils,
                    geom = EXCLUDED.geom, source = EXCLUDED.source, import_batch_id = EXCLUDED.import_batch_id, updated_at = now()
                WHERE (t.name_ru, t.name_kk, t.school_type, t.language, t.settlement, t.pupils, t.source) IS DISTINCT FROM
                      (EXCLUDED.name_ru, EXCLUDED.name_kk, EXCLUDED.school_type, EXCLUDED.language, EXCLUDED.settlement, EXCLUDED.pupils, EXCLUDED.source)
                   OR NOT ST_OrderingEquals(t.geom, EXCLUDED.geom)
            RETURNING (xmax = 0) AS inserted
            """, new { source = context.Options.Source, batchId = context.BatchId }, schools.Count);
    }
}
