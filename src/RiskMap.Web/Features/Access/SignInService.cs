using Microsoft.AspNetCore.Identity;
using RiskMap.Core.Access;
using RiskMap.Data.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Access;

/// <summary>
/// Checks a username and password, counts failures towards the lockout, and audits every attempt. To the caller every
/// failure is the same — an unknown user, a wrong password, a disabled or a locked account — and costs the same password
/// check, so the answer does not tell whether an account exists; the audit log keeps the true reason.
/// </summary>
public sealed class SignInService(UserStore users, Passwords passwords, AuditLog audit, AccessOptions options)
{
    /// <returns>The user, or null when the sign-in fails.</returns>
    public async Task<UserAccount?> SignInAsync(string username, string password, string? clientIp, string via)
    {
        // No user name holds control characters (see the users table's check), and the database could not look one up.
        var user = TextInputGuard.HasControlCharacters(username) ? null : await users.FindAsync(username);
        var verified = passwords.Verify(user, password);
        if (user is null) return await FailAsync(username, "unknown-user", null, clientIp, via);
        if (user.Disabled) return await FailAsync(username, "disabled", null, clientIp, via);
        if (user is { LockedUntil: { } until } && until > DateTimeOffset.UtcNow) return await FailAsync(username, "account-locked", until, clientIp, via);
        if (verified == PasswordVerificationResult.Failed)
        {
            var lockedUntil = await users.RecordFailureAsync(user.Id, options.LockoutAttempts, TimeSpan.FromMinutes(options.LockoutMinutes));
            return await FailAsync(username, lockedUntil is null ? "wrong-credentials" : "account-locked", lockedUntil, clientIp, via);
        }
        if (verified == PasswordVerificationResult.SuccessRehashNeeded) await users.SetPasswordAsync(user.Username, passwords.Hash(password));
        await users.RecordSuccessAsync(user.Id);
        await audit.WriteAsync(new AuditEntry(user.Username, user.Role.ToCode(), AuditLog.Actions.Login, null,
            new Dictionary<string, object?> { ["via"] = via }, clientIp));
        return user;
    }

    private async Task<UserAccount?> FailAsync(string username, string reason, DateTimeOffset? lockedUntil, string? clientIp, string via)
    {
        // The name as typed is kept (bounded), so a steward can see guessing against names that don't exist.
        var printable = new string(username.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        var actor = printable.Length > 64 ? printable[..64] : printable;
        var details = new Dictionary<string, object?> { ["reason"] = reason, ["via"] = via };
        if (lockedUntil is not null) details["lockedUntil"] = lockedUntil;
        await audit.WriteAsync(new AuditEntry(actor, null, AuditLog.Actions.LoginFailed, null, details, clientIp));
        return null;
    }
}
