namespace RiskMap.Web.Hosting;

/// <summary>
/// Security headers on every response. The Content-Security-Policy lets the Leaflet app run from its own origin: scripts
/// and styles from 'self' only (Leaflet positions elements through the style property, which CSP allows), images also
/// from the configured basemap's origin, and no framing.
/// </summary>
public static class SecurityHeaders
{
    public static void UseSecurityHeaders(this WebApplication app)
    {
        var basemap = Uri.TryCreate(app.Configuration["Map:BasemapUrl"]?.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var url)
            ? $" {url.Scheme}://{url.Authority}"
            : "";
        var policy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            $"img-src 'self' data: blob:{basemap}",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
        // Set as the response starts, so that answers from the exception handler (which clears headers) carry them too.
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
