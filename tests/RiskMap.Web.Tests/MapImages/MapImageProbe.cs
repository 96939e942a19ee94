using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Core.Access;
using RiskMap.Web.Features.MapImages;
using RiskMap.Web.Features.Tiles;
using SkiaSharp;

namespace RiskMap.Web.Tests.MapImages;

/// <summary>What the map image tests read of an image: the PNG of a query, and where a district lies in it.</summary>
internal static class MapImageProbe
{
    public const string Png = "/api/maps/image.png";

    public static async Task<SKBitmap> PngAsync(HttpClient client, string query)
    {
        var answer = await client.GetAsync($"{Png}?{query}");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("image/png", answer.Content.Headers.ContentType?.MediaType);
        return SKBitmap.Decode(await answer.Content.ReadAsByteArrayAsync());
    }

    public static async Task<MapPicture> PictureAsync(ScoredDemoApp app, MapImageRequest request, AccessScope scope)
    {
        var version = await app.Services.GetRequiredService<MapDataWatcher>().CurrentAsync();
        return await app.Services.GetRequiredService<MapImageMaker>().PictureAsync(request, version, version.LatestPeriod!, scope);
    }

    /// <summary>Where a point of a district's interior (PostGIS's point on its surface) falls in the image of the request.</summary>
    public static async Task<(int X, int Y)> PixelOfAsync(ScoredDemoApp app, string kato, MapImageRequest request, AccessScope scope)
    {
        var point = (await app.Database.QueryAsync<(double X, double Y)>("""
            SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) AS p FROM districts WHERE kato = @kato) d
            """, new { kato })).Single();
        var (x, y) = app.Services.GetRequiredService<MapImageDrawing>().Frame(await PictureAsync(app, request, scope)).Point(point.X, point.Y);
        return ((int)Math.Round(x), (int)Math.Round(y));
    }
}
