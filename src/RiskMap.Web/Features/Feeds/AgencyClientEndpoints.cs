using RiskMap.Core.Access;
using RiskMap.Data.Access;
using RiskMap.Data.Feeds;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Feeds;

public sealed record AgencyClientBody(string? Name, string? Description, IReadOnlyList<string>? Indicators, IReadOnlyList<string>? Regions, int? ExpiresInDays);

/// <summary>A change of what a client may write; a field left out (null) stays as it is.</summary>
public sealed record AgencyClientChange(string? Description, IReadOnlyList<string>? Indicators, IReadOnlyList<string>? Regions);

/// <summary>
/// A new key; with <c>Replaces</c>, a rotation: the key in force it replaces stays in force for <c>OverlapHours</c> more.
/// </summary>
public sealed record KeyBody(long? Replaces, int? OverlapHours, int? ExpiresInDays);

/// <summary>A client with a key just issued: the only time the key (<c>rmk.&lt;id&gt;.&lt;secret&gt;</c>) is shown.</summary>
public sealed record IssuedKey(AgencyClient Client, string Key);

/// <summary>The data steward's agency clients: register one (with its first key), change what it may write, issue or rotate keys, revoke them; all audited.</summary>
public static class AgencyClientEndpoints
{
    private const int DefaultExpiryDays = 365;
    private const int MaxExpiryDays = 730;
    private const int DefaultOverlapHours = 24;

