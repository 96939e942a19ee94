using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using System.Globalization;
using RiskMap.Data.Scoring;
using RiskMap.Web.Features.FirstFrame;
using RiskMap.Web.Features.Tiles;

namespace RiskMap.Web.Hosting;

/// <summary>
/// The map page (index.html) with the published run named in it, so that the map asks for its first score table while
/// the browser parses the page rather than after <c>/api/score-runs/current</c> has answered: the run's id and quarters
/// as <c>&lt;script type="application/json" id="current-run"&gt;</c> (data, which the Content Security Policy does not
/// run), and for an address that asks for no view a preload of the default view's district table at the very address
/// mapdata.js fetches. The preload is the caller's own request (credentials included), so nothing scoped is kept on the
/// server; the page names the run of the moment and is never reused without asking (no-cache). With nothing published
/// the page names nothing and the map reads the run status as before.
/// </summary>
internal static class MapPage
{
    /// <summary>Where index.html says the run goes: before its first script, which reads it as soon as it runs.</summary>
    private const string Marker = "<!-- current-run -->";
    /// <summary>Where index.html says the first frame goes: inside the map's container.</summary>
    private const string FrameMarker = "<!-- first-frame -->";
    private static readonly string[] ViewParameters = ["period", "measure", "classes"];

    public static void MapMapPage(this WebApplication app)
    {
        var pages = app.FrontEndPages();
        foreach (var address in new[] { "/", "/index.html" })
        {
            app.MapMethods(address, [HttpMethods.Get, HttpMethods.Head], (HttpContext http, ScoreRunQueries runs, MapDataWatcher watcher, FirstFrameMaker frames) =>
                    ServeAsync(http, runs, watcher, frames, pages))
                .ExcludeFromDescription();
        }
    }

    private static async Task<IResult> ServeAsync(HttpContext http, ScoreRunQueries runs, MapDataWatcher watcher, FirstFrameMaker frames, IFileProvider pages)
    {
        string page;
        await using (var stream = pages.GetFileInfo("index.html").CreateReadStream())
        using (var reader = new StreamReader(stream))
        {
            page = await reader.ReadToEndAsync();
        }
        var run = await runs.PublishedRunAsync() is { } id ? await runs.FindRunAsync(id) : null;
        http.Response.Headers.CacheControl = "no-cache";
        var defaultView = DefaultView(http.Request);
        var version = await watcher.CurrentAsync();
        var svg = run is not null && defaultView && version.Run == run.Id ? await frames.SvgAsync(version) : null;
        var frame = svg is null ? "" : Frame(svg, frames.View);
        var html = page.Replace(Marker, run is null ? "" : Naming(run, defaultView)).Replace(FrameMarker, frame);
        return Compressed(http, html);
    }

    /// <summary>
    /// The page gzipped when the browser takes gzip: the inline frame makes it ~105 KB (~45 KB gzipped), and the page is
    /// asked for again on every visit (no-cache). Nothing secret is in it (the run and the public frame), so compressing
    /// it beside the caller's own text leaks nothing (BREACH needs a secret in the same answer).
    /// </summary>
    private static IResult Compressed(HttpContext http, string html)
    {
        http.Response.Headers.Vary = "Accept-Encoding";
        var bytes = System.Text.Encoding.UTF8.GetBytes(html);
        var takesGzip = http.Request.GetTypedHeaders().AcceptEncoding
            .Any(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && (e.Quality ?? 1) > 0);
        if (!takesGzip)
            return Results.Bytes(bytes, "text/html; charset=utf-8");
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest))
            gzip.Write(bytes);
        http.Response.Headers.ContentEncoding = "gzip";
        return Results.Bytes(buffer.ToArray(), "text/html; charset=utf-8");
    }

    /// <summary>
    /// The first frame's image, aria-hidden (the map's region describes the map), with what the style sheet needs to
    /// size it as Leaflet fits the first view: the view's size at zoom 0, the padding and the zoom step. The SVG is in the
    /// page itself (a data: address), so it is painted in the page's first frame: as a separate request it queued behind
    /// the scripts and the data on the browser's six connections. It shows public levels only, the same for every caller.
    /// </summary>
    private static string Frame(string svg, RiskMap.Core.Maps.FirstView view)
    {
        var (width, height) = view.SizeAtZoomZero();
        // In a data: address only % and # (the colours) must be escaped; the attribute's own escaping does the rest.
        var address = "data:image/svg+xml," + svg.Replace("%", "%25", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture,
            $"<img class=\"first-frame\" src=\"{System.Net.WebUtility.HtmlEncode(address)}\" alt=\"\" aria-hidden=\"true\" " +
            $"elementtiming=\"first-frame\" data-width=\"{width:R}\" data-height=\"{height:R}\" data-padding=\"{view.Padding}\" data-snap=\"{view.ZoomSnap:R}\">");
    }

    private static bool DefaultView(HttpRequest request) => !ViewParameters.Any(key => !string.IsNullOrEmpty(request.Query[key]));

    private static string Naming(ScoreRunView run, bool defaultView)
    {
        // The serializer escapes < > & as \u003C…, so nothing in the JSON can end the script element.
        var named = $"<script type=\"application/json\" id=\"current-run\">{JsonSerializer.Serialize(new { id = run.Id, periods = run.Periods })}</script>";
        if (!defaultView || run.Periods.Count == 0) return named;
        // The order of fetchScores' query (api.js): level, run, period, classes.
        var table = $"/api/scores?level=district&run={run.Id}&period={Uri.EscapeDataString(run.Periods[^1])}&classes=fixed";
        return named + $"\n  <link rel=\"preload\" href=\"{System.Net.WebUtility.HtmlEncode(table)}\" as=\"fetch\" crossorigin>";
    }
}
