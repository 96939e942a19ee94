using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Data.Queries;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Access;

/// <summary>The refusals a data endpoint answers with before it queries: 401, 403 or 404, as problems.</summary>
public static class ScopeChecks
{
    /// <summary>School-level data need a role that sees them: 401 for the public, 403 for a steward.</summary>
    public static IResult? RefuseSchoolLevel(this AccessScope scope) => scope.RefuseWithoutDetail("school-level data");

    /// <summary>Detailed data (school level, exports) need an analyst, planner or education role: 401 for the public, 403 for a steward.</summary>
    public static IResult? RefuseWithoutDetail(this AccessScope scope, string what) =>
        scope.IsPublic ? ApiProblems.SignInRequired($"Only signed-in analysts, planners and education departments get {what}.")
        : !scope.SeesDetail ? ApiProblems.OutOfScope($"Your role does not include {what}.")
        : null;

    /// <summary>
    /// Region and district filters must name units that exist (404); for school-level data they must also lie in the
    /// caller's scope (403). The queries apply the scope regardless, so these checks only make the refusal explicit.
    /// </summary>
    public static async Task<IResult?> RefuseFiltersAsync(this AccessScope scope, GeographyQueries geography,
        string? regionKato, string? districtKato, bool schoolLevel)
    {
        if (regionKato is not null)
        {
            if (!await geography.RegionExistsAsync(regionKato)) return ApiProblems.NotFound("region", $"There is no region with KATO {regionKato}.");
            if (schoolLevel && !scope.IsNational && regionKato != scope.RegionKato)
                return ApiProblems.OutOfScope($"Region {regionKato} is outside your scope.");
        }
        if (districtKato is not null)
        {
            if (await geography.RegionOfDistrictAsync(districtKato) is not { } region)
                return ApiProblems.NotFound("district", $"There is no district with KATO {districtKato}.");
            if (schoolLevel && !scope.Covers(EntityLevel.District, region, districtKato))
                return ApiProblems.OutOfScope($"District {districtKato} is outside your scope.");
        }
        return null;
    }
}
