using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Data.Access;
using RiskMap.Data.Vintages;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Vintages;

public static class VintageEndpoints
{
    public static void MapVintageEndpoints(this IEndpointRouteBuilder api)
    {
        var vintages = api.MapGroup("/vintages").WithTags("Vintages");

        vintages.MapGet("/", async (VintageQueries queries) => Results.Ok(await queries.ListAsync()))
            .WithSummary("The boundary vintages, newest first: which is current, the dates each was in force, and its regions and districts.")
            .WithDescription("The map, tiles and OGC features serve the current vintage; importing boundaries of another vintage keeps them " +
                             "beside it without changing the map.")
            .Produces<IReadOnlyList<VintageSummary>>();

        vintages.MapPost("/{vintage:int}/current", async (HttpContext http, VintageSwitch vintageSwitch, int vintage, CancellationToken cancellationToken) =>
            {
                var outcome = await vintageSwitch.UseAsync(vintage, Audit(http, AuditLog.Actions.VintageSwitched, vintage), cancellationToken);
                return outcome.Status switch
                {
                    VintageSwitchStatus.Unknown => ApiProblems.NotFound("vintage", $"There are no regions and districts of vintage {vintage}."),
                    VintageSwitchStatus.Refused => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Vintage lacks units in use",
                        detail: $"Vintage {vintage} lacks {Units(outcome.Dependents.Count)} that users' scopes or programmes refer to; " +
                                "change those first. Nothing was changed.",
                        extensions: new Dictionary<string, object?> { ["code"] = "vintage-in-use", ["dependents"] = outcome.Dependents }),
                    _ => Results.Ok(new { vintage, previous = outcome.Previous, switched = outcome.Status == VintageSwitchStatus.Switched }),
                };
            })
            .WithSummary("Makes a vintage current: the map, tiles, OGC features and the schools' districts follow it at once; audited.")
            .WithDescription("One transaction: the served regions and districts become the vintage's, every school is placed again, tiles " +
                             "and boundary caches follow, and the published score run is withdrawn (its scores were made on the old " +
                             "shapes), so the map shows no scores until the recompute that the scheduler starts within " +
                             "Scoring:ImportCheckSeconds has published new ones. 409 (code vintage-in-use, with dependents) while users' " +
                             "scopes or programmes refer to units the vintage lacks; 404 for a vintage without regions and districts; " +
                             "switched false when it already is current. Data steward only.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AccessSetup.StewardPolicy);

        vintages.MapDelete("/{vintage:int}", async (HttpContext http, VintageDeletion deletion, int vintage, CancellationToken cancellationToken) =>
            {
                var outcome = await deletion.DeleteAsync(vintage, Audit(http, AuditLog.Actions.VintageDeleted, vintage), cancellationToken);
                return outcome.Status switch
                {
                    VintageDeletionStatus.Unknown => ApiProblems.NotFound("vintage", $"There is no vintage {vintage}."),
                    VintageDeletionStatus.Current => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Vintage is current",
                        detail: $"Vintage {vintage} is current; make another current before deleting it. Nothing was changed.",
                        extensions: new Dictionary<string, object?> { ["code"] = "vintage-current" }),
                    VintageDeletionStatus.Refused => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Vintage in use",
                        detail: $"Score runs or observations still refer to vintage {vintage}. Nothing was changed.",
                        extensions: new Dictionary<string, object?> { ["code"] = "vintage-in-use", ["references"] = outcome.References }),
                    _ => Results.NoContent(),
                };
            })
            .WithSummary("Deletes a vintage that is not current, with its units; audited.")
            .WithDescription("409 vintage-current for the current vintage; 409 vintage-in-use, listing them in references, while score " +
                             "runs were made on it or observations fall in the quarters it was in force (validFrom/validTo). Data steward only.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AccessSetup.StewardPolicy);

        MapDates(vintages);
        MapRetire(vintages);
        vintages.MapCrosswalk();
    }

    /// <summary>The days asked for: yyyy-mm-dd, null (or absent) for an open end; both null clear them.</summary>
    public sealed record VintageDaysChange(string? From, string? To);

    private static void MapDates(RouteGroupBuilder vintages) =>
        vintages.MapPut("/{vintage:int}/dates", async (HttpContext http, VintageDates dates, int vintage, VintageDaysChange change) =>
            {
                if (!VintageDates.TryParseDay(change.From, out var from)) return ApiProblems.BadParameter("from", "from is a day such as 2018-01-01, or null.");
                if (!VintageDates.TryParseDay(change.To, out var to)) return ApiProblems.BadParameter("to", "to is a day such as 2022-06-07, or null.");
                if (from is not null && to is not null && to < from) return ApiProblems.BadParameter("to", "to comes before from.");
                var outcome = await dates.SetAsync(vintage, from, to, Audit(http, AuditLog.Actions.VintageDatesSet, vintage));
                return outcome.Status switch
                {
                    VintageDatesStatus.Unknown => ApiProblems.NotFound("vintage", $"There is no vintage {vintage}."),
                    VintageDatesStatus.Overlaps => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Dates overlap another vintage's",
                        detail: $"{outcome.OverlapText} Nothing was changed.",
                        extensions: new Dictionary<string, object?>
                        {
                            ["code"] = "vintage-dates-overlap", ["other"] = outcome.Other, ["otherFrom"] = outcome.OtherFrom, ["otherTo"] = outcome.OtherTo,
                        }),
                    _ => Results.Ok(new { vintage, validFrom = from?.ToString("O"), validTo = to?.ToString("O") }),
                };
            })
            .WithSummary("Sets or clears the days a vintage was in force; audited. Observations of a quarter starting in them belong to it.")
            .WithDescription("""Body: {"from": "2018-01-01", "to": "2022-06-07"}; null (or absent) leaves an end open, both null clear the """ +
                             "days. For a vintage that is not current this changes the scores' inputs (which quarters are carried from it " +
                             "into today's units): indicator values and counts follow at once, and the scores are recomputed as after an " +
                             "import (pendingRecompute in /api/score-runs/current; the scheduler starts it within Scoring:ImportCheckSeconds " +
                             "once imports are quiet). 400 for a day that is not yyyy-mm-dd or an end before the start; 404 for an unknown " +
                             "vintage; 409 (code vintage-dates-overlap, with other, otherFrom and otherTo) when the days overlap another " +
                             "vintage's, since a quarter would belong to both. Data steward only.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AccessSetup.StewardPolicy);

    private static void MapRetire(RouteGroupBuilder vintages) =>
        vintages.MapPost("/{vintage:int}/units/{level}/{kato}/retire", async (HttpContext http, UnitRetirement retirement, int vintage, string level,
                string kato, CancellationToken cancellationToken) =>
            {
                if (!EntityLevels.TryParse(level, out var unitLevel) || unitLevel == EntityLevel.School)
                    return ApiProblems.BadParameter("level", "The level is region or district.");
                if (!Kato.TryParse(kato, out var code)) return ApiProblems.BadParameter("kato", "A KATO code has 9 digits.");
                var audit = Audit(http, AuditLog.Actions.UnitRetired, vintage) with { Target = $"{unitLevel.ToCode()} {code.Value} of vintage {vintage}" };
                var outcome = await retirement.RetireAsync(vintage, unitLevel, code.Value, audit, cancellationToken);
                return outcome.Status switch
                {
                    UnitRetirementStatus.Unknown => ApiProblems.NotFound("unit", $"Vintage {vintage} has no {unitLevel.ToCode()} {code.Value}."),
                    UnitRetirementStatus.Refused => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Unit in use",
                        detail: $"Users' scopes, programmes or districts (listed in dependents) still refer to {unitLevel.ToCode()} " +
                                $"{code.Value}; change those first. Nothing was changed.",
                        extensions: new Dictionary<string, object?> { ["code"] = "unit-in-use", ["dependents"] = outcome.Dependents }),
                    _ => Results.Ok(new { vintage, level = unitLevel.ToCode(), kato = code.Value, retired = outcome.Status == UnitRetirementStatus.Retired }),
                };
            })
            .WithSummary("Retires a region or district of a vintage; audited.")
            .WithDescription("The unit keeps its history but no longer counts among the vintage's units. A unit of the current vintage " +
                             "leaves the map, tiles and OGC features in the same transaction, and its schools are placed again among the " +
                             "units left; the published score run is withdrawn until the scheduler's recompute, as on a switch. 409 (code unit-in-use, with dependents) while users' scopes or programmes refer to a unit of " +
                             "the current vintage, or a region's districts are not retired; 404 for a unit the vintage lacks; retired " +
                             "false when it already was. Data steward only.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AccessSetup.StewardPolicy);

    private static string Units(int count) => count == 1 ? "1 unit" : $"{count} units";

    private static AuditEntry Audit(HttpContext http, string action, int vintage)
    {
        var scope = http.CallerScope();
        return new AuditEntry(scope.User, scope.Role?.ToCode(), action, $"vintage {vintage}", new Dictionary<string, object?>(), AccessSetup.ClientAddress(http));
    }
}
