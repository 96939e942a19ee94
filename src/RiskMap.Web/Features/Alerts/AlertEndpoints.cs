using RiskMap.Core.Access;
using RiskMap.Core.Alerts;
using RiskMap.Core.Localization;
using RiskMap.Core.Text;
using RiskMap.Data.Access;
using RiskMap.Data.Alerts;
using RiskMap.Data.Queries;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Exports;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Alerts;

public sealed record AlertList(int Total, int Page, int PageSize, IReadOnlyList<Alert> Alerts);

public sealed record AcknowledgementBody(string? Note);

/// <summary>The alerts each published score run raises (README, "Alerts"), as the caller may see them, and their acknowledgement.</summary>
public static class AlertEndpoints
{
    private const int MaxNote = 1000;
    private const int MaxExported = 10_000;

    private const string Scope =
        "Only alerts about units you see in full are given, as an alert is derived from the unit's scores: an analyst's the whole country, " +
        "a planner's their region, an education department's its region or district (with their schools). Needs an analyst, planner " +
        "or education role: 401 for the public, 403 for a data steward (who configures the rules, GET /api/alert-rules). ";

    private const string Filters =
        "status: new or acknowledged (default both); rule: clear-rise, emerging-hot-spot, programme-target-rise or forecast-high-risk; region: a region's KATO " +
        "(403 for a region outside a planner's or education department's scope, 404 unknown). ";

