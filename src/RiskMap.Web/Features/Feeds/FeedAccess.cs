using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using RiskMap.Web.Features.Access;

namespace RiskMap.Web.Features.Feeds;

/// <summary>
/// How agency clients reach the feed endpoints: the API-key scheme, the policy that admits only them, and a rate limit
/// per client (<c>Feeds:BatchesPerMinute</c>, 30), refused with the service's 429 problem and Retry-After.
/// </summary>
public static class FeedAccess
{
    /// <summary>The scheme the OpenAPI document declares for the <c>X-Api-Key</c> header, so the feed operations reference it.</summary>
    public const string ApiKeyScheme = AccessSetup.MachineClientScheme;
    public const string FeedPolicy = "agency-client";
    public const string FeedLimit = "feeds";

    public static IServiceCollection AddAgencyFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        var batchesPerMinute = configuration.GetValue("Feeds:BatchesPerMinute", 30);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyScheme, null);
        services.AddAuthorizationBuilder().AddPolicy(FeedPolicy, policy => policy
            .AddAuthenticationSchemes(ApiKeyScheme)
            .RequireClaim(ApiKeyHandler.ClientIdClaim));
        services.AddRateLimiter(o => o.AddPolicy(FeedLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter(context.User.FindFirst(ApiKeyHandler.ClientIdClaim)?.Value ?? "no client", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = batchesPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));
        return services;
    }
}
