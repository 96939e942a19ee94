using System.Diagnostics;
using RiskMap.Core.Access;
using RiskMap.Core.Localization;
using RiskMap.Data.Access;
using RiskMap.Data.Queries;
using RiskMap.Data.Tiles;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Exports;
using RiskMap.Web.Features.MapImages;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Briefs;

/// <summary>The regional and national briefs: one region's (or the country's) quarter on a few PDF pages, audited as exports.</summary>
public static class BriefEndpoints
{
    public const string Pdf = "application/pdf";

    private const string Contents =
        "period: a published quarter such as 2025Q4 (default: the latest); lang: kk, ru or en (default: Accept-Language, else English) for " +
        "every text, number and date. The brief holds the districts' map, the key figures with their change on the quarter and the year (a " +
        "rise or fall only beyond its uncertainty, as the map says it), the riskiest districts and schools with their reasons, the next " +
        "quarters' forecasts (after the latest quarter only), the open alerts and the status of the programmes' measures (due, overdue, " +
        "done), each as the caller may see it through the API (/api/scores, /api/hotspots, /api/forecasts, /api/alerts, /api/programmes). " +
        "Each page names the area and quarter, says when it was made (Asia/Almaty) and, on demo data, that they are demo data; the text " +
        "is in an embedded font with the Kazakh letters. Every brief is audited like an export and counts towards Access:ExportsPerMinute. " +
        "404 when nothing is published; 503 when the server lacks a font with Kazakh and Russian letters.";

    public static IServiceCollection AddBriefs(this IServiceCollection services) => services
        .AddSingleton<BriefContent>()
        .AddSingleton<BriefPdf>();

    public static void MapBriefEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/briefs/region.pdf", async (HttpContext http, MapDataWatcher watcher, GeographyQueries geography, BriefContent content, BriefPdf pdf,
                string? region, string? period, string? lang) =>
            {
                var scope = http.CallerScope();
                if (scope.RefuseWithoutDetail("briefs") is { } refusal) return refusal;
                var regionKato = QueryParameters.Kato("region", region)
                                 ?? throw new QueryParameters.Invalid("region", "region must be a region's KATO code, e.g. 750000000.");
                if (await scope.RefuseFiltersAsync(geography, regionKato, null, schoolLevel: true) is { } outside) return outside;
                return await AnswerAsync(http, watcher, pdf, period, lang, regionKato, (version, quarter, language) =>
                    content.RegionAsync(regionKato, quarter, version, language, scope));
            })
            .Describe("A region's brief (PDF) for one quarter.",
                "region: the region's KATO code; the caller's scope must hold it (an analyst: every region; a planner or education " +
                "department: their own; 403 otherwise, 401 without a sign-in). " + Contents);

        api.MapGet("/briefs/national.pdf", async (HttpContext http, MapDataWatcher watcher, BriefContent content, BriefPdf pdf, string? period,
                string? lang) =>
            {
                var scope = http.CallerScope();
                if (scope.RefuseWithoutDetail("briefs") is { } refusal) return refusal;
                if (!scope.IsNational) return ApiProblems.OutOfScope("The national brief is for analysts, who see the whole country.");
                return await AnswerAsync(http, watcher, pdf, period, lang, null, async (version, quarter, language) =>
                    await content.NationalAsync(quarter, version, language, scope));
            })
            .Describe("The country's brief (PDF) for one quarter, for analysts.",
                "The regions' figures in one table, the riskiest districts and schools of the country. Analysts only (403 for other " +
                "roles, 401 without a sign-in). " + Contents);
    }

    private static void Describe(this RouteHandlerBuilder endpoint, string summary, string description) => endpoint
        .WithSummary(summary)
        .WithDescription(description)
        .AsExport(Pdf, ["Briefs"])
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> AnswerAsync(HttpContext http, MapDataWatcher watcher, BriefPdf pdf, string? period, string? lang,
        string? regionKato, Func<MapDataVersion, string, Language, Task<Brief?>> build)
    {
        var language = QueryParameters.Language(lang, http.Request.Headers.AcceptLanguage.FirstOrDefault());
        var version = await watcher.CurrentAsync();
        if (version.Run is null || QueryParameters.PublishedQuarter("period", period, version) is not { } quarter)
            return ApiProblems.NotFound("scores", "No score run has been published yet: POST /api/score-runs starts one.");

        var started = Stopwatch.GetTimestamp();
        byte[] file;
        try
        {
            if (await build(version, quarter, language) is not { } brief)
                return ApiProblems.NotFound("region", $"Region {regionKato} has no score in {quarter}.");
            file = pdf.Write(brief);
        }
        catch (MapFonts.Missing e)
        {
            return Results.Problem(title: "No font for briefs", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        http.Response.Headers["Server-Timing"] = FormattableString.Invariant($"brief;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.#}");

        var kind = regionKato is null ? "national" : "region";
        await http.AuditAsync(AuditLog.Actions.Export, $"brief {kind} {regionKato ?? "kz"} {quarter}", new Dictionary<string, object?>
        {
            ["format"] = "pdf", ["kind"] = kind, ["region"] = regionKato, ["period"] = quarter, ["lang"] = language.Code(), ["bytes"] = file.Length,
        });
        return Results.File(file, Pdf, $"riskmap-brief-{regionKato ?? "kz"}-{quarter}-{language.Code()}.pdf");
    }
}
