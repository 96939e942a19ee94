using RiskMap.Core.Localization;
using RiskMap.Data.Queries;

namespace RiskMap.Web.Features.Catalogue;

public static class AboutEndpoints
{
    /// <summary>The boundaries' credit in English, for machine clients (TileJSON, /api/about); images write it in their language.</summary>
    public static readonly string BoundaryAttribution = MapImageTexts.Attribution(Language.En);

    public static void MapAboutEndpoints(this IEndpointRouteBuilder api, IConfiguration configuration)
    {
        var basemapUrl = configuration["Map:BasemapUrl"];
        var basemap = new
        {
            url = string.IsNullOrWhiteSpace(basemapUrl) ? null : basemapUrl,
            attribution = string.IsNullOrWhiteSpace(basemapUrl) ? null : configuration["Map:BasemapAttribution"],
        };
        api.MapGet("/about", async (CatalogueQueries queries) =>
            {
                var overview = await queries.OverviewAsync();
                return Results.Ok(new
                {
                    demo = overview.Demo,
                    attribution = BoundaryAttribution,
                    basemap,
                    counts = new
                    {
                        regions = overview.Regions,
                        districts = overview.Districts,
                        schools = overview.Schools,
                        unassignedSchools = overview.UnassignedSchools,
                        observations = overview.Observations,
                    },
                });
            })
            .WithTags("Catalogue")
            .WithSummary("What the map shows: whether the data are demo data, attribution, basemap, and counts.");
    }
}
