using RiskMap.Core.Access;
using RiskMap.Data.Scoring;
using RiskMap.Data.Access;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Scoring;

public static class WeightEndpoints
{
    public sealed record WeightChange(Dictionary<string, double>? Indicators, Dictionary<string, double>? Domains, string? Note);

    /// <summary>Staff usernames are not public: only the data steward sees who changed the weights (everyone else gets null).</summary>
    private static Weights ForCaller(HttpContext http, Weights weights) =>
        http.CallerScope().Role == Role.Steward ? weights : weights with { History = [.. weights.History.Select(change => change with { CreatedBy = null })] };

    public static void MapWeightEndpoints(this IEndpointRouteBuilder api)
    {
        var weights = api.MapGroup("/weights").WithTags("Weights");

        weights.MapGet("/", async (HttpContext http, WeightCatalogue catalogue) => Results.Ok(ForCaller(http, await catalogue.GetAsync())))
            .WithSummary("The current indicator and domain weights, their version and the history of changes.")
            .WithDescription("createdBy in the history (the username of whoever changed the weights) is shown to the data steward only; others get null.")
            .Produces<Weights>();

        weights.MapPut("/", async (HttpContext http, WeightCatalogue catalogue, WeightChange change) =>
            {
                if (change.Note is { Length: > 500 }) return ApiProblems.BadParameter("note", "note is at most 500 characters.");
                if (TextInputGuard.HasControlCharacters(change.Note)) return ApiProblems.BadParameter("note", "note holds control characters.");
                try
                {
                    var updated = await catalogue.UpdateAsync(change.Indicators ?? [], change.Domains ?? [], http.CallerScope().User, change.Note ?? "");
                    await http.AuditAsync(AuditLog.Actions.WeightsChanged, $"weights version {updated.Version}", new Dictionary<string, object?>
                    {
                        ["indicators"] = change.Indicators, ["domains"] = change.Domains, ["note"] = change.Note,
                    });
                    return Results.Ok(updated);
                }
                catch (InvalidWeightsException e)
                {
                    return ApiProblems.BadParameter(e.Field, e.Message);
                }
            })
            .WithSummary("Changes weights (only those named) as a new version; the scheduler recomputes the scores once imports are quiet.")
            .WithDescription("""Body: {"indicators": {"suicides": 2}, "domains": {"protective": 0.5}, "note": "why"}. Weights are 0–100.""")
            .Produces<Weights>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(AccessSetup.StewardPolicy);
    }
}
