using System.Globalization;
using Microsoft.Net.Http.Headers;
using RiskMap.Core.Geography;
using RiskMap.Data.Tiles;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Catalogue;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Tiles;

public static class TileEndpoints
{
    public const string MediaType = "application/vnd.mapbox-vector-tile";
    public const int MaxZoom = 22;

    /// <summary>Kazakhstan's extent (lon/lat), for TileJSON.</summary>

    public static void MapTileEndpoints(this IEndpointRouteBuilder app)
    {
        var tiles = app.MapGroup("/tiles").WithTags("Vector tiles").AddEndpointFilter<InvalidParameterFilter>();

        tiles.MapGet("/{layer}/{z}/{x}/{y}.mvt", async (HttpContext http, string layer, string z, string x, string y, string? period,
                MapDataWatcher watcher, TileCache cache, TileQueries queries) =>
            {
                var tileLayer = TileLayer.Find(layer);
                if (tileLayer is null) return UnknownLayer(layer);
                var (zoom, column, row) = Coordinates(z, x, y);
                var scope = http.CallerScope();
                if (tileLayer == TileLayer.Schools && scope.RefuseSchoolLevel() is { } refusal) return refusal;
                var version = await watcher.CurrentAsync();
                var quarter = QueryParameters.PublishedQuarter("period", period, version);

                var etag = new EntityTagHeaderValue($"\"{version.Tag}-{quarter ?? "none"}-{scope.Key}\"");
                // Only the public's tiles may sit in shared caches; scoped tiles depend on the sign-in.
                if (GzippedAnswer.IsNotModified(http, etag, scope.SeesDetail ? "private, max-age=60" : "public, max-age=60",
                        scope.SeesDetail ? "Accept-Encoding, Cookie, Authorization" : "Accept-Encoding"))
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                if (zoom < tileLayer.MinZoom) return Results.NoContent();

                var key = $"{tileLayer.Name}/{zoom}/{column}/{row}/{quarter}/{version.Tag}/{scope.Key}";
                var (gzipped, timing) = await cache.GetOrAddAsync(key, () => queries.TileAsync(tileLayer, zoom, column, row, version.Run, quarter, scope));
                http.Response.Headers["Server-Timing"] = timing;
                return gzipped.Length == 0 ? Results.NoContent() : GzippedAnswer.Body(http, gzipped, MediaType);
            })
            .WithSummary("A Mapbox Vector Tile of regions, districts or schools with the published scores of a quarter (default: the latest).")
            .WithDescription("204 when the tile holds no feature (or the zoom is below the layer's minimum). ETag and Cache-Control follow " +
                             "the published score run, the boundary and school imports and the caller's scope; gzip when the client accepts it. " +
                             "Region and district features outside the caller's scope carry their class only, and none (suppressed = true) " +
                             "when the unit has fewer pupils than Access:MinimumPupilsForClass; the schools layer needs a sign-in " +
                             "and holds the schools of the caller's scope only.")
            .Produces(StatusCodes.Status200OK, contentType: MediaType)
            .Produces(StatusCodes.Status204NoContent)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        tiles.MapGet("/{layer}.json", (HttpContext http, string layer) =>
            {
                var tileLayer = TileLayer.Find(layer);
                if (tileLayer is null) return UnknownLayer(layer);
                var origin = http.RequestServices.GetRequiredService<PublicOrigin>().Value;
                return Results.Ok(new Dictionary<string, object?>
                {
                    ["tilejson"] = "3.0.0",
                    ["name"] = $"RiskMap {tileLayer.Name}",
                    ["description"] = "Composite child-protection risk scores of the published score run.",
                    ["attribution"] = AboutEndpoints.BoundaryAttribution,
                    ["scheme"] = "xyz",
                    ["tiles"] = new[] { $"{origin}/tiles/{tileLayer.Name}/{{z}}/{{x}}/{{y}}.mvt" },
                    ["minzoom"] = tileLayer.MinZoom,
                    ["maxzoom"] = tileLayer.MaxZoom,
                    ["bounds"] = Kazakhstan.Bounds,
                    ["center"] = new double[] { 67.0, 48.0, 4 },
                    // Not a TileJSON key: where the same data are drawn as one image by the server (region and district layers).
                    ["map_image"] = MapImages.MapImageEndpoints.PngPath(tileLayer.Level) is { } image ? $"{origin}{image}" : null,
                    ["vector_layers"] = new[]
                    {
                        new { id = tileLayer.Name, description = $"One feature per {tileLayer.Level.ToCode()}", minzoom = tileLayer.MinZoom, maxzoom = tileLayer.MaxZoom, fields = tileLayer.Fields },
                    },
                });
            })
            .WithSummary("TileJSON 3.0 for a layer: tile URL, zooms, bounds and the attributes of its features.");
    }

    private static IResult UnknownLayer(string layer) =>
        ApiProblems.NotFound("layer", $"There is no layer '{layer}'; use regions, districts or schools.");

    private static (int Z, int X, int Y) Coordinates(string z, string x, string y)
    {
        static int? Parse(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        if (Parse(z) is not { } zoom || zoom > MaxZoom)
            throw new QueryParameters.Invalid("z", $"z must be a zoom level from 0 to {MaxZoom}.");
        var size = 1L << zoom;
        if (Parse(x) is not { } column || column >= size) throw new QueryParameters.Invalid("x", $"x must be from 0 to {size - 1} at zoom {zoom}.");
        if (Parse(y) is not { } row || row >= size) throw new QueryParameters.Invalid("y", $"y must be from 0 to {size - 1} at zoom {zoom}.");
        return (zoom, column, row);
    }

}
