using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RiskMap.Core.Feeds;
using RiskMap.Data.Feeds;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Feeds;

/// <summary>
/// Authenticates an agency client by the API key in the X-Api-Key header, looked up on every request, so an expired or
/// revoked key is refused from the next request on. The identity has no role: it can write feeds, and reads what the public reads.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AgencyClientStore clients)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = AccessSetup.MachineClientHeader;
    public const string ClientIdClaim = "agency_client_id";
    public const string KeyIdClaim = "agency_key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var sent)) return AuthenticateResult.NoResult();
        if (!ApiKey.TryParse(sent.ToString(), out var key)) return AuthenticateResult.Fail("The API key is not of the form rmk.<id>.<secret>.");
        if (await clients.AuthenticateAsync(key) is not { } caller) return AuthenticateResult.Fail("The API key is unknown, expired or revoked.");
        var principal = RiskMapClaims.Principal([
            new Claim(RiskMapClaims.Name, ClientName(caller.Name)),
            new Claim(ClientIdClaim, caller.ClientId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(KeyIdClaim, caller.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>How a client is named as an actor (import log, audit), apart from users.</summary>
    public static string ClientName(string name) => $"client:{name}";

    /// <summary>The agency client of an authenticated request.</summary>
    public static AgencyCaller Caller(ClaimsPrincipal principal) => new(
        long.Parse(principal.FindFirstValue(ClientIdClaim)!, System.Globalization.CultureInfo.InvariantCulture),
        principal.FindFirstValue(RiskMapClaims.Name)!["client:".Length..],
        long.Parse(principal.FindFirstValue(KeyIdClaim)!, System.Globalization.CultureInfo.InvariantCulture));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var sent = Request.Headers.ContainsKey(Header);
        Response.Headers.WWWAuthenticate = $"ApiKey realm=\"riskmap\", header=\"{Header}\"";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
            detail: sent
                ? "The API key is unknown, expired or revoked: ask the data steward for a key in force."
                : $"Send the agency client's API key in the {Header} header.",
            extensions: new Dictionary<string, object?> { ["code"] = sent ? "invalid-api-key" : "api-key-required" }).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AccessProblems.RoleMissing.ExecuteAsync(Context);
}
