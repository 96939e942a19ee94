using RiskMap.Core.Access;
using RiskMap.Data.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Access;

/// <summary>A change of a user as the data steward asks for it (API) or an operator types it (CLI); null leaves a field as it is.</summary>
public sealed record UserChangeRequest(bool? Disabled, string? Role, string? Scope);

/// <summary>Who makes a change: a signed-in steward (<see cref="Username"/>) or the command line (null), for the audit log.</summary>
public sealed record ChangedBy(string Actor, string? Role, string? Username, string? ClientIp, string Via);

/// <summary>Makes a steward thereby lose their own access (disabling themself, giving up the steward role).</summary>
public sealed class OwnAccountException(string message) : Exception(message);

/// <summary>
/// Disabling, enabling and re-scoping users, from the API and the command line alike: the checks, the change (which ends
/// the user's sessions where it should, see <see cref="UserStore.ChangeAsync"/>) and its audit entries.
/// </summary>
public sealed class UserAdministration(UserStore users, AuditLog audit)
{
    /// <returns>The user after the change, or null when there is no such user.</returns>
    /// <exception cref="UserRejectedException">A field is wrong; <see cref="UserRejectedException.Field"/> names it.</exception>
    /// <exception cref="OwnAccountException">A steward would lock themself out.</exception>
    public async Task<UserView?> ChangeAsync(string username, UserChangeRequest request, ChangedBy by)
    {
        var change = Parse(request);
        var own = by.Username is not null && string.Equals(by.Username, username.Trim(), StringComparison.OrdinalIgnoreCase);
        if (own && change.Disabled == true) throw new OwnAccountException("You cannot disable your own account; another steward can.");
        if (own && change.Role is { } role && role != Role.Steward)
            throw new OwnAccountException("You cannot give up your own steward role; another steward can change it.");

        if (await users.ChangeAsync(username, change) is not { } changed) return null;
        var (before, after) = changed;
        if (change.Disabled is { } disabled)
        {
            await WriteAsync(by, disabled ? AuditLog.Actions.UserDisabled : AuditLog.Actions.UserEnabled, after.Username,
                new Dictionary<string, object?> { ["wasDisabled"] = before.Disabled, ["wasLocked"] = before.Locked });
        }
        if ((before.Role, before.ScopeRegion, before.ScopeDistrict) != (after.Role, after.ScopeRegion, after.ScopeDistrict))
        {
            await WriteAsync(by, AuditLog.Actions.UserRoleChanged, after.Username, new Dictionary<string, object?>
            {
                ["from"] = new { role = before.Role, scopeRegion = before.ScopeRegion, scopeDistrict = before.ScopeDistrict },
                ["to"] = new { role = after.Role, scopeRegion = after.ScopeRegion, scopeDistrict = after.ScopeDistrict },
            });
        }
        return after;
    }

    private static UserChange Parse(UserChangeRequest request)
    {
        if (request is { Disabled: null, Role: null, Scope: null }) throw new UserRejectedException("disabled", "Give disabled, role or scope.");
        Role? role = null;
        if (request.Role is not null)
        {
            if (!Roles.TryParse(request.Role, out var parsed)) throw new UserRejectedException("role", "role must be analyst, planner, education or steward.");
            role = parsed;
        }
        if (TextInputGuard.HasControlCharacters(request.Scope)) throw new UserRejectedException("scope", "scope holds control characters.");
        return new UserChange(request.Disabled, role, string.IsNullOrWhiteSpace(request.Scope) ? null : request.Scope.Trim());
    }

    private Task WriteAsync(ChangedBy by, string action, string target, Dictionary<string, object?> details)
    {
        details["via"] = by.Via;
        return audit.WriteAsync(new AuditEntry(by.Actor, by.Role, action, target, details, by.ClientIp));
    }
}
