using System.Security.Claims;
using RiskMap.Core.Access;
using RiskMap.Data.Access;

namespace RiskMap.Web.Features.Access;

/// <summary>The claims a RiskMap identity carries, the same for the cookie and the bearer token.</summary>
public static class RiskMapClaims
{
    public const string Role = "role";
    public const string Name = "name";
    public const string DisplayName = "display_name";
    public const string ScopeRegion = "scope_region";
    public const string ScopeDistrict = "scope_district";

    /// <summary>The user's security stamp when the cookie or token was issued (see <see cref="SessionStamps"/>).</summary>
    public const string Stamp = "stamp";

    public static IEnumerable<Claim> Of(UserAccount user)
    {
        yield return new Claim(Name, user.Username);
        yield return new Claim(DisplayName, user.DisplayName);
        yield return new Claim(Role, user.Role.ToCode());
        if (user.ScopeRegion is not null) yield return new Claim(ScopeRegion, user.ScopeRegion);
        if (user.ScopeDistrict is not null) yield return new Claim(ScopeDistrict, user.ScopeDistrict);
        yield return new Claim(Stamp, user.SecurityStamp);
    }

    public static ClaimsPrincipal Principal(IEnumerable<Claim> claims, string scheme) =>
        new(new ClaimsIdentity(claims, scheme, Name, Role));

    /// <summary>The caller's scope; anyone not signed in (or with a claim set that doesn't parse) is the public.</summary>
    public static AccessScope Scope(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return AccessScope.Public;
        var name = principal.FindFirstValue(Name);
        if (name is null || !Roles.TryParse(principal.FindFirstValue(Role), out var role)) return AccessScope.Public;
        try
        {
            return AccessScope.For(name, role, principal.FindFirstValue(ScopeRegion), principal.FindFirstValue(ScopeDistrict));
        }
        catch (ArgumentException)
        {
            return AccessScope.Public;
        }
    }
}