    public static void MapAlertEndpoints(this IEndpointRouteBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts");

        alerts.MapGet("/", async (HttpContext http, AlertQueries queries, GeographyQueries geography, string? status, string? rule, string? region,
                string? page, string? pageSize) =>
            {
                if (await RefuseAsync(http, geography, region) is { } refusal) return refusal;
                var number = QueryParameters.WholeNumber("page", page, 1, 1, 100_000);
                var size = QueryParameters.WholeNumber("pageSize", pageSize, 50, 1, 500);
                var found = await queries.ListAsync(Filter(status, rule, region, (number - 1) * size, size), http.CallerScope());
                return Results.Ok(new AlertList(found.Total, number, size, found.Alerts));
            })
            .WithName("Alerts")
            .WithSummary("Early-warning alerts in the caller's scope, newest first, paged, with how many match (total).")
            .WithDescription(Scope + Filters + "page (from 1) and pageSize (1–500, default 50). Each alert names its rule, unit (level, code, " +
                "names, region and district), the quarter it is about, the score and its clear rise (clear-rise, programme-target-rise), the " +
                "emerging hot spot category, or the probability of risk level 4–5 horizon quarters ahead, in forecastPeriod " +
                "(forecast-high-risk), the run that first raised it and the rules' version, when it was raised, and its status: new, or " +
                "acknowledged with who, when and the note. One alert per rule, unit and quarter: later runs never raise it again.")
            .Produces<AlertList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        alerts.MapGet("/{id:long}", async (HttpContext http, AlertQueries queries, GeographyQueries geography, long id) =>
            {
                if (await RefuseAsync(http, geography, null) is { } refusal) return refusal;
                return await queries.FindAsync(id, http.CallerScope()) is { } alert ? Results.Ok(alert) : UnknownAlert(id);
            })
            .WithSummary("One alert; 404 when there is none or its unit is outside your scope.")
            .WithDescription(Scope)
            .Produces<Alert>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        alerts.MapPost("/{id:long}/acknowledgement", async (HttpContext http, AlertQueries queries, GeographyQueries geography, long id,
                AcknowledgementBody body) =>
            {
                if (await RefuseAsync(http, geography, null) is { } refusal) return refusal;
                if (!VisibleText.In(body.Note)) return ApiProblems.BadParameter("note", "note is required: say what was done or decided.");
                if (body.Note!.Length > MaxNote) return ApiProblems.BadParameter("note", $"note is at most {MaxNote} characters.");
                if (ControlCharacters.In(body.Note)) return ApiProblems.BadParameter("note", "note holds control or bidi characters.");
                var scope = http.CallerScope();
                var audit = new AuditEntry(scope.User, scope.Role?.ToCode(), AuditLog.Actions.AlertAcknowledged, $"alert {id}",
                    new Dictionary<string, object?> { ["note"] = body.Note }, AccessSetup.ClientAddress(http));
                var (outcome, alert) = await queries.AcknowledgeAsync(id, body.Note, scope, audit);
                return outcome switch
                {
                    AcknowledgeOutcome.Acknowledged => Results.Ok(alert),
                    AcknowledgeOutcome.AlreadyAcknowledged => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already acknowledged",
                        detail: $"Alert {id} was acknowledged by {alert!.AcknowledgedBy} at {alert.AcknowledgedAt:O}.",
                        extensions: new Dictionary<string, object?> { ["code"] = "already-acknowledged" }),
                    _ => UnknownAlert(id),
                };
            })
            .WithSummary("Acknowledges an alert with a note (who and when are recorded and shown); audited.")
            .WithDescription("""Body: {"note": "what was done or decided"} (required, at most 1,000 characters). """ + Scope +
                "404 when there is no such alert or its unit is outside your scope; 409 when it is already acknowledged.")
            .Produces<Alert>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/exports/alerts", async (HttpContext http, AlertQueries queries, GeographyQueries geography, CatalogueQueries catalogue,
                string? status, string? rule, string? region, string? format, string? sep, string? lang) =>
            {
                if (await RefuseAsync(http, geography, region) is { } refusal) return refusal;
                if (TableFile.RefuseOptions(format, sep) is { } badOptions) return badOptions;
                var language = QueryParameters.Language(lang, http.Request.Headers.AcceptLanguage.FirstOrDefault());
                var scope = http.CallerScope();
                var filter = Filter(status, rule, region, 0, MaxExported);
                var found = await queries.ListAsync(filter, scope);
                var demo = await catalogue.HoldsDemoDataAsync();
                var (regionKato, districtKato) = filter.RegionKato is not null ? (filter.RegionKato, null) : (scope.RegionKato, scope.DistrictKato);
                var areaKato = districtKato ?? regionKato;
                var sheet = new AlertSheet(found.Alerts, language, demo,
                    ExportTexts.Area(regionKato, districtKato, areaKato is null ? null : await geography.NamesAsync(areaKato), language));
                await http.AuditAsync(AuditLog.Actions.Export, "alerts", new Dictionary<string, object?>
                {
                    ["format"] = TableFile.Extension(format), ["status"] = filter.Status, ["rule"] = filter.Rule, ["region"] = filter.RegionKato,
                    ["rows"] = found.Alerts.Count,
                });
                return await TableFile.ResultAsync(http, sheet, format, sep, $"riskmap-alerts-{filter.RegionKato ?? "kz"}{(demo ? "-demo" : "")}");
            })
            .WithSummary("The alert list (as GET /api/alerts gives it, every page, at most 10,000) as a CSV or XLSX file.")
            .WithDescription(Scope + Filters + "format: csv (default; UTF-8 with a byte order mark) or xlsx (a title row, a bold, filtered and " +
                "frozen header, the sheet named in the language); sep: ',' (default) or ';' (then with decimal commas); lang: kk, ru or en " +
                "for every heading and text (rules, levels, hot spot categories, statuses). Named riskmap-alerts-REGION|kz[-demo].EXT; audited " +
                "(format, filters, rows); at most Access:ExportsPerMinute per user.")
            .AsExport("Alerts");
    }

    /// <summary>401 for the public, 403 for a steward or a region outside the scope, 404 for an unknown region.</summary>
    private static async Task<IResult?> RefuseAsync(HttpContext http, GeographyQueries geography, string? region)
    {
        var scope = http.CallerScope();
        if (scope.RefuseWithoutDetail("alerts") is { } refusal) return refusal;
        return await scope.RefuseFiltersAsync(geography, QueryParameters.Kato("region", region), null, schoolLevel: true);
    }

    private static AlertFilter Filter(string? status, string? rule, string? region, int offset, int limit)
    {
        if (status is not null && !AlertQueries.Statuses.Contains(status))
            throw new QueryParameters.Invalid("status", "status must be new or acknowledged.");
        if (rule is not null && !AlertRuleSet.Codes.Contains(rule))
            throw new QueryParameters.Invalid("rule", $"rule must be one of {string.Join(", ", AlertRuleSet.Codes)}.");
        return new AlertFilter(status, rule, QueryParameters.Kato("region", region), offset, limit);
    }

    private static IResult UnknownAlert(long id) => ApiProblems.NotFound("alert", $"There is no alert {id} in your scope.");
}
