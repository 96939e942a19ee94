using RiskMap.Core.Access;
using RiskMap.Core.Text;
using RiskMap.Data.Access;
using RiskMap.Data.Quarantine;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Quarantine;

/// <summary>A steward's reason for a decision on held values: required to reject, optional to accept.</summary>
public sealed record DecisionBody(string? Note);

/// <summary>How many held values a decision accepted or rejected.</summary>
public sealed record DecisionResult(string Decision, int Values);

/// <summary>
/// The quarantine of indicator values (docs/quarantine.md), for stewards only: the values imports held back, and
/// accepting or rejecting them one by one or a whole batch at once, audited.
/// </summary>
public static class QuarantineEndpoints
{
    private const int MaxNote = 1000;
    private static readonly string[] Statuses = ["held", "accepted", "rejected", "superseded"];

    public static void MapQuarantineEndpoints(this IEndpointRouteBuilder api)
    {
        var quarantine = api.MapGroup("/quarantine").WithTags("Imports").RequireAuthorization(AccessSetup.StewardPolicy);

        quarantine.MapGet("/", async (HeldValues held, string? status, long? batch, string? limit) =>
            {
                if (status is not null && !Statuses.Contains(status))
                    return ApiProblems.BadParameter("status", "status is one of held, accepted, rejected, superseded.");
                return Results.Ok(await held.ListAsync(status, batch, QueryParameters.Limit(limit, 500, 5_000)));
            })
            .WithSummary("Indicator values the quarantine held back from the scores, with the unit's history and the reasons.")
            .WithDescription("status=held (the default is every status), accepted, rejected or superseded (a later import brought " +
                             "another value while it was held); batch=ID for one import batch's. reasons: far-from-history (robust " +
                             "z-score against the unit's last quarters above Quarantine:RobustZ), tenfold-jump (Quarantine:JumpFactor " +
                             "times the stored or latest value, or that part of it), broad-change (more than Quarantine:BroadShare of " +
                             "one region's values in the batch moved by more than Quarantine:BroadChange the same way), improbable-count (a " +
                             "count whose negative binomial tail probability given the unit's history is below Quarantine:CountTail).")
            .Produces<IReadOnlyList<HeldValue>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        quarantine.MapPost("/{id:long}/{decision}", (HttpContext http, HeldValues held, long id, string decision, DecisionBody body) =>
                DecideAsync(http, held, new HeldSelection(id, null), decision, body.Note, $"held value {id}"))
            .AsDecision("Accepts (the value is stored and reaches the next score run) or rejects (the stored value stays) one held value; audited.");

        quarantine.MapPost("/batches/{batchId:long}/{decision}", (HttpContext http, HeldValues held, long batchId, string decision, DecisionBody body) =>
                DecideAsync(http, held, new HeldSelection(null, batchId), decision, body.Note, $"indicators batch {batchId}"))
            .AsDecision("Accepts or rejects every value an import batch still has held; audited.");
    }

    private static RouteHandlerBuilder AsDecision(this RouteHandlerBuilder endpoint, string summary) => endpoint
        .WithSummary(summary)
        .WithDescription(DecisionDescription)
        .Produces<DecisionResult>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private const string DecisionDescription =
        """decision is accept or reject. Body: {"note": "why"}: required to reject, optional to accept, at most 1,000 characters. """ +
        "Accepting raises the score inputs as an import does: the import watch recomputes once imports and decisions have settled " +
        "(Scoring:ImportDebounceSeconds). 404 when nothing selected is still held.";

    private static async Task<IResult> DecideAsync(HttpContext http, HeldValues held, HeldSelection selection, string decision, string? note, string target)
    {
        if (decision is not ("accept" or "reject")) return ApiProblems.BadParameter("decision", "decision is accept or reject.");
        var hasNote = VisibleText.In(note);
        if (decision == "reject" && !hasNote) return ApiProblems.BadParameter("note", "note is required to reject: say why the values are wrong.");
        if (note is { Length: > MaxNote }) return ApiProblems.BadParameter("note", $"note is at most {MaxNote} characters.");
        if (ControlCharacters.In(note)) return ApiProblems.BadParameter("note", "note holds control or bidi characters.");
        var scope = http.CallerScope();
        var audit = new AuditEntry(scope.User, scope.Role?.ToCode(), decision == "accept" ? AuditLog.Actions.HeldValuesAccepted : AuditLog.Actions.HeldValuesRejected,
            target, new Dictionary<string, object?> { ["note"] = hasNote ? note : null }, AccessSetup.ClientAddress(http));
        var values = decision == "accept"
            ? await held.AcceptAsync(selection, hasNote ? note : null, audit)
            : await held.RejectAsync(selection, note, audit);
        return values == 0
            ? ApiProblems.NotFound("held value", selection.Id is { } id ? $"No value is held under id {id}." : $"Import batch {selection.BatchId} has no value held.")
            : Results.Ok(new DecisionResult(decision, values));
    }
}
