using Dapper;
using RiskMap.Core.Privacy;

namespace RiskMap.Data.Access;

/// <summary>
/// Small-area suppression (<see cref="SmallAreaSuppression"/>) in SQL: the pupils of each region or district, which the
/// score queries read to apply the rule in C#, and the rule itself with its one parameter for answers the database
/// builds whole (vector tiles, GeoJSON features).
/// </summary>
public static class SmallAreaFilter
{
    /// <summary>
    /// (code, pupils) of every region or district with schools, summed in one grouped scan of the schools; a unit
    /// missing from it has no pupils.
    /// </summary>
    public static string PupilsPerUnit(string level) => level switch
    {
        "region" => "SELECT region_kato AS code, sum(pupils) AS pupils FROM schools WHERE region_kato IS NOT NULL GROUP BY region_kato",
        "district" => "SELECT district_kato AS code, sum(pupils) AS pupils FROM schools WHERE district_kato IS NOT NULL GROUP BY district_kato",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Only regions and districts have their classes withheld."),
    };

    /// <summary>True where the unit's class is withheld: outside the caller's scope and with fewer pupils than the minimum.</summary>
    /// <param name="covers">The scope predicate of the unit (<see cref="ScopeFilter.Covers"/>).</param>
    /// <param name="pupils">The unit's pupils from <see cref="PupilsPerUnit"/>, null without schools.</param>
    public static string Withheld(string covers, string pupils) => $"({covers} IS NOT TRUE AND COALESCE({pupils}, 0) < @minimumPupils)";

    public static DynamicParameters With(this DynamicParameters parameters, SmallAreaSuppression suppression)
    {
        parameters.Add("minimumPupils", suppression.MinimumPupils);
        return parameters;
    }
}
