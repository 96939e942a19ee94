using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RiskMap.Core.Access;

namespace RiskMap.Web.Features.Access;

/// <summary>
/// Who the caller is (a cookie for the web UI, a bearer token for API clients), what roles may do, anti-forgery for
/// cookie-authenticated changes, and rate limits on sign-in and exports.
/// </summary>
public static class AccessSetup
{
    public const string CookieScheme = "cookie";
    public const string BearerScheme = "bearer";
    /// <summary>Agency systems pushing data (no handler yet: the OpenAPI document declares it for the feed endpoints).</summary>
    public const string MachineClientScheme = "apiKey";
    public const string MachineClientHeader = "X-Api-Key";
    public const string SessionCookie = "riskmap.session";
    public const string EitherScheme = "cookie-or-bearer";

    public const string StewardPolicy = "steward";
    public const string SignInLimit = "sign-in";
    public const string ExportLimit = "exports";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddRiskMapAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var options = AccessOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton<BearerTokens>();
        services.AddSingleton<Passwords>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<UserAdministration>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddExceptionHandler<SessionStamps.Unavailable>();
        if (!string.IsNullOrWhiteSpace(options.KeysDirectory))
            services.AddDataProtection().SetApplicationName("riskmap").PersistKeysToFileSystem(new DirectoryInfo(options.KeysDirectory));

        services.AddAuthentication(EitherScheme)
            .AddPolicyScheme(EitherScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                SendsAuthorizationHeader(context) ? BearerScheme : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(options.CookieHours);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => AccessProblems.SignInRequired.ExecuteAsync(context.HttpContext);
                o.Events.OnRedirectToAccessDenied = context => AccessProblems.RoleMissing.ExecuteAsync(context.HttpContext);
                o.Events.OnValidatePrincipal = async context =>
                {
                    var stamps = context.HttpContext.RequestServices.GetRequiredService<SessionStamps>();
                    if (context.Principal is null || !await stamps.IsCurrentAsync(context.Principal)) context.RejectPrincipal();
                };
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerScheme, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(StewardPolicy, policy => policy.RequireClaim(RiskMapClaims.Role, Role.Steward.ToCode()));

        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "riskmap.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddRateLimiter(o =>
        {
            o.OnRejected = async (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: "Too many requests from you in the last minute; try again in a minute.",
                    extensions: new Dictionary<string, object?> { ["code"] = "rate-limited" }).ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(SignInLimit, context => PerMinute(ClientAddress(context), options.SignInsPerMinute));
            o.AddPolicy(ExportLimit, context => BulkReads.Counts(context)
                ? PerMinute(context.User.Identity?.Name ?? ClientAddress(context), options.ExportsPerMinute)
                : RateLimitPartition.GetNoLimiter("not a bulk read"));
        });
        return services;
    }

    /// <summary>
    /// Authentication (credentials that were sent but fail are refused here, whatever the endpoint), anti-forgery for
    /// cookie-authenticated changes, authorization and rate limits, in that order.
    /// </summary>
    public static void UseRiskMapAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            // The result of UseAuthentication, kept by the handler: this does not authenticate twice.
            if ((await context.AuthenticateAsync()).Failure is not null)
            {
                await AccessProblems.RefuseFailedCredentialsAsync(context);
                return;
            }
            await next();
        });
        app.Use(async (context, next) =>
        {
            if (NeedsAntiforgery(context) && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing anti-forgery token",
                    detail: $"Changes made with the sign-in cookie need the {AntiforgeryHeader} header from /api/auth/me.",
                    extensions: new Dictionary<string, object?> { ["code"] = "antiforgery" }).ExecuteAsync(context);
                return;
            }
            await next();
        });
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    public static AccessScope CallerScope(this HttpContext context) => RiskMapClaims.Scope(context.User);

    /// <summary>Any Authorization header makes the request a bearer-token request: one that does not hold a valid token is refused.</summary>
    public static bool SendsAuthorizationHeader(HttpContext context) => context.Request.Headers.Authorization.Count > 0;

    public static string? ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    private static bool NeedsAntiforgery(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
        && context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieScheme };

    private static RateLimitPartition<string> PerMinute(string? key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
