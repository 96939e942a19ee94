using RiskMap.Core.Geography;

namespace RiskMap.Core.Access;

/// <summary>
/// Whose data a caller may see in detail. A scope is a region or a district (KATO); access to a unit implies its
/// children. Outside it a caller sees what the public sees: region and district classes, no school-level data.
/// </summary>
public sealed record AccessScope
{
    private AccessScope(string user, Role? role, string? regionKato, string? districtKato)
    {
        User = user;
        Role = role;
        RegionKato = regionKato;
        DistrictKato = districtKato;
    }

    public static readonly AccessScope Public = new("anonymous", null, null, null);

    public static AccessScope For(string user, Role role, string? regionKato = null, string? districtKato = null)
    {
        if (role.NeedsScope() && regionKato is null)
            throw new ArgumentException($"A {role.ToCode()} works in a region or district.", nameof(regionKato));
        if (districtKato is not null && role != Access.Role.Education)
            throw new ArgumentException("Only an education department is scoped to a district.", nameof(districtKato));
        return role.NeedsScope() ? new(user, role, regionKato, districtKato) : new(user, role, null, null);
    }

    public string User { get; }
    public Role? Role { get; }
    public string? RegionKato { get; }
    public string? DistrictKato { get; }

    public bool IsPublic => Role is null;

    /// <summary>Analysts see every unit in detail.</summary>
    public bool IsNational => Role == Access.Role.Analyst;

    /// <summary>
    /// Detail within the scope (school-level data, scores, counts, contributions, exports): analysts, planners and
    /// education departments.
    /// </summary>
    public bool SeesDetail => Role is Access.Role.Analyst or Access.Role.Planner or Access.Role.Education;

    public bool ManagesData => Role == Access.Role.Steward;

    /// <summary>Whether a unit lies in the scope: a district scope holds its schools, a region scope its districts and schools.</summary>
    public bool Covers(EntityLevel level, string? regionKato, string? districtKato)
    {
        if (!SeesDetail) return false;
        if (IsNational) return true;
        if (DistrictKato is not null) return level != EntityLevel.Region && districtKato == DistrictKato;
        return regionKato == RegionKato;
    }

    /// <summary>Part of every cache key and ETag of scoped content: callers with equal keys see equal data.</summary>
    public string Key => !SeesDetail ? "public" : IsNational ? "national" : DistrictKato is not null ? $"district-{DistrictKato}" : $"region-{RegionKato}";

    public override string ToString() => IsPublic ? "public" : $"{User} ({Role!.Value.ToCode()}, {Key})";
}
