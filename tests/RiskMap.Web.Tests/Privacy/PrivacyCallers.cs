using RiskMap.Core.Access;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Privacy;

/// <summary>
/// The callers of the privacy contract: the demo users, the public and an education department scoped to one district
/// (Almaly), and which units each has in scope — written out here, apart from the service's own scope code, so the tests
/// check that code rather than repeat it.
/// </summary>
internal static class PrivacyCallers
{
    /// <summary>Almaly district of Almaty city.</summary>
    public const string Almaly = "751110000";

    /// <summary>An education department scoped to Almaly only (a district scope: not its region, not the other districts).</summary>
    public const string EducationAlmaly = "edu-751110000";

    public static readonly string[] Everyone = [Anonymous, Steward, Analyst, Planner75, Planner71, Education75, EducationAlmaly];

    /// <summary>The caller's client; the district-scoped education user is created on first use.</summary>
    public static Task<HttpClient> ClientAsync(ScoredDemoApp app, string caller) =>
        caller == EducationAlmaly ? app.ClientForNewUserAsync(EducationAlmaly, Role.Education, Almaly) : app.ClientForAsync(caller);

    public static bool SeesSchoolLevel(string caller) => SeesSchools(caller) || caller == EducationAlmaly;

    /// <summary>
    /// Whether the unit is in the caller's scope: the analyst every unit; a region scope that region, its districts and
    /// schools; the district scope that district and its schools, not its region.
    /// </summary>
    public static bool InScope(string caller, string level, string? regionKato, string? districtKato) => caller switch
    {
        Analyst => true,
        Planner75 or Education75 => regionKato == Almaty,
        Planner71 => regionKato == Astana,
        EducationAlmaly => level != "region" && districtKato == Almaly,
        _ => false,
    };
}
