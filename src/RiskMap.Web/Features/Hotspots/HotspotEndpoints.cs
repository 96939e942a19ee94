using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;
using RiskMap.Web.Features.Tiles;

namespace RiskMap.Web.Features.Hotspots;

public static class HotspotEndpoints
{
    public static void MapHotspotEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/hotspots", async (HttpContext http, ScoreQueries scores, GeographyQueries geography, MapDataWatcher published,
                [AsParameters] HotspotQuery query) =>
            {
                var (_, list, refusal) = await query.RunAsync(http, scores, geography, published, HotspotQuery.DefaultTop);
                return refusal ?? Results.Ok(list);
            })
            .WithTags("Hotspots")
            .WithSummary("Hotspot list: the riskiest units of a level in the caller's scope, with score, class, rank band, reliability, trend and reasons.")
            .WithDescription(HotspotQuery.Description + "Default top: 50. Each unit has its score (0–10), class (1–5), national rank and, " +
                             "for the composite, rank band and change on the quarter and on the year; reasons are the three indicators " +
                             "that add most to the measure, in score points. Needs an analyst, planner or education role. " +
                             "The same list as a file: GET /api/exports/hotspots.")
            .Produces<HotspotList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
