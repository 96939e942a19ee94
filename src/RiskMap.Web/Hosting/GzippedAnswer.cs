using Microsoft.Net.Http.Headers;
using RiskMap.Web.Features.Tiles;

namespace RiskMap.Web.Hosting;

/// <summary>
/// Answers kept gzipped in memory (<see cref="TileCache"/>: vector tiles, boundary GeoJSON): the validators a client
/// revalidates them by, and the body as gzip for clients that accept it.
/// </summary>
internal static class GzippedAnswer
{
    /// <summary>Sets ETag, Cache-Control and Vary; true when the request's If-None-Match already names the ETag (answer 304).</summary>
    public static bool IsNotModified(HttpContext http, EntityTagHeaderValue etag, string cacheControl, string vary)
    {
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = cacheControl;
        http.Response.Headers.Vary = vary;
        return http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false));
    }

    public static IResult Body(HttpContext http, byte[] gzipped, string contentType)
    {
        if (http.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(gzipped, contentType);
        }
        return Results.Bytes(TileCache.Gunzip(gzipped), contentType);
    }
}
