using Microsoft.Net.Http.Headers;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.FirstFrame;

public static class FirstFrameEndpoints
{
    public const string Svg = "image/svg+xml";

    private static string Tag(RiskMap.Data.Tiles.MapDataVersion version) => $"{version.Run}-{version.Boundaries}";

    public static void MapFirstFrameEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/map/first-frame.svg", async (HttpContext http, string? view, string? v,
                MapDataWatcher watcher, FirstFrameMaker maker) =>
            {
                if (view is not (null or "national")) return ApiProblems.BadParameter("view", "view must be national: only the country's first view is drawn.");
                var version = await watcher.CurrentAsync();
                if (version.Run is null) return ApiProblems.NotFound("run", "No score run has been published yet.");
                var etag = new EntityTagHeaderValue($"\"first-frame-{Tag(version)}\"");
                // The address that names this version never changes its answer; any other is asked again within a minute.
                var caching = v == Tag(version) ? "public, max-age=31536000, immutable" : "public, max-age=60";
                if (GzippedAnswer.IsNotModified(http, etag, caching, "Accept-Encoding")) return Results.StatusCode(StatusCodes.Status304NotModified);
                if (await maker.GzippedAsync(version) is not { } frame) return ApiProblems.NotFound("period", "The published run has no quarter.");
                http.Response.Headers["Server-Timing"] = frame.ServerTiming;
                return GzippedAnswer.Body(http, frame.Gzipped, Svg);
            })
            .WithTags("Map")
            .WithSummary("The map's first view drawn on the server as SVG: every district in its public risk level, under the region outlines.")
            .WithDescription("view: national (the default; the only view drawn). The composite risk level of each district in the published " +
                             "run's latest quarter as the public sees it: a district with too few pupils is withheld (white, dotted outline), " +
                             "and no score, rank or school is in the image, so it is the same for every caller. Each district's path carries " +
                             "data-kato and data-level (1–5, suppressed or none). Projected to Web Mercator; the viewBox is the box the map " +
                             "fits first. The map page has it inline and shows it until Leaflet has drawn the map. ETag names the published run and the boundary " +
                             "version; with v= naming them (run-boundaries) the answer is immutable; gzip when the client accepts it. " +
                             "404 when nothing is published.")
            .Produces(StatusCodes.Status200OK, contentType: Svg)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
