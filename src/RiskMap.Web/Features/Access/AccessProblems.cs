using Microsoft.AspNetCore.Authentication;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Access;

/// <summary>The problems authentication and authorization answer with, for cookies and bearer tokens alike.</summary>
public static class AccessProblems
{
    public static readonly IResult SignInRequired =
        ApiProblems.SignInRequired("Sign in (POST /api/auth/login) or send a bearer token from POST /api/auth/token.");

    public static readonly IResult RoleMissing =
        ApiProblems.OutOfScope("Your role does not include this.");

    /// <summary>
    /// 401 for credentials that were sent but do not stand: a bearer token that is forged, expired or revoked (RFC 6750
    /// invalid_token), or a cookie whose session ended. Never the public view, on any endpoint: a client must learn that
    /// its sign-in is gone rather than silently see less. The dead cookie is cleared, so the next request is the public's.
    /// </summary>
    public static async Task RefuseFailedCredentialsAsync(HttpContext http)
    {
        if (AccessSetup.SendsAuthorizationHeader(http))
        {
            http.Response.Headers.WWWAuthenticate =
                "Bearer realm=\"riskmap\", error=\"invalid_token\", error_description=\"The token is invalid, expired or revoked.\"";
            await ApiProblems.SignInRequired("The bearer token is invalid, expired or revoked (its user signed out or was changed): " +
                                             "get a new one from POST /api/auth/token.").ExecuteAsync(http);
            return;
        }
        await http.SignOutAsync(AccessSetup.CookieScheme);
        // The cookie challenge of draft-broyer-http-cookie-auth: where to sign in and which cookie it sets.
        http.Response.Headers.WWWAuthenticate =
            $"Cookie realm=\"riskmap\", form-action=\"/api/auth/login\", cookie-name=\"{AccessSetup.SessionCookie}\"";
        await ApiProblems.SignInRequired("Your session has ended (you signed out, or your account was changed): sign in again.").ExecuteAsync(http);
    }
}
