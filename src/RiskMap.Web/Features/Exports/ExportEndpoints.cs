using RiskMap.Core.Geography;
using RiskMap.Core.Localization;
using RiskMap.Data.Access;
using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Exports;

public static class ExportEndpoints
{
    private const int DefaultTop = 500;
    private const int MaxTop = 10_000;

    private static readonly Dictionary<string, (string MediaType, string Extension)> Formats = new()
    {
        ["csv"] = ("text/csv; charset=utf-8", "csv"),
        ["xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        ["geojson"] = ("application/geo+json", "geojson"),
    };

    public static void MapExportEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/exports/hotspots", async (HttpContext http, ScoreQueries scores, GeographyQueries geography, CatalogueQueries catalogue,
                UnitGeometryQueries geometries, MapDataWatcher published, string? format, string? level, string? region, string? district, string? period,
                string? minClass, string? top, string? lang) =>
            {
                var scope = http.CallerScope();
                if (scope.RefuseWithoutDetail("exports") is { } refusal) return refusal;
                var (mediaType, extension) = Formats.GetValueOrDefault(format ?? "csv");
                if (mediaType is null) return ApiProblems.BadParameter("format", "format must be csv, xlsx or geojson.");
                if (!EntityLevels.TryParse(level ?? "school", out var entityLevel))
                    return ApiProblems.BadParameter("level", "level must be region, district or school.");
                var (regionKato, districtKato) = (QueryParameters.Kato("region", region), QueryParameters.Kato("district", district));
                var lowestClass = QueryParameters.WholeNumber("minClass", minClass, 4, 1, 5);
                var count = QueryParameters.WholeNumber("top", top, DefaultTop, 1, MaxTop);
                var language = Languages.FromCode(lang ?? http.Request.Headers.AcceptLanguage.FirstOrDefault());
                if (await scope.RefuseFiltersAsync(geography, regionKato, districtKato, schoolLevel: true) is { } outside) return outside;
                var version = await published.CurrentAsync();
                if (version is not { Run: { } run, LatestPeriod: not null })
                    return ApiProblems.NotFound("scores", "No score run has been published yet.");
                var quarter = QueryParameters.PublishedQuarter("period", period, version)!;

                var table = (await scores.TableAsync(run, entityLevel, quarter, regionKato, districtKato, ScoreMeasure.Composite, false, scope, inScopeOnly: true))!;
                var units = table.Units.Where(u => u.Class >= lowestClass).Take(count).ToList();
                var demo = await catalogue.HoldsDemoDataAsync();
                var sheet = HotspotSheet.Build(table, units, language, demo);
                var bytes = extension switch
                {
                    "xlsx" => HotspotXlsx.Write(sheet),
                    "geojson" => HotspotGeoJson.Write(sheet, await geometries.GeoJsonAsync(entityLevel, units.Select(u => u.Code).ToList(), scope), demo),
                    _ => HotspotCsv.Write(sheet),
                };
                await http.AuditAsync(AuditLog.Actions.Export, $"hotspots {entityLevel.ToCode()} {quarter}", new Dictionary<string, object?>
                {
                    ["format"] = extension, ["level"] = entityLevel.ToCode(), ["region"] = regionKato, ["district"] = districtKato,
                    ["period"] = quarter, ["minClass"] = lowestClass, ["top"] = count, ["rows"] = units.Count,
                });
                return Results.File(bytes, mediaType, $"riskmap-hotspots-{entityLevel.ToCode()}-{quarter}{(demo ? "-demo" : "")}.{extension}");
            })
            .WithTags("Exports")
            .RequireRateLimiting(AccessSetup.ExportLimit)
            .WithSummary("Hotspot list of the published scores as CSV, XLSX or GeoJSON: units of a level in the caller's scope, riskiest first.")
            .WithDescription("format: csv (default), xlsx or geojson; level: school (default), district or region; region/district: filters inside " +
                             "your scope; period: a published quarter (default the latest); minClass: lowest risk class listed (1–5, default 4 = high); " +
                             "top: at most this many rows (default 500, at most 10,000); lang: kk, ru or en for headings and risk levels. " +
                             "Needs an analyst, planner or education role; every export is audited; at most Access:ExportsPerMinute per user.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
