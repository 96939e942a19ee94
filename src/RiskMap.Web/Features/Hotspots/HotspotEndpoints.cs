using RiskMap.Core.Geography;
using RiskMap.Data.Access;
using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Scoring;
using RiskMap.Web.Features.Tiles;

namespace RiskMap.Web.Features.Hotspots;

public static class HotspotEndpoints
{
    public static void MapHotspotEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/hotspots", async (HttpContext http, ScoreQueries scores, GeographyQueries geography, MapDataWatcher published,
                IndicatorValues values, [AsParameters] HotspotQuery query) =>
            {
                var (filter, list, refusal) = await query.RunAsync(http, scores, geography, published, HotspotQuery.DefaultTop);
                if (refusal is not null) return refusal;
                var addValue = await values.ForAsync(filter!.Level, filter.Measure, list!.Period, http.CallerScope());
                list = list with { Units = list.Units.Select(h => h with { Unit = addValue(h.Unit) }) };
                if (filter.Level != EntityLevel.School) return Results.Ok(list);
                var counter = new BulkReads.RowCounter<Hotspot>();
                http.Response.OnCompleted(() => http.AuditAsync(AuditLog.Actions.SchoolTableRead, $"hotspots school {list.Period}", new Dictionary<string, object?>
                {
                    ["run"] = list.Run, ["level"] = list.Level, ["region"] = filter.RegionKato, ["district"] = filter.DistrictKato,
                    ["period"] = list.Period, ["by"] = list.Measure, ["top"] = filter.Top, ["rows"] = counter.Rows,
                }));
                return Results.Ok(list with { Units = counter.Count(list.Units) });
            })
            .AsBulkRead(BulkReads.OfSchools)
            .WithTags("Hotspots")
            .WithSummary("Hotspot list: the riskiest units of a level in the caller's scope, with score, class, rank band, reliability, trend and reasons.")
            .WithDescription(HotspotQuery.Description + "Default top: 50. Each unit has its score (0–10), class (1–5), national rank and, " +
                             "change of the measure's score on the quarter and on the year, for the composite its rank band (callers who see the whole country) " +
                             "and, under riskmap-2.0, its scoreInterval, highRiskProbability and clearChangeQuarter/clearChangeYear as in /api/scores; " +
                             "by an indicator, each unit's observed value (rate per 1,000 pupils or percentage, and count) as in /api/scores; " +
                             "ranks are among the units the caller sees in full; reasons are the three indicators " +
                             "that add most to the measure, in score points. Needs an analyst, planner or education role. " +
                             "School-level lists are audited and count towards Access:ExportsPerMinute. The same list as a file: GET /api/exports/hotspots.")
            .Produces<HotspotList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
