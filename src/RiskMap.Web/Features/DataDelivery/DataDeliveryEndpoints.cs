using System.Text.RegularExpressions;
using RiskMap.Core.Indicators;
using RiskMap.Data.Queries;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.DataDelivery;

/// <summary>Timeliness and completeness of indicator data per source, indicator, region and quarter (docs/data-delivery.md).</summary>
public static partial class DataDeliveryEndpoints
{
    /// <summary>The most quarters one request covers (ten years).</summary>
    public const int MaxQuarters = 40;

    /// <summary>The quarters shown without from: the current one and the three before it.</summary>
    private const int DefaultQuarters = 4;

    private const string Description =
        "Per expected delivery — a source (client:NAME, an agency client, for its indicators × regions; files, the steward's file " +
        "imports, for every indicator and region no client covers), an indicator of the catalogue, a region and a quarter — its " +
        "status: received (first values arrived by the due date, 45 days after the quarter's last day, Asia/Almaty), late (first " +
        "values after it; a later correction does not make a quarter late), missing (due date passed, nothing) or due (not yet due, " +
        "nothing yet), with completeness: the region's schools (indicators delivered for schools) or districts with a stored value. " +
        "Summaries by region, source and period count each status. from, to: quarters such as 2025Q4 (default: the current quarter " +
        "and the three before; at most 40; none before the first quarter any data were delivered for); region: a region's KATO " +
        "(404 unknown, 403 outside the caller's region); source, indicator: one only. Scope: an analyst or data steward reads every " +
        "region, a planner or education department their own region; 401 for the public. These are counts of units and dates, " +
        "no child data, so no small-number suppression applies.";

    [GeneratedRegex("^(files|client:[a-z0-9][a-z0-9-]{1,59})$")]
    private static partial Regex SourcePattern();

    public static void MapDataDeliveryEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/data-delivery", async (HttpContext http, DataDeliveryReport report, GeographyQueries geography, CatalogueQueries catalogue,
                string? from, string? to, string? region, string? source, string? indicator) =>
            {
                var scope = http.CallerScope();
                if (scope.IsPublic) return ApiProblems.SignInRequired("Only signed-in users see the delivery of indicator data.");
                var last = QuarterParameter("to", to) ?? Quarter.Of(report.Today);
                var first = QuarterParameter("from", from) ?? Back(last, DefaultQuarters - 1);
                if (first.CompareTo(last) > 0) return ApiProblems.BadParameter("from", "from must not be after to.");
                if (Back(last, MaxQuarters - 1).CompareTo(first) > 0)
                    return ApiProblems.BadParameter("from", $"At most {MaxQuarters} quarters at once.");
                if (source is not null && !SourcePattern().IsMatch(source))
                    return ApiProblems.BadParameter("source", "source must be files or client:NAME.");
                if (indicator is not null && (await catalogue.IndicatorsAsync()).All(i => i.Code != indicator))
                    return ApiProblems.NotFound("indicator", $"There is no indicator {indicator}.");
                var regionKato = QueryParameters.Kato("region", region);
                var regions = DataDeliveryReport.RegionsOf(scope);
                if (await scope.RefuseFiltersAsync(geography, regionKato, null, schoolLevel: false) is { } unknown) return unknown;
                if (regionKato is not null)
                {
                    if (regions is not null && !regions.Contains(regionKato)) return ApiProblems.OutOfScope($"Region {regionKato} is outside your scope.");
                    regions = [regionKato];
                }
                return Results.Ok(await report.BuildAsync(first, last, regions, source, indicator));
            })
            .WithName("DataDelivery")
            .WithTags("Data delivery")
            .WithSummary("Timeliness and completeness of indicator data: per source, indicator, region and quarter due, received, late or missing.")
            .WithDescription(Description)
            .Produces<DeliveryReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Quarter? QuarterParameter(string name, string? text) =>
        text is null ? null
        : Quarter.TryParse(text, out var quarter) ? quarter
        : throw new QueryParameters.Invalid(name, $"{name} must be a quarter such as 2025Q4.");

    private static Quarter Back(Quarter quarter, int steps)
    {
        for (var i = 0; i < steps; i++) quarter = quarter.Previous();
        return quarter;
    }
}
