using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace RiskMap.Web.Features.Access;

/// <summary>Authenticates "Authorization: Bearer …" requests; challenges and refusals are RFC 9457 problems.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, BearerTokens tokens, SessionStamps stamps)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("Only bearer tokens are accepted.");
        var principal = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), Scheme.Name);
        if (principal is null) return AuthenticateResult.Fail("The bearer token is invalid or expired.");
        if (!await stamps.IsCurrentAsync(principal)) return AuthenticateResult.Fail("The bearer token was revoked.");
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"riskmap\"";
        await AccessProblems.SignInRequired.ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AccessProblems.RoleMissing.ExecuteAsync(Context);
}
