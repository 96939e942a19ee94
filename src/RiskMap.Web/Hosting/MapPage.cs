using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using RiskMap.Data.Scoring;

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
    private static readonly string[] ViewParameters = ["period", "measure", "classes"];

    public static void MapMapPage(this WebApplication app)
    {
        var pages = app.FrontEndPages();
        foreach (var address in new[] { "/", "/index.html" })
        {
            app.MapMethods(address, [HttpMethods.Get, HttpMethods.Head], (HttpContext http, ScoreRunQueries runs) => ServeAsync(http, runs, pages))
                .ExcludeFromDescription();
        }
    }

    private static async Task<IResult> ServeAsync(HttpContext http, ScoreRunQueries runs, IFileProvider pages)
    {
        string page;
        await using (var stream = pages.GetFileInfo("index.html").CreateReadStream())
        using (var reader = new StreamReader(stream))
        {
            page = await reader.ReadToEndAsync();
        }
        var run = await runs.PublishedRunAsync() is { } id ? await runs.FindRunAsync(id) : null;
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Content(page.Replace(Marker, run is null ? "" : Naming(run, DefaultView(http.Request))), "text/html; charset=utf-8");
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
