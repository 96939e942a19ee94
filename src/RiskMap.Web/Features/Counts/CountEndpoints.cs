using RiskMap.Core.Indicators;
using RiskMap.Core.Privacy;
using RiskMap.Data.Queries;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Counts;

public static class CountEndpoints
{
    public static void MapCountEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/counts", async (HttpContext http, CatalogueQueries catalogue, CountQueries counts, GeographyQueries geography, AccessOptions options,
                string? indicator, string? period, string? region) =>
            {
                var definition = (await catalogue.IndicatorsAsync()).FirstOrDefault(i => i.Code == indicator);
                if (definition is null) return ApiProblems.NotFound("indicator", $"There is no indicator '{indicator}'; see /api/indicators.");
                if (!definition.IsCount) return ApiProblems.BadParameter("indicator", $"'{indicator}' is not a count; counts are tabled for count indicators only.");
                var regionKato = QueryParameters.Kato("region", region);
                if (regionKato is not null && !await geography.RegionExistsAsync(regionKato))
                    return ApiProblems.NotFound("region", $"There is no region with KATO {regionKato}.");
                if (period is not null && !Quarter.TryParse(period, out _))
                    return ApiProblems.BadParameter("period", "period must be a quarter such as 2025Q4.");
                var quarter = period ?? await counts.LatestPeriodAsync(definition.Code);
                if (quarter is null) return ApiProblems.NotFound("period", $"There are no observations of '{definition.Code}' yet.");

                var hierarchy = await counts.HierarchyAsync(definition.Code, quarter);
                return Results.Ok(CountTable.Build(definition.Code, quarter, hierarchy, regionKato, http.CallerScope(),
                    new SmallNumberSuppression(options.SuppressionThreshold)));
            })
            .WithTags("Counts")
            .WithSummary("Counts of a count indicator for a quarter (default: the latest): the regions with the national total, or ?region= its districts with the region's total.")
            .WithDescription("Outside the caller's scope (everywhere, for the public) counts from 1 to Access:SuppressionThreshold − 1 (default 5) are withheld " +
                             "and marked \"c\" together with their rate, and further counts are withheld where a total and its other parts would " +
                             "give a withheld count away. Rates are per 10,000 pupils.")
            .Produces<CountTableView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
