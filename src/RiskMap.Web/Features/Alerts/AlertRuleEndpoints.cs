using System.Text.Json;
using RiskMap.Core.Access;
using RiskMap.Core.Alerts;
using RiskMap.Data.Access;
using RiskMap.Data.Alerts;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Alerts;

/// <summary>The data steward's alert rules: read them, and change them as a new version (audited) that the next published run is evaluated under.</summary>
public static class AlertRuleEndpoints
{
    private const string Shape =
        "Body and answer's rules: {\"clearRise\": {\"compare\": \"either\"|\"previous-quarter\"|\"year-before\", \"minimumScore\": null or 0–10}, " +
        "\"emergingHotSpot\": {\"categories\": [\"new-hot-spot\", \"intensifying-hot-spot\", …hot spot categories]}, " +
        "\"programmeTargetRise\": {\"compare\": …}, \"forecastHighRisk\": {\"threshold\": above 0 and below 1, \"horizon\": 1|2}}; a rule " +
        "that is null or missing is switched off. clearRise: a unit's composite score rose beyond " +
        "its uncertainty (the 5–95 % interval of the change excludes 0), optionally only at or above minimumScore; emergingHotSpot: the " +
        "unit is an emerging hot spot of one of the categories; programmeTargetRise: a unit a programme targets in the quarter rose clearly; forecastHighRisk: the published " +
        "forecast gives a unit not in risk level 4–5 now a probability of level 4–5 horizon quarters ahead of at least threshold (needs " +
        "the run's forecasts, Scoring:Forecasts). ";

    public static void MapAlertRuleEndpoints(this IEndpointRouteBuilder api)
    {
        var rules = api.MapGroup("/alert-rules").WithTags("Alerts").RequireAuthorization(AccessSetup.StewardPolicy);

        rules.MapGet("/", async (AlertRuleStore store) => Results.Json(await store.CurrentAsync(), AlertRuleJson.Options))
            .WithSummary("The alert rules in force: their version, who set them and when.")
            .WithDescription(Shape + "Data steward only.")
            .Produces<AlertRuleVersion>();

        rules.MapPut("/", async (HttpContext http, AlertRuleStore store) =>
            {
                AlertRuleSet? set;
                try
                {
                    set = await JsonSerializer.DeserializeAsync<AlertRuleSet>(http.Request.Body, AlertRuleJson.Options, http.RequestAborted);
                }
                catch (JsonException e)
                {
                    return ApiProblems.BadParameter("body", $"The body is not a set of alert rules: {e.Message}");
                }
                if (set is null) return ApiProblems.BadParameter("body", "The body must be a set of alert rules.");
                if (set.Problems() is [var first, ..] problems)
                    return ApiProblems.BadParameter(first.Split(' ')[0], string.Join(" ", problems));
                var scope = http.CallerScope();
                var saved = await store.SaveAsync(set, scope.User, version => new AuditEntry(scope.User, scope.Role?.ToCode(),
                    AuditLog.Actions.AlertRulesChanged, $"alert rules version {version}",
                    new Dictionary<string, object?> { ["rules"] = JsonSerializer.SerializeToElement(set, AlertRuleJson.Options) },
                    AccessSetup.ClientAddress(http)));
                return Results.Json(saved, AlertRuleJson.Options);
            })
            .WithSummary("Changes the alert rules as a new version, audited; the next published score run is evaluated under it.")
            .WithDescription(Shape + "Alerts already raised stay. Data steward only; 400 for a body that is not a rule set or with a setting out of range.")
            .Accepts<AlertRuleSet>("application/json")
            .Produces<AlertRuleVersion>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
