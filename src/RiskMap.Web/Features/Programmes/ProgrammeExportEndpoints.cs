using System.Text;
using RiskMap.Core.Geography;
using RiskMap.Core.Localization;
using RiskMap.Data.Access;
using RiskMap.Data.Programmes;
using RiskMap.Data.Queries;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Exports;
using System.Text.Json.Nodes;

namespace RiskMap.Web.Features.Programmes;

/// <summary>A programme's effectiveness, its targets on the map, and its XLSX and printable exports (docs/programmes-api.md).</summary>
public static class ProgrammeExportEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapProgrammeExportEndpoints(this IEndpointRouteBuilder api)
    {
        var programme = api.MapGroup("/programmes").WithTags("Programmes");

        programme.MapGet("/{id:long}/effectiveness", async (HttpContext http, ProgrammeStore store, EffectivenessReport report, ProgrammeClock clock, long id) =>
            {
                var (detail, refusal) = await ReadAsync(http, store, clock, id);
                return detail is null ? refusal! : Results.Ok((await report.BuildAsync(detail, http.CallerScope())).View);
            })
            .WithSummary("Each target's score and key indicators at the baseline and in every later quarter, against comparable untargeted units.")
            .WithDescription("A comparison, not proof of cause: the comparison group is every untargeted unit of the same level and region whose class at the " +
                             "baseline (the last published quarter before the start) was within one of the target's.")
            .Produces<EffectivenessView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        programme.MapGet("/{id:long}/targets.geojson", async (HttpContext http, ProgrammeStore store, UnitGeometryQueries geometries, ProgrammeClock clock, long id) =>
            {
                var (detail, refusal) = await ReadAsync(http, store, clock, id);
                if (detail is null) return refusal!;
                var features = new JsonArray();
                foreach (var group in detail.Targets.GroupBy(t => t.Level))
                {
                    EntityLevels.TryParse(group.Key, out var level);
                    var shapes = await geometries.GeoJsonAsync(level, group.Select(t => t.Code).ToList(), http.CallerScope());
                    foreach (var t in group)
                    {
                        features.Add(new JsonObject
                        {
                            ["type"] = "Feature",
                            ["id"] = t.Id,
                            ["geometry"] = shapes.TryGetValue(t.Code, out var shape) ? JsonNode.Parse(shape) : null,
                            ["properties"] = new JsonObject
                            {
                                ["targetId"] = t.Id, ["level"] = t.Level, ["code"] = t.Code, ["nameKk"] = t.Name.Kk, ["nameRu"] = t.Name.Ru,
                                ["nameEn"] = t.Name.En, ["measures"] = t.Measures.Count, ["overdueMeasures"] = t.OverdueMeasures,
                            },
                        });
                    }
                }
                return Results.Text(new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString(), "application/geo+json", Encoding.UTF8);
            })
            .WithSummary("The programme's targets as GeoJSON (district polygons, school points) with their measure and overdue counts, for the map.")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        programme.MapGet("/{id:long}.xlsx", async (HttpContext http, ProgrammeStore store, EffectivenessReport report, ProgrammeClock clock, CatalogueQueries catalogue, long id,
                string? lang) =>
            {
                var (sheet, _, refusal) = await SheetAsync(http, store, report, clock, catalogue, id, lang);
                if (sheet is null) return refusal!;
                await http.AuditAsync(AuditLog.Actions.Export, $"programme {id}", new Dictionary<string, object?> { ["format"] = "xlsx", ["rows"] = sheet.MeasureRows.Count });
                return Results.File(await XlsxWorkbook.WriteAsync(sheet, http.RequestAborted), XlsxType, $"riskmap-programme-{id}.xlsx");
            })
            .RequireRateLimiting(AccessSetup.ExportLimit)
            .WithSummary("The programme as an Excel sheet in the Plan's table layout, with the effectiveness and progress columns and the comparison note.")
            .WithDescription("lang: kk, ru or en (default: Accept-Language, else en). A title row (programme, region or city, quarters, the demo marker " +
                             "for demo data) above a bold, filtered and frozen header; the sheet named in the language. Audited; at most " +
                             "Access:ExportsPerMinute per user.")
            .Produces(StatusCodes.Status200OK, contentType: XlsxType)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        programme.MapGet("/{id:long}/print", async (HttpContext http, ProgrammeStore store, EffectivenessReport report, ProgrammeClock clock, CatalogueQueries catalogue, long id,
                string? lang) =>
            {
                var (sheet, language, refusal) = await SheetAsync(http, store, report, clock, catalogue, id, lang);
                if (sheet is null) return refusal!;
                return Results.Content(ProgrammePrintPage.Write(sheet, language), "text/html", Encoding.UTF8);
            })
            .WithSummary("The programme as a printable HTML page in the Plan's table layout, with progress and the demo marker (no scripts; /css/print.css).")
            .WithDescription("lang: kk, ru or en (default: Accept-Language, else en).")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<(ProgrammeDetail? Detail, IResult? Refusal)> ReadAsync(HttpContext http, ProgrammeStore store, ProgrammeClock clock, long id)
    {
        if (await http.CallerScope().ReadableAsync(store, id) is (null, var refusal)) return (null, refusal);
        return await store.FindAsync(id, clock.Today) is { } detail ? (detail, null) : (null, ProgrammeAccess.UnknownProgramme(id));
    }

    private static async Task<(ProgrammeSheet? Sheet, Language Language, IResult? Refusal)> SheetAsync(HttpContext http, ProgrammeStore store,
        EffectivenessReport report, ProgrammeClock clock, CatalogueQueries catalogue, long id, string? lang)
    {
        var language = Languages.FromCode(lang ?? http.Request.Headers.AcceptLanguage.FirstOrDefault());
        var (detail, refusal) = await ReadAsync(http, store, clock, id);
        if (detail is null) return (null, language, refusal);
        var (view, effects) = await report.BuildAsync(detail, http.CallerScope());
        return (ProgrammeSheet.Build(detail, effects, view.BaselineQuarter, await catalogue.HoldsDemoDataAsync(), language), language, null);
    }
}
