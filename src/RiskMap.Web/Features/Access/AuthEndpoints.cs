using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using RiskMap.Core.Access;
using RiskMap.Data.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Access;

public static class AuthEndpoints
{
    public sealed record Credentials(string? Username, string? Password);

    /// <summary>Who the caller is. <c>AntiforgeryToken</c> goes in the X-CSRF-TOKEN header of changes made with the cookie.</summary>
    public sealed record Me(bool Authenticated, string Role, string? Username, string? DisplayName, string? ScopeRegion, string? ScopeDistrict,
        bool SeesSchools, bool ManagesData, string? AntiforgeryToken);

    public sealed record Token(string AccessToken, string TokenType, int ExpiresIn);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Access");

        auth.MapPost("/login", async (HttpContext http, Credentials credentials, SignInService signIn) =>
            {
                var (user, problem) = await CheckAsync(http, credentials, signIn, "cookie");
                if (user is null) return problem!;
                var principal = RiskMapClaims.Principal(RiskMapClaims.Of(user), AccessSetup.CookieScheme);
                await http.SignInAsync(AccessSetup.CookieScheme, principal);
                http.User = principal;
                return Results.Ok(Describe(http));
            })
            .RequireRateLimiting(AccessSetup.SignInLimit)
            .WithSummary("Signs in for the web UI: sets an HTTP-only, same-site session cookie.")
            .WithDescription("After 5 failed attempts in a row the account locks for 15 minutes (Access:LockoutAttempts, Access:LockoutMinutes) " +
                             "and its sessions end. An unknown user, a wrong password and a locked or disabled account get the same 401 answer " +
                             "(code wrong-credentials); the audit log records the true reason of every attempt. At most 20 attempts per client address and minute.")
            .Produces<Me>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/logout", async (HttpContext http, UserStore users) =>
            {
                var scope = http.CallerScope();
                if (!scope.IsPublic)
                {
                    await users.EndSessionsAsync(scope.User);
                    await http.AuditAsync(AuditLog.Actions.Logout, scope.User,
                        new Dictionary<string, object?> { ["via"] = http.User.Identity?.AuthenticationType == AccessSetup.CookieScheme ? "cookie" : "token" });
                }
                await http.SignOutAsync(AccessSetup.CookieScheme);
                return Results.NoContent();
            })
            .WithSummary("Signs out: ends every session and bearer token of the user, on every device, and clears the cookie.")
            .WithDescription("Signing out ends all of the user's sign-in cookies and bearer tokens at once, not only this one: any of them " +
                             "sent afterwards is answered 401. Also with a bearer token. The sign-out is audited.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        auth.MapGet("/me", (HttpContext http) => Results.Ok(Describe(http)))
            .WithSummary("The caller: role, scope, what they may see, and the anti-forgery token for changes made with the cookie.")
            .WithDescription("Without credentials: the public. A cookie whose session ended (sign-out, a disabled or locked account, a new role, " +
                             "scope or password) is answered 401 and cleared, as on every endpoint; the next request is the public's.")
            .Produces<Me>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        auth.MapPost("/token", async (HttpContext http, Credentials credentials, SignInService signIn, BearerTokens tokens) =>
            {
                var (user, problem) = await CheckAsync(http, credentials, signIn, "token");
                if (user is null) return problem!;
                return Results.Ok(new Token(tokens.Issue(user), "Bearer", (int)tokens.Lifetime.TotalSeconds));
            })
            .RequireRateLimiting(AccessSetup.SignInLimit)
            .WithSummary("A bearer token (JWT, HMAC-SHA256) for API clients: send it as 'Authorization: Bearer …'.")
            .WithDescription("The token lasts 60 minutes (Access:TokenMinutes) unless the user signs out, is disabled or locked, or gets a new role, " +
                             "scope or password first. A request with an invalid, expired or ended token is answered 401 with " +
                             "WWW-Authenticate: Bearer error=\"invalid_token\" on every endpoint, public ones included.")
            .Produces<Token>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<(UserAccount? User, IResult? Problem)> CheckAsync(HttpContext http, Credentials credentials, SignInService signIn, string via)
    {
        if (string.IsNullOrWhiteSpace(credentials.Username) || string.IsNullOrEmpty(credentials.Password))
        {
            return (null, ApiProblems.BadParameter(string.IsNullOrWhiteSpace(credentials.Username) ? "username" : "password",
                "Give a username and a password."));
        }
        var user = await signIn.SignInAsync(credentials.Username, credentials.Password, AccessSetup.ClientAddress(http), via);
        return user is not null ? (user, null)
            : (null, Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The username or password is wrong.",
                extensions: new Dictionary<string, object?> { ["code"] = "wrong-credentials" }));
    }

    private static Me Describe(HttpContext http)
    {
        var scope = http.CallerScope();
        if (scope.IsPublic) return new Me(false, "public", null, null, null, null, false, false, null);
        var token = http.User.Identity?.AuthenticationType == AccessSetup.CookieScheme
            ? http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken
            : null;
        return new Me(true, scope.Role!.Value.ToCode(), scope.User, http.User.FindFirst(RiskMapClaims.DisplayName)?.Value,
            scope.RegionKato, scope.DistrictKato, scope.SeesDetail, scope.ManagesData, token);
    }
}
