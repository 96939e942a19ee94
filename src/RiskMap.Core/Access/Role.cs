namespace RiskMap.Core.Access;

/// <summary>What a signed-in user does with RiskMap. Anyone not signed in is the public.</summary>
public enum Role
{
    /// <summary>Ministry analyst: everything, every level, national comparison.</summary>
    Analyst,

    /// <summary>Akimat planner: school-level data, hotspots and crisis programmes of one region.</summary>
    Planner,

    /// <summary>Education department: hotspots and exports of one region or district.</summary>
    Education,

    /// <summary>Data steward: imports, catalogue and weights, users, recomputes, the audit log; sees data as the public does.</summary>
    Steward,
}

public static class Roles
{
    public static string ToCode(this Role role) => role switch
    {
        Role.Analyst => "analyst",
        Role.Planner => "planner",
        Role.Education => "education",
        Role.Steward => "steward",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? text, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(candidate.ToCode(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>Planners work in a region; education departments in a region or one of its districts.</summary>
    public static bool NeedsScope(this Role role) => role is Role.Planner or Role.Education;
}
