using RiskMap.Core.Access;
using RiskMap.Core.Indicators;
using RiskMap.Data.Access;
using RiskMap.Data.Queries;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Exports;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Rating;

/// <summary>The rating of akimats (docs/rating.md): the league table of the regions, or of a region's districts, and its file.</summary>
public static class RatingEndpoints
{
    private const string Description =
        "The rating of akimats (docs/rating.md): per region (or, with region, per district of that region) five components on 0–100, " +
        "100 the better — risk-level (100 − 10 × the composite score), risk-change (the year's change; no clear change counts 50), " +
        "execution (programme measures due: done by the deadline and not overdue), effect (targets' change against their comparison " +
        "groups) and data-delivery (quarters delivered within 45 days, schools with data) —, their weighted mean (weights in the answer, " +
        "renormalised over the components a unit has; missing lists those it lacks; a unit without a score is not rated), the rating's " +
        "interval from the score's 5–95 % interval, the rank (1 = best) and the rank band those intervals allow; inputs holds every " +
        "number the rating was computed from, so it can be recomputed. period: a published quarter (default: the latest); region: a " +
        "region's KATO (404 unknown). A rating is a conversation starter, not proof. Scope: the rating rests on the units' scores, so " +
        "figures and ranks are given only for units the caller sees in full — an analyst every region and district; a planner or " +
        "education department their region's (or district's) units, other units by name only, ranked among those they see in full, " +
        "as the map's ranking is. Needs an analyst, planner or education role: 401 for the public (who see no scores), 403 for a data steward.";

    public static void MapRatingEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/rating", async (HttpContext http, RatingReport report, GeographyQueries geography, MapDataWatcher published, string? period,
                string? region) =>
            {
                var (table, refusal) = await TableAsync(http, report, geography, published, period, region);
                return refusal ?? Results.Ok(table);
            })
            .WithName("Rating")
            .WithTags("Rating")
            .WithSummary("The rating of akimats: the regions, or a region's districts, with components, rank and rank band, best first.")
            .WithDescription(Description)
            .Produces<RatingTable>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/exports/rating", async (HttpContext http, RatingReport report, GeographyQueries geography, CatalogueQueries catalogue,
                MapDataWatcher published, string? period, string? region, string? format, string? sep, string? lang) =>
            {
                if (TableFile.RefuseOptions(format, sep) is { } badOptions) return badOptions;
                var language = QueryParameters.Language(lang, http.Request.Headers.AcceptLanguage.FirstOrDefault());
                var (table, refusal) = await TableAsync(http, report, geography, published, period, region);
                if (refusal is not null) return refusal;
                var demo = await catalogue.HoldsDemoDataAsync();
                var area = ExportTexts.Area(table!.Region, null, table.Region is null ? null : await geography.NamesAsync(table.Region), language);
                var sheet = new RatingSheet(table, language, demo, area);
                await http.AuditAsync(AuditLog.Actions.Export, $"rating {table.Level} {table.Period}", new Dictionary<string, object?>
                {
                    ["format"] = TableFile.Extension(format), ["level"] = table.Level, ["region"] = table.Region, ["period"] = table.Period,
                    ["rows"] = sheet.Rows.Count,
                });
                return await TableFile.ResultAsync(http, sheet, format, sep, $"riskmap-rating-{table.Level}-{table.Region ?? "kz"}-{table.Period}{(demo ? "-demo" : "")}");
            })
            .WithSummary("The rating of akimats (as GET /api/rating gives it, the rated units) as a CSV or XLSX file.")
            .WithDescription("period and region as for GET /api/rating. format: csv (default; UTF-8 with a byte order mark) or xlsx (a title " +
                "row naming the rating, units, quarter, area and the caveat; a bold, filtered and frozen header; the sheet named in the " +
                "language); sep: ',' (default) or ';' (then with decimal commas); lang: kk, ru or en for every heading and text. Named " +
                "riskmap-rating-LEVEL-REGION|kz-PERIOD[-demo].EXT; audited (format, filters, rows); at most Access:ExportsPerMinute per user.")
            .AsExport("Rating");
    }

    private static async Task<(RatingTable? Table, IResult? Refusal)> TableAsync(HttpContext http, RatingReport report, GeographyQueries geography,
        MapDataWatcher published, string? period, string? region)
    {
        var scope = http.CallerScope();
        if (scope.RefuseWithoutDetail("the rating") is { } refusal) return (null, refusal);
        var regionKato = QueryParameters.Kato("region", region);
        if (await scope.RefuseFiltersAsync(geography, regionKato, null, schoolLevel: false) is { } unknown) return (null, unknown);
        var version = await published.CurrentAsync();
        if (QueryParameters.PublishedQuarter("period", period, version) is not { } quarter || !Quarter.TryParse(quarter, out var parsed))
            return (null, ApiProblems.NotFound("scores", "No score run has been published yet."));
        return await report.BuildAsync(parsed, regionKato, scope) is { } table
            ? (table, null)
            : (null, ApiProblems.NotFound("scores", "No score run has been published yet."));
    }
}
