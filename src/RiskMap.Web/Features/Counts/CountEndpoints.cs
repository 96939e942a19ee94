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
        api.MapGet("/counts", async (HttpContext http, CatalogueQueries catalogue, CountQueries counts, CountDisclosure disclosure,
                GeographyQueries geography, AccessOptions options, string? indicator, string? period, string? region) =>
            {
                var definition = (await catalogue.IndicatorsAsync()).FirstOrDefault(i => i.Code == indicator);
                if (definition is null) return ApiProblems.NotFound("indicator", $"There is no indicator '{indicator}'; see /api/indicators.");
                if (!definition.IsCount) return ApiProblems.BadParameter("indicator", $"'{indicator}' is not a count; counts are tabled for count indicators only.");
                var regionKato = QueryParameters.Kato("region", region);
                if (regionKato is not null && !await geography.RegionExistsAsync(regionKato))
                    return ApiProblems.NotFound("region", $"There is no region with KATO {regionKato}.");
                if (period is not null && !Quarter.TryParse(period, out _))
                    return ApiProblems.BadParameter("period", "period must be a quarter such as 2025Q4.");
                var periods = await counts.PeriodsAsync(definition.Code);
                var quarter = period ?? periods.LastOrDefault();
                if (quarter is null) return ApiProblems.NotFound("period", $"There are no observations of '{definition.Code}' yet.");
                if (!periods.Contains(quarter))
                    return ApiProblems.NotFound("period", $"There are no observations of '{definition.Code}' in {quarter}; there are in {string.Join(", ", periods)}.");

                var hierarchy = await counts.HierarchyAsync(definition.Code, quarter);
                var cells = hierarchy.Select(row => new CountCell(row.Code, row.ParentCode, row.Value)).ToList();
                var publicPattern = await disclosure.PublicPatternAsync(definition.Code, quarter, cells, options.SuppressionThreshold);
                return Results.Ok(CountTable.Build(definition.Code, quarter, hierarchy, regionKato, http.CallerScope(), publicPattern, options.SuppressionThreshold));
            })
            .WithTags("Counts")
            .WithSummary("Counts of a count indicator for a quarter (default: the latest): the regions with the national total, or ?region= its districts with the region's total.")
            .WithDescription("Counts from 1 to Access:SuppressionThreshold − 1 (default 5) are withheld and marked \"c\" together with their rate, " +
                             "and further counts are withheld so that no withheld count can be narrowed to fewer than that many values, neither " +
                             "by the public nor by any one insider who also knows their own region or district exactly. The withheld cells are one " +
                             "pattern per indicator and quarter, the same for everyone; a caller sees the cells of their own scope (an analyst: all) " +
                             "unwithheld. Rates are per 1,000 pupils. 404 for a quarter without observations of the indicator. " +
                             "A quarter of an earlier boundary vintage (carriedFrom: its year) has its region and district counts carried " +
                             "into today's units through the crosswalk: estimates, rounded to whole numbers (a share above 0 to at least 1), " +
                             "withheld by the same rule as observed counts. " +
                             "See docs/disclosure-control.md.")
            .Produces<CountTableView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
