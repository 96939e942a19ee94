using System.Globalization;
using RiskMap.Data.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Access;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/audit", async (AuditLog log, string? actor, string? action, string? from, string? to, string? limit, string? before) =>
            {
                var filter = new AuditFilter(actor, action, Instant("from", from), Instant("to", to),
                    QueryParameters.Limit(limit, 100, 1000), Before(before));
                return Results.Ok(await log.QueryAsync(filter));
            })
            .WithTags("Access")
            .RequireAuthorization(AccessSetup.StewardPolicy)
            .WithSummary("The audit log, newest first (data steward): sign-ins, school-level views, exports, imports, weight changes, users.")
            .WithDescription("Filters: actor, action, from/to (ISO 8601 instants), limit (100, at most 1000), before (an id, to page on).")
            .Produces<IReadOnlyList<AuditRecord>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static long? Before(string? text) =>
        text is null ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
        : throw new QueryParameters.Invalid("before", "before must be the id of an audit entry.");

    private static DateTimeOffset? Instant(string name, string? text) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant
        : throw new QueryParameters.Invalid(name, $"{name} must be an ISO 8601 instant such as 2026-11-01T00:00:00Z.");
}
