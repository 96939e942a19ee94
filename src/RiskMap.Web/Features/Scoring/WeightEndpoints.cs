using RiskMap.Data.Scoring;
using RiskMap.Data.Access;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Scoring;

public static class WeightEndpoints
{
    public sealed record WeightChange(Dictionary<string, double>? Indicators, Dictionary<string, double>? Domains, string? Note);

    public static void MapWeightEndpoints(this IEndpointRouteBuilder api)
    {
        var weights = api.MapGroup("/weights").WithTags("Weights");

        weights.MapGet("/", async (WeightCatalogue catalogue) => Results.Ok(await catalogue.GetAsync()))
            .WithSummary("The current indicator and domain weights, their version and the history of changes.")
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
