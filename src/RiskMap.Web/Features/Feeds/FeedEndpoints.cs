using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using RiskMap.Core.Localization;
using RiskMap.Data.Access;
using RiskMap.Data.Feeds;
using RiskMap.Data.Imports;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Imports;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Feeds;

public sealed record FeedBody(string? BatchKey, string? SourceSystem, IReadOnlyList<FeedValue>? Values);

/// <summary>The push endpoint of agency clients: a batch of indicator values, stored as an indicator import is.</summary>
public static partial class FeedEndpoints
{
    private const string BatchRules =
        "The values go through the indicator import's checks and writes (as POST /api/imports/indicators with a CSV of " +
        "entity_level, entity_code, indicator, period, value, denominator): all or nothing, findings with the value's index " +
        "(row, from 0) and field, in the language of Accept-Language or ?lang=kk|ru|en; the recompute follows as after an import. " +
        "A value of an indicator or region the client may not write refuses the whole batch (403, code feed-not-permitted, " +
        "listing row and field). The batchKey (1-100 of A-Z a-z 0-9 . _ : -) is the client's: the same key with the same " +
        "content returns the first result (Idempotent-Replayed: true), with other content 409 (batch-key-conflict). " +
        "At most Feeds:BatchesPerMinute batches per client per minute (429 with Retry-After). Each value keeps its provenance: " +
        "the import batch (GET /api/imports/batches/{id}: client, batch key, time received) and the source system as its source.";

    public static void MapFeedEndpoints(this IEndpointRouteBuilder api)
    {
        // The scheme named in the metadata too, so the OpenAPI document declares the X-Api-Key requirement.
        var feeds = api.MapGroup("/feeds").WithTags("Feeds")
            .RequireAuthorization(new AuthorizeAttribute(FeedAccess.FeedPolicy) { AuthenticationSchemes = FeedAccess.ApiKeyScheme });

        feeds.MapPost("/observations", PushAsync)
            .RequireRateLimiting(FeedAccess.FeedLimit)
            .DisableAntiforgery()
            .WithSummary("Pushes a batch of indicator values from an agency client (API key in X-Api-Key); idempotent by batchKey.")
            .WithDescription(BatchRules)
            .Produces<FeedResult>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        feeds.MapGet("/batches/{batchKey}", async (HttpContext http, FeedService service, string batchKey) =>
                await service.FindAsync(ApiKeyHandler.Caller(http.User).ClientId, batchKey) is { } result
                    ? Results.Ok(result)
                    : ApiProblems.NotFound("batch", $"This client has stored no batch with the key '{batchKey}'."))
            .WithSummary("The result of one of the calling client's batches, by its batch key.")
            .WithDescription("Agency clients only (X-Api-Key); 404 for a key the client has not stored (a refused batch stores nothing).")
            .Produces<FeedResult>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex BatchKeyForm();

    private static async Task<IResult> PushAsync(HttpContext http, FeedService service, AuditLog audit, FeedBody body, string? lang, CancellationToken cancellationToken)
    {
        var language = QueryParameters.Language(lang, http.Request.Headers.AcceptLanguage.FirstOrDefault());
        if (body.BatchKey is not { } batchKey || !BatchKeyForm().IsMatch(batchKey))
            return ApiProblems.BadParameter("batchKey", "batchKey must be 1 to 100 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'.");
        if (body.Values is not { Count: > 0 } values) return ApiProblems.BadParameter("values", "values must hold at least one value.");
        ImportOptions options;
        try
        {
            options = ImportOptions.Parse(ImportKind.Indicators, [new("source", body.SourceSystem)]);
        }
        catch (InvalidImportOptionException e)
        {
            return ApiProblems.BadParameter("sourceSystem", $"sourceSystem {e.Message[(e.Message.IndexOf(':') + 2)..]}.");
        }

        var caller = ApiKeyHandler.Caller(http.User);
        var actor = ApiKeyHandler.ClientName(caller.Name);
        Task AuditAsync(string action, string? target, Dictionary<string, object?> details) =>
            audit.WriteAsync(new AuditEntry(actor, null, action, target, details, AccessSetup.ClientAddress(http)));
        var batch = new FeedBatchRequest(batchKey, options.Source, values);
        try
        {
            switch (await service.PushAsync(caller, batch, cancellationToken))
            {
                case FeedOutcome.Stored { Replayed: true } stored:
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                    return Results.Created($"/api/feeds/batches/{batchKey}", stored.Result);
                case FeedOutcome.Stored stored:
                    await AuditAsync(AuditLog.Actions.Import, $"indicators batch {stored.Result.BatchId}", new()
                    {
                        ["batchKey"] = batchKey, ["sourceSystem"] = batch.SourceSystem, ["rowsRead"] = stored.Result.RowsRead,
                        ["inserted"] = stored.Result.Inserted, ["updated"] = stored.Result.Updated,
                    });
                    return Results.Created($"/api/feeds/batches/{batchKey}", stored.Result);
                case FeedOutcome.Conflict conflict:
                    return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: FeedTexts.ConflictTitle(language),
                        detail: $"The batch key '{batchKey}' was used for other content (import batch {conflict.First.BatchId}); choose a new key.",
                        extensions: new Dictionary<string, object?> { ["code"] = "batch-key-conflict", ["batchId"] = conflict.First.BatchId });
                case FeedOutcome.NotPermitted refused:
                    await AuditAsync(AuditLog.Actions.FeedRefused, $"feed batch {batchKey}", new()
                    {
                        ["sourceSystem"] = batch.SourceSystem, ["values"] = values.Count, ["refused"] = refused.Refusals.Count,
                    });
                    return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: FeedTexts.NotPermittedTitle(language),
                        detail: FeedTexts.NotPermittedDetail(language),
                        extensions: new Dictionary<string, object?>
                        {
                            ["code"] = "feed-not-permitted", ["errorCount"] = refused.Refusals.Count, ["issues"] = refused.Refusals,
                        });
            }
        }
        catch (ImportFailedException failed)
        {
            await AuditAsync(AuditLog.Actions.Import, $"indicators batch {failed.BatchId}", new()
            {
                ["batchKey"] = batchKey, ["sourceSystem"] = batch.SourceSystem, ["rejected"] = true, ["errors"] = failed.Issues.Count(i => !i.IsWarning),
            });
            return ImportEndpoints.Rejected(failed, language, FeedTexts.RejectedTitle(language));
        }
        throw new System.Diagnostics.UnreachableException();
    }
}
