using System.Diagnostics;
using RiskMap.Core.Geography;
using RiskMap.Core.Localization;
using RiskMap.Data.Access;
using RiskMap.Data.Programmes;
using RiskMap.Data.Queries;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.EmergingHotSpots;
using RiskMap.Web.Features.Programmes;
using RiskMap.Web.Features.Scoring;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.MapImages;

public static class MapImageEndpoints
{
    public const string Png = "image/png";
    public const string Svg = "image/svg+xml";

    /// <summary>OGC's link relation to a map of the data (OGC API – Maps).</summary>
    public const string MapRelation = "http://www.opengis.net/def/rel/ogc/1.0/map";

    /// <summary>The address of the national PNG of a level's map (null for schools, which are not drawn), for TileJSON and OGC collections.</summary>
    public static string? PngPath(EntityLevel level) =>
        level is EntityLevel.Region or EntityLevel.District ? $"/api/maps/image.png?level={level.ToCode()}" : null;

    public static IServiceCollection AddMapImages(this IServiceCollection services) => services
        .AddSingleton<MapFonts>()
        .AddSingleton<MapImageCache>()
        .AddSingleton<MapShapes>()
        .AddSingleton<MapImageDrawing>()
        .AddSingleton<MapImageMaker>();

    public static void MapMapImageEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/maps/image.png", (HttpContext http, MapDataWatcher watcher, MapImageMaker maker, GeographyQueries geography, ProgrammeStore programmes) =>
                AnswerAsync(MapImageFormat.Png, http, watcher, maker, geography, programmes))
            .Describe(Png, "PNG");
        api.MapGet("/maps/image.svg", (HttpContext http, MapDataWatcher watcher, MapImageMaker maker, GeographyQueries geography, ProgrammeStore programmes) =>
                AnswerAsync(MapImageFormat.Svg, http, watcher, maker, geography, programmes))
            .Describe(Svg, "SVG (text kept as text)");
    }

    private static void Describe(this RouteHandlerBuilder endpoint, string mediaType, string what) => endpoint
        .WithTags("Map")
        .WithSummary($"A view of the map as a {what} image drawn by the server: title, legend, period, scale bar, north arrow, attribution and the demo label.")
        .WithDescription(MapImageRequest.Description + " The units are coloured as the map colours them for the caller: outside the " +
                         "caller's scope only the public's composite classes, none by a domain or an indicator ('outside your area'), " +
                         "and no class where a unit has fewer pupils than Access:MinimumPupilsForClass. Domains and indicators need an " +
                         "analyst, planner or education role, and so do the overlays: targets as the programme API (401 for the public, 403 " +
                         "for a data steward, 404 for a programme outside the caller's region or unknown), hotspots=emerging as " +
                         "GET /api/hotspots/emerging (401, 403), drawn only on units the caller sees in full. Every image is audited " +
                         "like an export; images are kept per published run, import, scope and overlay. 404 when nothing is published " +
                         "or the measure or unit is unknown; 503 when the " +
                         "server lacks a font with Kazakh and Russian letters.")
        .Produces(StatusCodes.Status200OK, contentType: mediaType)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> AnswerAsync(MapImageFormat format, HttpContext http, MapDataWatcher watcher, MapImageMaker maker,
        GeographyQueries geography, ProgrammeStore programmes)
    {
        var query = http.Request.Query;
        var request = MapImageRequest.Parse(query["level"], query["region"], query["district"], query["period"], query["classes"],
            query["domain"], query["indicator"], query["lang"], http.Request.Headers.AcceptLanguage.FirstOrDefault(), query["width"], query["height"],
            query["targets"], query["hotspots"]);
        var scope = http.CallerScope();
        if ((ScoreEndpoints.RefuseMeasure(scope, request.View.Measure)
             ?? await scope.RefuseFiltersAsync(geography, request.RegionKato, request.DistrictKato, schoolLevel: false)
             ?? (request.EmergingHotSpots ? EmergingHotSpotEndpoints.RefuseReader(scope) : null)
             ?? (request.Programme is { } programme ? (await scope.ReadableAsync(programmes, programme)).Refusal : null)) is { } refusal)
            return refusal;
        var version = await watcher.CurrentAsync();
        if (version.Run is null || QueryParameters.PublishedQuarter("period", request.View.Period, version) is not { } period)
            return ApiProblems.NotFound("scores", "No score run has been published yet: POST /api/score-runs starts one.");

        var started = Stopwatch.GetTimestamp();
        (byte[] Image, bool Hit) answer;
        try
        {
            answer = await maker.ImageAsync(request, format, version, period, scope);
        }
        catch (ArgumentException e)
        {
            return ApiProblems.NotFound(request.View.Measure.Kind, e.Message);
        }
        catch (MapFonts.Missing e)
        {
            return Results.Problem(title: "No font for map images", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        http.Response.Headers["Server-Timing"] = answer.Hit ? "cache;desc=hit"
            : FormattableString.Invariant($"draw;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.#}");

        var area = request.DistrictKato ?? request.RegionKato;
        await http.AuditAsync(AuditLog.Actions.Export, $"map-image {request.Level.ToCode()} {period}", new Dictionary<string, object?>
        {
            ["format"] = format.ToString().ToLowerInvariant(), ["level"] = request.Level.ToCode(), ["region"] = request.RegionKato,
            ["district"] = request.DistrictKato, ["period"] = period, ["by"] = request.View.Measure.ToString(),
            ["classes"] = request.View.QuantileClasses ? "quantile" : "fixed", ["lang"] = request.Language.Code(),
            ["width"] = request.Width, ["height"] = request.Height, ["targets"] = request.Programme,
            ["hotspots"] = request.EmergingHotSpots ? "emerging" : null,
        });
        var extension = format == MapImageFormat.Png ? "png" : "svg";
        return Results.File(answer.Image, format == MapImageFormat.Png ? Png : Svg,
            $"riskmap-map-{request.Level.ToCode()}-{area ?? "kz"}-{period}.{extension}");
    }
}
