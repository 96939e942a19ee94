using RiskMap.Data.Queries;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Hosting;
using static System.FormattableString;

namespace RiskMap.Web.Features.Geography;

public static class GeographyEndpoints
{
    public const string GeoJson = "application/geo+json";

    public static void MapGeographyEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/regions", async (HttpContext http, GeographyQueries queries, MapDataWatcher watcher, TileCache cache, string? simplify) =>
            {
                var tolerance = QueryParameters.Simplify(simplify);
                return await BoundaryAnswers.ServeAsync(http, watcher, cache, Invariant($"regions/{tolerance:R}"), () => queries.RegionsAsync(tolerance));
            })
            .WithTags("Geography")
            .WithSummary("The regions (oblasts and cities of republican significance) as a GeoJSON FeatureCollection.")
            .WithDescription("simplify: optional tolerance in degrees (0–0.1) for lighter outlines, whose coordinates then carry one " +
                             "decimal digit more than the tolerance (3 for 0.01); 0 gives the stored geometry, to 7 digits." +
                             BoundaryAnswers.CachingDescription)
            .Produces(StatusCodes.Status200OK, contentType: GeoJson)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/districts", async (HttpContext http, GeographyQueries queries, MapDataWatcher watcher, TileCache cache, string? region, string? simplify,
                string? geometry) =>
            {
                var regionKato = QueryParameters.Kato("region", region);
                var tolerance = QueryParameters.Simplify(simplify);
                var withGeometry = geometry switch
                {
                    null or "outline" => true,
                    "none" => false,
                    _ => throw new QueryParameters.Invalid("geometry", "geometry must be outline or none."),
                };
                if (regionKato is not null && !await queries.RegionExistsAsync(regionKato))
                    return ApiProblems.NotFound("region", $"There is no region with KATO {regionKato}.");
                return await BoundaryAnswers.ServeAsync(http, watcher, cache, Invariant($"districts/{regionKato}/{tolerance:R}/{withGeometry}"),
                    () => queries.DistrictsAsync(regionKato, tolerance, withGeometry));
            })
            .WithTags("Geography")
            .WithSummary("The districts, optionally of one region (KATO), as a GeoJSON FeatureCollection.")
            .WithDescription("Each feature has its bbox and a label point inside it (properties.label). geometry=none leaves the " +
                             "outlines out (for a client that draws them from the vector tiles); simplify as for /api/regions." +
                             BoundaryAnswers.CachingDescription)
            .Produces(StatusCodes.Status200OK, contentType: GeoJson)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