    public static void MapAgencyClientEndpoints(this IEndpointRouteBuilder api)
    {
        var clients = api.MapGroup("/agency-clients").WithTags("Feeds").RequireAuthorization(AccessSetup.StewardPolicy);

        clients.MapGet("/", async (AgencyClientStore store) => Results.Ok(await store.ListAsync()))
            .WithSummary("The agency clients with what each may write and its keys (no secrets): created, expiry, revocation and last use.")
            .WithDescription("Data steward only. A key's lastUsedAt is kept to the minute.")
            .Produces<IReadOnlyList<AgencyClient>>();

        clients.MapPost("/", async (HttpContext http, AgencyClientStore store, TimeProvider clock, AgencyClientBody body) =>
            {
                if (body.Name is not { } name || !System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9][a-z0-9-]{1,59}$"))
                    return ApiProblems.BadParameter("name", "name must be 2 to 60 characters of a-z, 0-9 and '-', starting with a letter or digit.");
                if (Expiry(clock, body.ExpiresInDays) is not { } expiresAt)
                    return ApiProblems.BadParameter("expiresInDays", $"expiresInDays must be 1 to {MaxExpiryDays}.");
                var (description, indicators, regions) = (body.Description?.Trim() ?? "", body.Indicators ?? [], body.Regions ?? []);
                if (await RefusedPermissionsAsync(store, description, indicators, regions) is { } refused) return refused;

                var scope = http.CallerScope();
                var registered = await store.RegisterAsync(name, description, [.. indicators.Distinct()], [.. regions.Distinct()], expiresAt, scope.User,
                    id => Audit(http, AuditLog.Actions.AgencyClientRegistered, id, new Dictionary<string, object?>
                    {
                        ["name"] = name, ["indicators"] = indicators, ["regions"] = regions, ["expiresAt"] = expiresAt,
                    }));
                if (registered is not { } issued)
                    return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Name taken", detail: $"There is already an agency client named '{name}'.",
                        extensions: new Dictionary<string, object?> { ["code"] = "name-taken" });
                return Results.Created($"/api/agency-clients/{issued.Client.Id}", new IssuedKey(issued.Client, issued.Key.ToString()));
            })
            .WithSummary("Registers an agency client with the indicators and regions it may write, and issues its first API key, shown this once; audited.")
            .WithDescription("""Body: {"name": "police-75", "description": "…", "indicators": ["offences_by_minors"], "regions": ["750000000"], "expiresInDays": 365}. """ +
                "A district or school counts as its region. The client sends the key in the X-Api-Key header. Data steward only; 400 for a " +
                "malformed field, 404 for an unknown indicator or region, 409 when the name is taken.")
            .Produces<IssuedKey>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        clients.MapPatch("/{id:long}", async (HttpContext http, AgencyClientStore store, long id, AgencyClientChange body) =>
            {
                var description = body.Description?.Trim();
                if (await RefusedPermissionsAsync(store, description, body.Indicators, body.Regions) is { } refused) return refused;
                var changed = await store.ChangeAsync(id, description, body.Indicators?.Distinct().ToList(), body.Regions?.Distinct().ToList(),
                    (before, after) => Audit(http, AuditLog.Actions.AgencyClientChanged, id, new Dictionary<string, object?>
                    {
                        ["before"] = Permissions(before), ["after"] = Permissions(after),
                    }));
                return changed is null ? Unknown(id) : Results.Ok(changed);
            })
            .WithSummary("Changes what an agency client may write (indicators, regions) and its description (only the fields sent); audited with before and after.")
            .WithDescription("""Body: any of {"description": "…", "indicators": ["offences_by_minors"], "regions": ["750000000"]}. """ +
                "The client's next batch is checked against the new lists: values of an indicator or region taken away are refused. Data steward " +
                "only; 400 for a malformed field, 404 for an unknown client, indicator or region.")
            .Produces<AgencyClient>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        clients.MapPost("/{id:long}/keys", async (HttpContext http, AgencyClientStore store, TimeProvider clock, long id, KeyBody body) =>
            {
                if (Expiry(clock, body.ExpiresInDays) is not { } expiresAt)
                    return ApiProblems.BadParameter("expiresInDays", $"expiresInDays must be 1 to {MaxExpiryDays}.");
                if ((body.OverlapHours ?? DefaultOverlapHours) is < 0 or > 720)
                    return ApiProblems.BadParameter("overlapHours", "overlapHours must be 0 to 720.");
                var overlapUntil = clock.GetUtcNow().AddHours(body.OverlapHours ?? DefaultOverlapHours);
                var key = await store.IssueKeyAsync(id, expiresAt, body.Replaces, overlapUntil, http.CallerScope().User,
                    Audit(http, AuditLog.Actions.AgencyKeyIssued, id, new Dictionary<string, object?>
                    {
                        ["replaces"] = body.Replaces, ["overlapUntil"] = body.Replaces is null ? null : overlapUntil, ["expiresAt"] = expiresAt,
                    }));
                if (key is null)
                    return body.Replaces is { } old
                        ? ApiProblems.NotFound("key", $"Agency client {id} has no key {old} in force.")
                        : Unknown(id);
                return Results.Created($"/api/agency-clients/{id}", new IssuedKey((await store.FindAsync(id))!, key.ToString()));
            })
            .WithSummary("Issues another API key for a client, shown this once; with replaces, a rotation: the old key stays in force for overlapHours (24) more; audited.")
            .WithDescription("""Body: {"replaces": 3, "overlapHours": 24, "expiresInDays": 365}, every field optional. """ +
                "Revoke the old key once the client uses the new one. Data steward only; 404 for an unknown client or a replaced key not in force.")
            .Produces<IssuedKey>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        clients.MapDelete("/{id:long}/keys/{keyId:long}", async (HttpContext http, AgencyClientStore store, long id, long keyId) =>
                await store.RevokeKeyAsync(id, keyId, http.CallerScope().User,
                    Audit(http, AuditLog.Actions.AgencyKeyRevoked, id, new Dictionary<string, object?> { ["key"] = keyId }))
                    ? Results.NoContent()
                    : ApiProblems.NotFound("key", $"Agency client {id} has no key {keyId} in force."))
            .WithSummary("Revokes a client's API key: refused from the next request on; audited.")
            .WithDescription("Data steward only; 404 when the client has no such key not yet revoked.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// The refusal of a description, indicator list or region list that is given (not null) and not acceptable, the same
    /// for a registration and a change; null when all given are.
    /// </summary>
    private static async Task<IResult?> RefusedPermissionsAsync(AgencyClientStore store, string? description, IReadOnlyList<string>? indicators,
        IReadOnlyList<string>? regions)
    {
        if (description is { } text && (text.Length > 500 || TextInputGuard.HasControlCharacters(text)))
            return ApiProblems.BadParameter("description", "description must be at most 500 printable characters.");
        if (indicators is { Count: 0 }) return ApiProblems.BadParameter("indicators", "indicators must list at least one indicator code.");
        if (regions is not null && (regions.Count == 0 || regions.Any(r => QueryParameters.Kato("regions", r) is null)))
            return ApiProblems.BadParameter("regions", "regions must list at least one region's nine-digit KATO code.");
        var unknown = await store.UnknownAsync(indicators ?? [], regions ?? []);
        if (unknown.Indicators.Count > 0) return ApiProblems.NotFound("indicator", $"There is no indicator {string.Join(", ", unknown.Indicators)}.");
        if (unknown.Regions.Count > 0) return ApiProblems.NotFound("region", $"There is no region with KATO {string.Join(", ", unknown.Regions)}.");
        return null;
    }

    private static Dictionary<string, object?> Permissions(AgencyClient client) => new()
    {
        ["description"] = client.Description, ["indicators"] = client.Indicators, ["regions"] = client.Regions,
    };

    private static DateTimeOffset? Expiry(TimeProvider clock, int? days) =>
        (days ?? DefaultExpiryDays) is var d and >= 1 and <= MaxExpiryDays ? clock.GetUtcNow().AddDays(d) : null;

    private static AuditEntry Audit(HttpContext http, string action, long client, Dictionary<string, object?> details)
    {
        var scope = http.CallerScope();
        return new AuditEntry(scope.User, scope.Role?.ToCode(), action, $"agency client {client}", details, AccessSetup.ClientAddress(http));
    }

    private static IResult Unknown(long id) => ApiProblems.NotFound("agency client", $"There is no agency client {id}.");
}
