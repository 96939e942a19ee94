using System.Text;
using Microsoft.Net.Http.Headers;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Geography;

/// <summary>
/// The regions' and districts' GeoJSON depend on the boundaries only (no scores, nothing of the caller's), so each answer
/// is built once per boundary import (<see cref="RiskMap.Data.Tiles.MapDataVersion.Boundaries"/>, which the
/// <see cref="MapDataWatcher"/> follows), kept gzipped in the <see cref="TileCache"/> and revalidated by an ETag naming
/// that import.
/// </summary>
internal static class BoundaryAnswers
{
    public const string CachingDescription =
        " The answer carries an ETag naming the latest boundary import (If-None-Match gets 304 until boundaries are imported " +
        "again) and is gzipped for clients that accept it.";

    public static async Task<IResult> ServeAsync(HttpContext http, MapDataWatcher watcher, TileCache cache, string variant, Func<Task<string>> make)
    {
        var boundaries = (await watcher.CurrentAsync()).Boundaries;
        var etag = new EntityTagHeaderValue($"\"boundaries-{boundaries}\"");
        if (GzippedAnswer.IsNotModified(http, etag, "public, max-age=60", "Accept-Encoding"))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        var (gzipped, timing) = await cache.GetOrAddAsync($"geojson/{variant}/{boundaries}", async () => Encoding.UTF8.GetBytes(await make()));
        http.Response.Headers["Server-Timing"] = timing;
        return GzippedAnswer.Body(http, gzipped, GeographyEndpoints.GeoJson);
    }
}
