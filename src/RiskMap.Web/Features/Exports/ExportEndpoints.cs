using System.Globalization;
using RiskMap.Core.Localization;
using RiskMap.Data.Access;
using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Hotspots;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Exports;

public static class ExportEndpoints
{
    private const int DefaultTop = 500;

    private static readonly Dictionary<string, (string MediaType, string Extension)> Formats = new()
    {
        ["csv"] = ("text/csv; charset=utf-8", "csv"),
        ["xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        ["geojson"] = ("application/geo+json", "geojson"),
    };

    private const string FileDescription =
        "format: csv (default; UTF-8 with a byte order mark), xlsx (a title row naming the list, quarter, area and measure; a bold, " +
        "filtered and frozen header; the sheet named in the language) or geojson; sep: the CSV separator, ',' (default) or ';' (then with " +
        "decimal commas); lang: kk, ru or en for every heading and text: names, risk levels, domains, reasons, yes/no. Under methodology " +
        "riskmap-2.0 the composite's score interval (from, to), the probability of risk level 4 or 5 (%) and whether the change on the quarter " +
        "and on the year is clear (yes/no) have columns of their own, empty under riskmap-1.0. The file is streamed as the rows are read, " +
        "named riskmap-KIND-LEVEL-AREA-PERIOD[-demo].EXT (AREA: the district, region or 'kz'). Needs an analyst, planner or education " +
        "role; every export is audited (format, filters, rows); at most Access:ExportsPerMinute per user.";

    public static void MapExportEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/exports/hotspots", (HttpContext http, ScoreQueries scores, GeographyQueries geography, CatalogueQueries catalogue,
                MapDataWatcher published, [AsParameters] HotspotQuery query, string? format, string? sep, string? lang) =>
                ExportAsync("hotspots", http, scores, geography, catalogue, published, query, format, sep, lang))
            .WithSummary("A hotspot list (as GET /api/hotspots gives it) as a CSV, XLSX or GeoJSON file.")
            .WithDescription(HotspotQuery.Description + "Default top: 500. " + FileDescription)
            .AsExport();

        api.MapGet("/exports/scores", (HttpContext http, ScoreQueries scores, GeographyQueries geography, CatalogueQueries catalogue,
                MapDataWatcher published, string? level, string? region, string? district, string? period, string? by, string? format, string? sep,
                string? lang) =>
                ExportAsync("scores", http, scores, geography, catalogue, published,
                    new HotspotQuery { Level = level, Region = region, District = district, Period = period, By = by }, format, sep, lang))
            .WithSummary("The score table: every unit of a level with a score in the caller's scope, riskiest first, as a CSV, XLSX or GeoJSON file.")
            .WithDescription("level, region, district, period and by as for GET /api/hotspots; no class filter or limit. " + FileDescription)
            .AsExport();
    }

    /// <summary>What every file export declares: its tags (Exports and the feature's), the bulk-read limits, a CSV answer and its problems.</summary>
    public static RouteHandlerBuilder AsExport(this RouteHandlerBuilder endpoint, params string[] featureTags) =>
        endpoint.AsExport(mediaType: "text/csv", featureTags);

    /// <summary>As <see cref="AsExport(RouteHandlerBuilder, string[])"/>, for a file of another media type (a PDF brief).</summary>
    public static RouteHandlerBuilder AsExport(this RouteHandlerBuilder endpoint, string mediaType, string[] featureTags) => endpoint
        .WithTags(["Exports", .. featureTags])
        .AsBulkRead()
        .Produces(StatusCodes.Status200OK, contentType: mediaType)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> ExportAsync(string kind, HttpContext http, ScoreQueries scores, GeographyQueries geography,
        CatalogueQueries catalogue, MapDataWatcher published, HotspotQuery query, string? format, string? sep, string? lang)
    {
        var (mediaType, extension) = Formats.GetValueOrDefault(format ?? "csv");
        if (mediaType is null) return ApiProblems.BadParameter("format", "format must be csv, xlsx or geojson.");
        if (sep is not (null or "," or ";")) return ApiProblems.BadParameter("sep", "sep must be ',' or ';'.");
        var language = Languages.FromCode(lang ?? http.Request.Headers.AcceptLanguage.FirstOrDefault());
        var (filter, list, refusal) = await query.RunAsync(http, scores, geography, published, DefaultTop,
            wholeTable: kind == "scores", geometry: extension == "geojson");
        if (refusal is not null) return refusal;
        var demo = await catalogue.HoldsDemoDataAsync();
        // Without a filter the list covers the caller's scope (the country for an analyst).
        var scope = http.CallerScope();
        var (regionKato, districtKato) = filter!.DistrictKato is not null || filter.RegionKato is not null
            ? (filter.RegionKato, filter.DistrictKato)
            : (scope.RegionKato, scope.DistrictKato);
        var areaKato = districtKato ?? regionKato;
        var areaName = ExportTexts.Area(regionKato, districtKato, areaKato is null ? null : await geography.NamesAsync(areaKato), language);
        var sheet = new HotspotSheet(list!, await catalogue.IndicatorsAsync(), language, demo, kind, areaName);
        var area = filter.DistrictKato ?? filter.RegionKato ?? "kz";
        var fileName = $"riskmap-{kind}-{list!.Level}-{area}-{list.Period}{(demo ? "-demo" : "")}.{extension}";
        return Results.Stream(async body =>
        {
            var counter = new BulkReads.RowCounter<Hotspot>();
            var rows = counter.Count(list.Units);
            var cancel = http.RequestAborted;
            var completed = false;
            try
            {
                await (extension switch
                {
                    "xlsx" => XlsxWorkbook.WriteAsync(body, sheet, rows, cancel),
                    "geojson" => HotspotGeoJson.WriteAsync(body, sheet, rows, demo, cancel),
                    _ => HotspotCsv.WriteAsync(body, sheet, rows, sep is [var separator] ? separator : ',', cancel),
                });
                completed = true;
            }
            finally
            {
                await http.AuditAsync(AuditLog.Actions.Export, $"{kind} {list.Level} {list.Period}", new Dictionary<string, object?>
                {
                    ["format"] = extension, ["level"] = list.Level, ["region"] = filter.RegionKato, ["district"] = filter.DistrictKato,
                    ["period"] = list.Period, ["by"] = list.Measure,
                    ["class"] = filter.Classes is { } classes ? string.Join(",", classes.Order().Select(c => c.ToString(CultureInfo.InvariantCulture))) : null,
                    ["top"] = filter.Top, ["rows"] = counter.Rows, ["completed"] = completed,
                });
            }
        }, mediaType, fileName);
    }
}
