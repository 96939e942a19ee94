using RiskMap.Data.Queries;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Hosting;
using static System.FormattableString;

namespace RiskMap.Web.Features.Geography;

public static class GeographyEndpoints
{
    public const string GeoJson = "application/geo+json";

    private const string VintageDescription =
        " vintage: optional year of another boundary vintage (GET /api/vintages) for its units as imported; without it, the " +
        "current vintage, which the map, scores and tiles use. 404 for a vintage never imported.";

    public static void MapGeographyEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/regions", async (HttpContext http, GeographyQueries queries, MapDataWatcher watcher, TileCache cache, string? simplify, string? vintage) =>
            {
                var tolerance = QueryParameters.Simplify(simplify);
                var year = QueryParameters.Vintage(vintage);
                if (year is not null && !await queries.VintageExistsAsync(year.Value))
                    return ApiProblems.NotFound("vintage", $"No boundaries of vintage {year} have been imported.");
                return await BoundaryAnswers.ServeAsync(http, watcher, cache, Invariant($"regions/{tolerance:R}/{year}"), () => queries.RegionsAsync(tolerance, year));
            })
            .WithTags("Geography")
            .WithSummary("The regions (oblasts and cities of republican significance) as a GeoJSON FeatureCollection.")
            .WithDescription("simplify: optional tolerance in degrees (0–0.1) for lighter outlines, whose coordinates then carry one " +
                             "decimal digit more than the tolerance (3 for 0.01); 0 gives the stored geometry, to 7 digits." +
                             VintageDescription + BoundaryAnswers.CachingDescription)
            .Produces(StatusCodes.Status200OK, contentType: GeoJson)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/districts", async (HttpContext http, GeographyQueries queries, MapDataWatcher watcher, TileCache cache, string? region, string? simplify,
                string? geometry, string? vintage) =>
            {
                var regionKato = QueryParameters.Kato("region", region);
                var tolerance = QueryParameters.Simplify(simplify);
                var year = QueryParameters.Vintage(vintage);
                var withGeometry = geometry switch
                {
                    null or "outline" => true,
                    "none" => false,
                    _ => throw new QueryParameters.Invalid("geometry", "geometry must be outline or none."),
                };
                if (year is not null && !await queries.VintageExistsAsync(year.Value))
                    return ApiProblems.NotFound("vintage", $"No boundaries of vintage {year} have been imported.");
                if (year is null && regionKato is not null && !await queries.RegionExistsAsync(regionKato))
                    return ApiProblems.NotFound("region", $"There is no region with KATO {regionKato}.");
                return await BoundaryAnswers.ServeAsync(http, watcher, cache, Invariant($"districts/{regionKato}/{tolerance:R}/{withGeometry}/{year}"),
                    () => queries.DistrictsAsync(regionKato, tolerance, withGeometry, year));
            })
            .WithTags("Geography")
            .WithSummary("The districts, optionally of one region (KATO), as a GeoJSON FeatureCollection.")
            .WithDescription("Each feature has its bbox and a label point inside it (properties.label). geometry=none leaves the " +
                             "outlines out (for a client that draws them from the vector tiles); simplify as for /api/regions." +
                             VintageDescription + " With a vintage, region= only filters (no 404 for a region that vintage lacks)." +
                             BoundaryAnswers.CachingDescription)
            .Produces(StatusCodes.Status200OK, contentType: GeoJson)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
