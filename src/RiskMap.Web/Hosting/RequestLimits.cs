using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;

namespace RiskMap.Web.Hosting;

/// <summary>
/// The limits on a request's URL and headers (<c>Limits:MaxUrlBytes</c>, 8,192, and <c>Limits:MaxHeaderBytes</c>,
/// 32,768, Kestrel's usual limits), answered with 414 and 431 problems. Kestrel refuses over-long requests itself with
/// an empty answer before any middleware runs, so its own limits are raised to four times these: only a request beyond
/// that hard limit still gets Kestrel's bare answer.
/// </summary>
public static class RequestLimits
{
    private const int KestrelFactor = 4;

    private sealed record Limits(int MaxUrlBytes, int MaxHeaderBytes);

    private static Limits From(IConfiguration configuration) =>
        new(configuration.GetValue("Limits:MaxUrlBytes", 8 * 1024), configuration.GetValue("Limits:MaxHeaderBytes", 32 * 1024));

    public static void ConfigureRequestLimits(this WebApplicationBuilder builder)
    {
        var limits = From(builder.Configuration);
        builder.WebHost.ConfigureKestrel(o =>
        {
            // Kestrel's request line also holds the method and the protocol.
            o.Limits.MaxRequestLineSize = KestrelFactor * limits.MaxUrlBytes + 64;
            o.Limits.MaxRequestHeadersTotalSize = KestrelFactor * limits.MaxHeaderBytes;
        });
    }

    public static void UseRequestLimits(this WebApplication app)
    {
        var limits = From(app.Configuration);
        app.Use(async (context, next) =>
        {
            if (UrlBytes(context) > limits.MaxUrlBytes)
            {
                await Refuse(context, StatusCodes.Status414UriTooLong, "URL too long", "uri-too-long",
                    $"The URL is longer than {limits.MaxUrlBytes} bytes: send fewer or shorter parameters.");
                return;
            }
            if (HeaderBytes(context.Request.Headers) > limits.MaxHeaderBytes)
            {
                await Refuse(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Headers too large", "headers-too-large",
                    $"The request's headers are larger than {limits.MaxHeaderBytes} bytes in all.");
                return;
            }
            await next();
        });
    }

    private static int UrlBytes(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw.Length : context.Request.GetEncodedPathAndQuery().Length;

    /// <summary>As Kestrel counts them: each header's name and value (a header given twice counts twice).</summary>
    private static long HeaderBytes(IHeaderDictionary headers) =>
        headers.Sum(h => h.Value.Sum(v => (long)h.Key.Length + (v?.Length ?? 0)));

    private static Task Refuse(HttpContext context, int status, string title, string code, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code })
            .ExecuteAsync(context);
}
