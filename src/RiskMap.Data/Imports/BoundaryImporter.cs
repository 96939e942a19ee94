using System.Globalization;
using Dapper;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NpgsqlTypes;
using RiskMap.Core.Geography;
using RiskMap.Core.Imports;
using RiskMap.Data.Geometry;
using RiskMap.Data.Vintages;

namespace RiskMap.Data.Imports;

/// <summary>
/// Imports regions or districts from GeoJSON or a Shapefile: KATO code, names in three languages, vintage and a
/// checked MultiPolygon, upserted by (level, KATO, vintage) into <c>boundary_units</c>, so an import never changes
/// another vintage. Units missing from the file are kept. Units of the current vintage also go to the serving copy
/// (<see cref="ServingCopy"/>, which places the schools again); the units of any other vintage change neither the map
/// nor the scores' inputs.
/// </summary>
public sealed class BoundaryImporter(CoordinateSystemResolver resolver, ImportLimits limits) : IImporter
{
    public ImportKind Kind => ImportKind.Boundaries;

    private sealed record Unit(int Row, string Kato, string NameKk, string NameRu, string NameEn, int Vintage, MultiPolygon Geometry);

    public async Task<ImportCounts> RunAsync(ImportContext context)
    {
        var layer = await LayerFiles.ReadAsync(context, resolver);
        var options = context.Options;
        var level = options.Level ?? (layer.Features.Any(f => f.Properties.ContainsKey("ADM2_EN")) ? EntityLevel.District : EntityLevel.Region);
        var prefix = level == EntityLevel.District ? "ADM2_" : "ADM1_";
        var fields = (
            Kk: options.NameKkField ?? prefix + "KK",
            Ru: options.NameRuField ?? prefix + "RU",
            En: options.NameEnField ?? prefix + "EN");

        var issues = context.Issues;
        var missing = new[] { options.CodeField, fields.Kk, fields.Ru, fields.En }.Where(f => !LayerFiles.RequireField(layer, f, issues)).ToHashSet();
        if (options.Vintage is null && !LayerFiles.RequireField(layer, options.VintageField, issues, ImportDetail.Of(DetailText.VintageNeeded)))
            missing.Add(options.VintageField);

        var knownRegions = level == EntityLevel.District
            ? (await context.Connection.QueryAsync<(int, string)>(
                "SELECT vintage, kato FROM boundary_units WHERE level = 'region'", transaction: context.Transaction)).ToHashSet()
            : [];
        var units = new List<Unit>();
        var seen = new HashSet<string>();
        foreach (var feature in layer.Features)
        {
            var unit = ReadUnit(feature, level, fields, options, missing, knownRegions, seen, issues);
            if (unit is not null) units.Add(unit);
        }
        issues.ThrowIfErrors();

        var counts = await WriteAsync(context, level, units, options.CodeField);
        await context.ReportProgress(new ImportProgress("stored", units.Count));
        return counts with { RowsRead = layer.Features.Count };
    }

