using Dapper;
using RiskMap.Core.Access;

namespace RiskMap.Data.Visibility;

/// <summary>
/// The caller's scope as SQL: a predicate over a unit's region and district KATO, with its three parameters. Read through
/// <see cref="SeenUnits"/>, so what a caller may see is decided in the database, next to the data, in one place.
/// </summary>
public static class ScopeFilter
{
    /// <summary>True where the unit lies in the scope (see <see cref="AccessScope.Covers"/>); never true for the public.</summary>
    public static string Covers(string regionKato, string districtKato) =>
        $"(@scopeNational OR (@scopeDistrict::text IS NULL AND {regionKato} = @scopeRegion) OR {districtKato} = @scopeDistrict)";

    public static DynamicParameters With(this DynamicParameters parameters, AccessScope scope)
    {
        parameters.Add("scopeNational", scope.IsNational);
        parameters.Add("scopeRegion", scope.SeesDetail ? scope.RegionKato : null);
        parameters.Add("scopeDistrict", scope.SeesDetail ? scope.DistrictKato : null);
        return parameters;
    }

    public static DynamicParameters Parameters(object values, AccessScope scope) => new DynamicParameters(values).With(scope);
}
