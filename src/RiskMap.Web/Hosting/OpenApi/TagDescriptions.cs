using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RiskMap.Web.Hosting.OpenApi;

/// <summary>What each group of operations is for, as generated clients and the Swagger UI show it beside the group.</summary>
internal sealed class TagDescriptions : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["Health"] = "Whether the service and its PostgreSQL + PostGIS answer.",
        ["Map"] = "The map's first frame and map images drawn by the server.",
        ["Vector tiles"] = "Mapbox Vector Tiles of regions, districts and schools with the published scores, and their TileJSON.",
        ["OGC API – Features"] = "Regions, districts and schools as OGC API – Features collections, for GIS clients.",
        ["Access"] = "Sign-in, bearer tokens, users and the audit log.",
        ["Catalogue"] = "The indicator catalogue, quarters and what the service holds.",
        ["Geography"] = "Regions, districts and schools with their outlines, and search by name.",
        ["Counts"] = "Counts of count indicators with small-number suppression.",
        ["Exports"] = "Score tables, hotspot lists, alerts and the rating as CSV, XLSX or GeoJSON files; audited.",
        ["Hotspots"] = "The riskiest units in the caller's scope, and emerging hot spots.",
        ["Forecasts"] = "Next-quarter forecasts of the published run and their backtest.",
        ["Alerts"] = "Early-warning alerts, their rules and webhook subscribers.",
        ["Rating"] = "The rating of akimats.",
        ["Data delivery"] = "Timeliness and completeness of indicator data per source, indicator, region and quarter.",
        ["Scores"] = "Risk scores per unit and quarter, and one unit's profile.",
        ["Programmes"] = "Crisis-management programmes, their targets, measures and effectiveness.",
        ["Imports"] = "File imports of boundaries, schools and indicator values, and the import log.",
        ["Vintages"] = "Boundary vintages: which is current, their dates, crosswalks and retired units.",
        ["Score runs"] = "Recomputes of the risk scores: history, the published run, comparisons.",
        ["Weights"] = "Indicator and domain weights of the scores.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is not null && Descriptions.TryGetValue(tag.Name, out var description)) tag.Description ??= description;
        }
        return Task.CompletedTask;
    }
}
