using RiskMap.Core.Access;
using RiskMap.Data.Programmes;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Programmes;

/// <summary>
/// Who reads and changes programmes: analysts read every region's, planners and education departments their region's;
/// only a planner changes, and only in their region. A programme outside the caller's read scope is answered as unknown.
/// </summary>
public static class ProgrammeAccess
{
    /// <summary>401 for the public, 403 for roles without programmes (stewards).</summary>
    public static IResult? RefuseReader(this AccessScope scope) => scope.RefuseWithoutDetail("crisis-management programmes");

    /// <summary>Only a planner changes programmes (after <see cref="RefuseReader"/>).</summary>
    public static IResult? RefuseWriter(this AccessScope scope) =>
        scope.RefuseReader() ?? (scope.Role == Role.Planner ? null : ApiProblems.OutOfScope("Only an akimat planner changes programmes, in their own region."));

    /// <summary>Whether the caller reads programmes of the region.</summary>
    public static bool Reads(this AccessScope scope, string regionKato) => scope.IsNational || scope.RegionKato == regionKato;

    /// <summary>The programme when the caller may read it (or, with <paramref name="write"/>, change it); otherwise 401, 403 or 404.</summary>
    public static async Task<(ProgrammeHead? Head, IResult? Refusal)> ReadableAsync(this AccessScope scope, ProgrammeStore store, long id, bool write = false)
    {
        if ((write ? scope.RefuseWriter() : scope.RefuseReader()) is { } refusal) return (null, refusal);
        var head = await store.HeadAsync(id);
        return head is not null && scope.Reads(head.RegionKato) ? (head, null) : (null, UnknownProgramme(id));
    }

    public static IResult UnknownProgramme(long id) => ApiProblems.NotFound("programme", $"There is no programme {id} in your scope.");
}
