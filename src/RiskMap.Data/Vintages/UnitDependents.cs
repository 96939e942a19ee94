namespace RiskMap.Data.Vintages;

/// <summary>A unit that something still refers to: a user's scope, a programme or a programme's target.</summary>
public sealed record VintageDependent(string Kind, string Reference, string Level, string Kato);

/// <summary>What refers to units by level and KATO, for the checks that a unit may leave the map.</summary>
internal static class UnitDependents
{
    /// <summary>A common table expression <c>dependents (kind, reference, level, kato)</c>: users' scopes, programmes and programmes' district targets.</summary>
    public const string Cte = """
        dependents (kind, reference, level, kato) AS (
            SELECT 'user', username, 'region', scope_region FROM users WHERE scope_region IS NOT NULL
            UNION ALL SELECT 'user', username, 'district', scope_district FROM users WHERE scope_district IS NOT NULL
            UNION ALL SELECT 'programme', id::text, 'region', region_kato FROM programmes
            UNION ALL SELECT 'programme', programme_id::text, 'district', code FROM programme_targets WHERE level = 'district')
        """;
}
