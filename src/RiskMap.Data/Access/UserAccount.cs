using RiskMap.Core.Access;

namespace RiskMap.Data.Access;

public sealed record UserAccount(
    long Id, string Username, string DisplayName, Role Role, string? ScopeRegion, string? ScopeDistrict, string PasswordHash,
    int FailedLogins, DateTimeOffset? LockedUntil, bool Disabled)
{
    public AccessScope Scope => AccessScope.For(Username, Role, ScopeRegion, ScopeDistrict);
}

/// <summary>What a new user is given; the password arrives already hashed.</summary>
public sealed record NewUser(string Username, string DisplayName, Role Role, string? ScopeKato, string PasswordHash);

/// <summary>A user as others may see it: never the password hash.</summary>
public sealed record UserView(long Id, string Username, string DisplayName, string Role, string? ScopeRegion, string? ScopeDistrict,
    bool Locked, bool Disabled, DateTimeOffset CreatedAt);
