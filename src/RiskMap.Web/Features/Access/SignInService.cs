using Microsoft.AspNetCore.Identity;
using RiskMap.Core.Access;
using RiskMap.Data.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Access;

public sealed record SignInResult(UserAccount? User, string? FailureCode, DateTimeOffset? LockedUntil);

/// <summary>Checks a username and password, counts failures towards the lockout, and audits every attempt.</summary>
public sealed class SignInService(UserStore users, Passwords passwords, AuditLog audit, AccessOptions options)
{
    public async Task<SignInResult> SignInAsync(string username, string password, string? clientIp, string via)
    {
        // No user name holds control characters (see the users table's check), and the database could not look one up.
        var user = TextInputGuard.HasControlCharacters(username) ? null : await users.FindAsync(username);
        if (user is { LockedUntil: { } until } && until > DateTimeOffset.UtcNow)
            return await FailAsync(username, user, "account-locked", until, clientIp, via);

        var verified = passwords.Verify(user, password);
        if (user is null || user.Disabled || verified == PasswordVerificationResult.Failed)
        {
            DateTimeOffset? lockedUntil = null;
            if (user is { Disabled: false })
                lockedUntil = await users.RecordFailureAsync(user.Id, options.LockoutAttempts, TimeSpan.FromMinutes(options.LockoutMinutes));
            return await FailAsync(username, user, lockedUntil is null ? "wrong-credentials" : "account-locked", lockedUntil, clientIp, via);
        }
        if (verified == PasswordVerificationResult.SuccessRehashNeeded) await users.SetPasswordAsync(user.Username, passwords.Hash(password));
        await users.RecordSuccessAsync(user.Id);
        await audit.WriteAsync(new AuditEntry(user.Username, user.Role.ToCode(), AuditLog.Actions.Login, null,
            new Dictionary<string, object?> { ["via"] = via }, clientIp));
        return new SignInResult(user, null, null);
    }

    private async Task<SignInResult> FailAsync(string username, UserAccount? user, string code, DateTimeOffset? lockedUntil, string? clientIp, string via)
    {
        // The name as typed is kept (bounded), so a steward can see guessing against names that don't exist.
        var printable = new string(username.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        var actor = printable.Length > 64 ? printable[..64] : printable;
        await audit.WriteAsync(new AuditEntry(actor, null, AuditLog.Actions.LoginFailed, null,
            new Dictionary<string, object?> { ["reason"] = user is null ? "unknown-user" : user.Disabled ? "disabled" : code, ["via"] = via }, clientIp));
        return new SignInResult(null, code, lockedUntil);
    }
}
