using Microsoft.Net.Http.Headers;

namespace RiskMap.Web.Hosting;

/// <summary>
/// What the service answers a signed-in caller may hold child data of their scope, and an export file is a copy of such
/// data: neither may be kept by a browser or proxy cache. Every /api/ response to an authenticated caller and every
/// attachment carries <c>Cache-Control: no-store</c>; public answers (and tiles, which key their own caching by scope)
/// keep theirs.
/// </summary>
public static class PrivateCaching
{
    public static void UsePrivateCaching(this WebApplication app) => app.Use(async (context, next) =>
    {
        // Decided as the response starts: by then authentication has run and the endpoint has set its headers.
        context.Response.OnStarting(() =>
        {
            if (IsPrivate(context)) context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next();
    });

    private static bool IsPrivate(HttpContext context) =>
        (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && context.User.Identity?.IsAuthenticated == true)
        || (ContentDispositionHeaderValue.TryParse(context.Response.Headers.ContentDisposition.ToString(), out var disposition)
            && disposition.DispositionType.Equals("attachment", StringComparison.OrdinalIgnoreCase));
}
