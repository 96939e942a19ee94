using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using RiskMap.Data.Access;

namespace RiskMap.Web.Features.Access;

/// <summary>
/// Whether a sign-in cookie or bearer token still stands: the security stamp it carries must be the user's current one,
/// and the user must not be disabled. Sign-out, disabling, locking and a role, scope or password change give the user a
/// new stamp, which ends every cookie and token issued before.
/// </summary>
/// <remarks>
/// The stamp is read from the database on every signed-in request, without a cache: it is one primary-key read (the
/// public costs nothing), and so a change made on another instance or from the command line ends the session at the
/// very next request everywhere, with no window in which a disabled user still sees children's data.
/// </remarks>
public sealed class SessionStamps(UserStore users)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        var name = principal.FindFirstValue(RiskMapClaims.Name);
        var stamp = principal.FindFirstValue(RiskMapClaims.Stamp);
        if (name is null || stamp is null) return false;
        string? current;
        try
        {
            current = await users.CurrentStampAsync(name);
        }
        catch (NpgsqlException e)
        {
            throw new UncheckableException(e);
        }
        return current is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(current), Encoding.UTF8.GetBytes(stamp));
    }

    /// <summary>The database could not be asked whether a session stands.</summary>
    public sealed class UncheckableException(Exception inner) : Exception("The session cannot be checked: the database is unreachable.", inner);

    /// <summary>A session that cannot be checked is refused with 503, never let through (and not a 500).</summary>
    public sealed class Unavailable : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not UncheckableException) return false;
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Database unreachable",
                detail: "Your sign-in cannot be checked right now; try again shortly.",
                extensions: new Dictionary<string, object?> { ["code"] = "database-unreachable" }).ExecuteAsync(context);
            return true;
        }
    }
}
