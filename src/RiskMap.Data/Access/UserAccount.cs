using RiskMap.Core.Access;

namespace RiskMap.Data.Access;

/// <param name="SecurityStamp">Carried in the user's cookies and tokens; a new one ends them all (see migration 0008).</param>
public sealed record UserAccount(
    long Id, string Username, string DisplayName, Role Role, string? ScopeRegion, string? ScopeDistrict, string PasswordHash,
    int FailedLogins, DateTimeOffset? LockedUntil, bool Disabled, string SecurityStamp)
{
    public AccessScope Scope => AccessScope.For(Username, Role, ScopeRegion, ScopeDistrict);
}

/// <summary>What a new user is given; the password arrives already hashed.</summary>
public sealed record NewUser(string Username, string DisplayName, Role Role, string? ScopeKato, string PasswordHash);

/// <summary>A user as others may see it: never the password hash.</summary>
public sealed record UserView(long Id, string Username, string DisplayName, string Role, string? ScopeRegion, string? ScopeDistrict,
    bool Locked, bool Disabled, DateTimeOffset CreatedAt);

/// <summary>
/// A change of a user by the data steward; a null member stays as it is. <see cref="Role"/> and <see cref="ScopeKato"/>
/// go together: a new role takes the scope given with it (none for a national role), a scope alone keeps the role.
/// </summary>
public sealed record UserChange(bool? Disabled, Role? Role, string? ScopeKato);
