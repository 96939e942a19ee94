using System.Globalization;
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
            .WithDescription("After 5 failed attempts in a row the account locks for 15 minutes (Access:LockoutAttempts, Access:LockoutMinutes). " +
                             "Every attempt is audited. At most 20 attempts per client address and minute.")
            .Produces<Me>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/logout", async (HttpContext http) =>
            {
                await http.SignOutAsync(AccessSetup.CookieScheme);
                return Results.NoContent();
            })
            .WithSummary("Ends the cookie session.")
            .Produces(StatusCodes.Status204NoContent);

        auth.MapGet("/me", (HttpContext http) => Results.Ok(Describe(http)))
            .WithSummary("The caller: role, scope, what they may see, and the anti-forgery token for changes made with the cookie.")
            .Produces<Me>();

        auth.MapPost("/token", async (HttpContext http, Credentials credentials, SignInService signIn, BearerTokens tokens) =>
            {
                var (user, problem) = await CheckAsync(http, credentials, signIn, "token");
                if (user is null) return problem!;
                return Results.Ok(new Token(tokens.Issue(user), "Bearer", (int)tokens.Lifetime.TotalSeconds));
            })
            .RequireRateLimiting(AccessSetup.SignInLimit)
            .WithSummary("A bearer token (JWT, HMAC-SHA256) for API clients: send it as 'Authorization: Bearer …'.")
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
        var result = await signIn.SignInAsync(credentials.Username, credentials.Password, AccessSetup.ClientAddress(http), via);
        if (result.User is { } user) return (user, null);
        var detail = result.LockedUntil is { } until
            ? string.Create(CultureInfo.InvariantCulture, $"Too many failed sign-ins: the account is locked until {until:yyyy-MM-ddTHH:mm:ssZ}.")
            : "The username or password is wrong.";
        return (null, Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = result.FailureCode, ["lockedUntil"] = result.LockedUntil }));
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
