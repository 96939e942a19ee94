using RiskMap.Data.Queries;

namespace RiskMap.Web.Features.Catalogue;

public static class IndicatorEndpoints
{
    public static void MapIndicatorEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/indicators", async (CatalogueQueries queries) => Results.Ok(await queries.IndicatorsAsync()))
            .WithTags("Catalogue")
            .WithSummary("The indicator catalogue: code, domain, names in kk/ru/en, unit, direction, denominator, weight.")
            .Produces<IReadOnlyList<IndicatorDefinition>>();
    }
}
