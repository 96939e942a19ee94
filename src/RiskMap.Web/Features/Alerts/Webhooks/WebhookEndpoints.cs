using System.Buffers.Text;
using System.Security.Cryptography;
using RiskMap.Core.Access;
using RiskMap.Data.Access;
using RiskMap.Data.Alerts;
using RiskMap.Data.Queries;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Alerts.Webhooks;

public sealed record WebhookBody(string? Url, string? Region);

/// <summary>A subscriber as registered, with its secret: the only time the secret is shown.</summary>
public sealed record RegisteredWebhook(WebhookSubscriber Subscriber, string Secret);

/// <summary>The data steward's webhook subscribers for alerts: register (the secret shown once), list, remove, and read the delivery log.</summary>
public static class WebhookEndpoints
{
    private const string Delivery =
        "Each alert raised after registration whose unit the subscriber's scope sees in full (a region: as its planner sees it; none: " +
        "nationally, as an analyst) is POSTed to the URL as JSON {delivery, attempt, alert} with the header X-RiskMap-Signature: " +
        "t=UNIX-SECONDS,v1=HEX, HMAC-SHA256 with the secret over \"t.body\". A receiver answering other than 2xx, or not at all, is " +
        "tried again after Webhooks:FirstRetrySeconds, then twice as long each time up to Webhooks:MaxRetrySeconds, at most " +
        "Webhooks:MaxAttempts times. ";

    public static void MapWebhookEndpoints(this IEndpointRouteBuilder api)
    {
        var hooks = api.MapGroup("/alert-webhooks").WithTags("Alerts").RequireAuthorization(AccessSetup.StewardPolicy);

        hooks.MapGet("/", async (WebhookStore store) => Results.Ok(await store.ListAsync()))
            .WithSummary("The webhook subscribers for alerts, with how many deliveries were delivered, are pending and failed (no secrets).")
            .WithDescription(Delivery + "Data steward only.")
            .Produces<IReadOnlyList<WebhookSubscriber>>();

        hooks.MapPost("/", async (HttpContext http, WebhookStore store, GeographyQueries geography, WebhookBody body) =>
            {
                if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.UserInfo != "" ||
                    body.Url!.Length > 2000)
                    return ApiProblems.BadParameter("url", "url must be an absolute http or https address (at most 2,000 characters, no user name).");
                var region = QueryParameters.Kato("region", body.Region);
                if (region is not null && !await geography.RegionExistsAsync(region))
                    return ApiProblems.NotFound("region", $"There is no region with KATO {region}.");
                var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
                var scope = http.CallerScope();
                var saved = await store.RegisterAsync(url.AbsoluteUri, region, secret, scope.User, id => new AuditEntry(scope.User,
                    scope.Role?.ToCode(), AuditLog.Actions.WebhookRegistered, $"webhook {id}",
                    new Dictionary<string, object?> { ["url"] = url.AbsoluteUri, ["region"] = region }, AccessSetup.ClientAddress(http)));
                return Results.Created($"/api/alert-webhooks/{saved.Id}", new RegisteredWebhook(saved, secret));
            })
            .WithSummary("Registers a webhook subscriber for alerts; the answer holds its signing secret, shown this once; audited.")
            .WithDescription("""Body: {"url": "https://…", "region": "750000000" or null for national}. """ + Delivery +
                "Data steward only; 400 for a URL that is not http(s) or a malformed region, 404 for an unknown region.")
            .Produces<RegisteredWebhook>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        hooks.MapDelete("/{id:long}", async (HttpContext http, WebhookStore store, long id) =>
            {
                var scope = http.CallerScope();
                var removed = await store.RemoveAsync(id, new AuditEntry(scope.User, scope.Role?.ToCode(), AuditLog.Actions.WebhookRemoved,
                    $"webhook {id}", new Dictionary<string, object?>(), AccessSetup.ClientAddress(http)));
                return removed ? Results.NoContent() : Unknown(id);
            })
            .WithSummary("Removes a subscriber: nothing more is sent to it, its pending deliveries fail, its log stays; audited.")
            .WithDescription("Data steward only; 404 when there is no such subscriber.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        hooks.MapGet("/{id:long}/deliveries", async (WebhookStore store, long id, string? limit) =>
                await store.DeliveriesAsync(id, QueryParameters.WholeNumber("limit", limit, 100, 1, 1000)) is { } log ? Results.Ok(log) : Unknown(id))
            .WithSummary("A subscriber's delivery log, newest first: each alert's status (pending, delivered, failed), attempts and next try, and every attempt.")
            .WithDescription("Each attempt has its time, the receiver's status code (null when it could not be reached, with the error) and " +
                "when the next is due. limit: 1–1,000 deliveries (default 100). Data steward only; 404 when there is no such subscriber.")
            .Produces<IReadOnlyList<WebhookDelivery>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult Unknown(long id) => ApiProblems.NotFound("webhook", $"There is no webhook subscriber {id}.");
}
