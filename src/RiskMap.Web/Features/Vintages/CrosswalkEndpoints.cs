using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Data.Vintages;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Vintages;

/// <summary><c>GET /api/vintages/{from}/crosswalk/{to}</c>: the stored crosswalk between two vintages, as JSON or CSV.</summary>
public static class CrosswalkEndpoints
{
    public static void MapCrosswalk(this RouteGroupBuilder vintages) =>
        vintages.MapGet("/{from:int}/crosswalk/{to:int}", async (HttpContext http, BoundaryCrosswalk crosswalk, int from, int to, string? level,
                string? format) =>
            {
                var scope = http.CallerScope();
                if (scope.IsPublic) return AccessProblems.SignInRequired;
                // Pupil shares are worked out from school sizes: detail for the ministry's analysts and the data steward.
                if (scope.Role is not (Role.Analyst or Role.Steward)) return AccessProblems.RoleMissing;
                if (!EntityLevels.TryParse(level ?? "district", out var unitLevel) || unitLevel == EntityLevel.School)
                    return ApiProblems.BadParameter("level", "The level is region or district.");
                if (format is not (null or "json" or "csv")) return ApiProblems.BadParameter("format", "The format is json or csv.");
                if (from == to) return ApiProblems.BadParameter("to", "A crosswalk is between two different vintages.");
                if (!await crosswalk.KnowsAsync(from, to))
                    return ApiProblems.NotFound("vintage", $"Vintage {from} or {to} does not exist; see /api/vintages.");
                var rows = await crosswalk.ReadAsync(from, to, unitLevel);
                if (format != "csv") return Results.Ok(new CrosswalkView(from, to, unitLevel.ToCode(), rows));
                return Results.Stream(stream => CrosswalkCsv.WriteAsync(stream, rows), "text/csv; charset=utf-8",
                    $"crosswalk-{unitLevel.ToCode()}-{from}-{to}.csv");
            })
            .WithSummary("The crosswalk between two boundary vintages: the share of each source unit in each target unit, by area and by pupils.")
            .WithDescription("For every region or district (level=, default district) of vintage {from}, the units of vintage {to} it " +
                             "lies in: areaShare (the area of the intersection over the source's, on the spheroid; intersections under " +
                             "0.1 % of the source are dropped as slivers and the rest renormalised, so a source's shares add up to 1) and " +
                             "pupilShare (pupils of today's schools in the intersection over the source's; null when the source has no " +
                             "schools). A unit with the same KATO code and the same ground within 0.1 % maps 1 → 1 with share 1. " +
                             "Recomputed whenever either vintage's boundaries or today's schools are imported. The scores carry " +
                             "observations of an earlier vintage's quarters into today's units by these shares (pupil shares where the " +
                             "source has schools). format=csv gives CSV with codes and names of both sides and both shares. Pupil shares " +
                             "are derived from school sizes, so only ministry analysts and the data steward may read it: 401 without a " +
                             "sign-in, 403 for other roles; 404 for an unknown vintage.")
            .Produces<CrosswalkView>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record CrosswalkView(int From, int To, string Level, IReadOnlyList<CrosswalkRow> Units);