    /// <param name="missing">Fields no feature has (already reported): their checks are skipped, the others still run.</param>
    private static Unit? ReadUnit(
        SourceFeature feature, EntityLevel level, (string Kk, string Ru, string En) fields, ImportOptions options,
        IReadOnlySet<string> missing, HashSet<(int Vintage, string Kato)> knownRegions, HashSet<string> seen, IssueCollector issues)
    {
        var row = feature.Number;
        var rawCode = feature[options.CodeField];
        string? key = null;
        if (missing.Contains(options.CodeField))
        {
            // Reported once for the file; the other checks of the feature still run.
        }
        else if (Kato.TryParse(rawCode, out var kato))
        {
            key = kato.Value;
            if (!seen.Add(key)) issues.Add(ImportProblem.DuplicateKey, row, options.CodeField, key, key);
        }
        else
        {
            issues.Add(rawCode is null ? ImportProblem.MissingValue : ImportProblem.InvalidCode, row, options.CodeField, rawCode);
        }

        string? Name(string field)
        {
            if (missing.Contains(field)) return null;
            var value = feature[field]?.Trim();
            if (!string.IsNullOrEmpty(value)) return NameSpelling.Stored(value, row, field, key, issues);
            issues.Add(ImportProblem.MissingValue, row, field, key: key);
            return null;
        }
        var (kk, ru, en) = (Name(fields.Kk), Name(fields.Ru), Name(fields.En));

        var vintage = options.Vintage;
        if (vintage is null && !missing.Contains(options.VintageField))
        {
            var rawVintage = feature[options.VintageField];
            if (int.TryParse(rawVintage, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100)
                vintage = year;
            else
                issues.Add(rawVintage is null ? ImportProblem.MissingValue : ImportProblem.OutOfRange, row, options.VintageField, rawVintage, key,
                    ImportDetail.Between(1990, 2100));
        }

        // A district's region must have been loaded in the district's own vintage.
        if (level == EntityLevel.District && key is not null && vintage is not null && !knownRegions.Contains((vintage.Value, key[..2] + "0000000")))
            issues.Add(ImportProblem.UnknownRegion, row, options.CodeField, key[..2] + "0000000", key);

        var geometry = GeometryChecks.Boundary(feature.Geometry, row, key, options.Repair, issues);
        return key is null || kk is null || ru is null || en is null || vintage is null || geometry is null
            ? null
            : new Unit(row, key, kk, ru, en, vintage.Value, geometry);
    }

    private async Task<ImportCounts> WriteAsync(ImportContext context, EntityLevel level, IReadOnlyList<Unit> units, string codeField)
    {
        var wkbWriter = new WKBWriter();
        await Staging.LoadAsync(context,
            "CREATE TEMP TABLE boundary_staging (kato char(9), name_kk text, name_ru text, name_en text, vintage int, wkb bytea) ON COMMIT DROP",
            "COPY boundary_staging (kato, name_kk, name_ru, name_en, vintage, wkb) FROM STDIN (FORMAT BINARY)",
            units, async (copy, unit, token) =>
            {
                await copy.WriteAsync(unit.Kato, NpgsqlDbType.Char, token);
                await copy.WriteAsync(unit.NameKk, NpgsqlDbType.Text, token);
                await copy.WriteAsync(unit.NameRu, NpgsqlDbType.Text, token);
                await copy.WriteAsync(unit.NameEn, NpgsqlDbType.Text, token);
                await copy.WriteAsync(unit.Vintage, NpgsqlDbType.Integer, token);
                await copy.WriteAsync(wkbWriter.Write(unit.Geometry), NpgsqlDbType.Bytea, token);
            });

        var vintages = units.Select(u => u.Vintage).Distinct().ToArray();
        var current = await BoundaryVintages.EnsureAsync(context.Connection, context.Transaction, vintages);
        var counts = await Upsert.CountAsync(context, """
                INSERT INTO boundary_units AS t (level, kato, vintage, region_kato, name_kk, name_ru, name_en, geom, area_km2, import_batch_id)
                SELECT @level, kato, vintage, CASE WHEN @level = 'district' THEN substr(kato, 1, 2) || '0000000' END,
                       name_kk, name_ru, name_en, geom, ST_Area(geom::geography) / 1e6, @batchId
                FROM (SELECT *, ST_Multi(ST_GeomFromWKB(wkb, 4326)) AS geom FROM boundary_staging) s
                ON CONFLICT (level, kato, vintage) DO UPDATE
                SET name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru, name_en = EXCLUDED.name_en,
                    geom = EXCLUDED.geom, area_km2 = EXCLUDED.area_km2, retired_at = NULL,
                    import_batch_id = EXCLUDED.import_batch_id, updated_at = now()
                WHERE (t.name_kk, t.name_ru, t.name_en) IS DISTINCT FROM (EXCLUDED.name_kk, EXCLUDED.name_ru, EXCLUDED.name_en)
                   OR t.retired_at IS NOT NULL
                   OR NOT ST_OrderingEquals(t.geom, EXCLUDED.geom)
            RETURNING (xmax = 0) AS inserted
            """, new { level = level.ToCode(), batchId = context.BatchId }, units.Count);
        await context.Connection.ExecuteAsync("""
            INSERT INTO boundary_import_vintages (batch_id, vintage, serving) SELECT @batchId, v, v = @current FROM unnest(@vintages) v
            """, new { batchId = context.BatchId, vintages, current }, context.Transaction);
        await BoundaryChecks.RunAsync(context, level, units.Select(u => new BoundaryChecks.Staged(u.Kato, u.Vintage, u.Row)).ToList(),
            codeField, limits.BoundaryToleranceKm2);
        context.Issues.ThrowIfErrors();
        foreach (var vintage in vintages) await BoundaryCrosswalk.RefreshAsync(context.Connection, context.Transaction, vintage);

        var servingKatos = units.Where(u => u.Vintage == current).Select(u => u.Kato).ToArray();
        if (servingKatos.Length > 0)
        {
            await ServingCopy.UpsertAsync(context.Connection, context.Transaction, level, current, servingKatos);
            await ServingCopy.ChangedAsync(context.Connection, context.Transaction);
        }
        else
        {
            await BoundaryVintages.RaiseVersionAsync(context.Connection, context.Transaction);
        }
        return counts;
    }
}
