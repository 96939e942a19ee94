using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>
/// The map page names the published run and preloads the default view's district table, so that the browser asks for
/// the table while it parses the page; it is never reused without asking, as the run it names changes.
/// </summary>
public class MapPageServingTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    public async Task The_map_page_names_the_published_run_and_preloads_the_default_views_district_table(string address)
    {
        var client = app.CreateClient();
        var answer = await client.GetAsync(address);
        var page = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        Assert.True(answer.Headers.CacheControl?.NoCache, $"Cache-Control: {answer.Headers.CacheControl}");
        var named = NamedRun(page);
        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/score-runs/current"));
        var published = status.RootElement.GetProperty("published");
        Assert.Equal(app.FirstRun, named.GetProperty("id").GetInt64());
        var periods = named.GetProperty("periods").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal(published.GetProperty("periods").EnumerateArray().Select(p => p.GetString()!), periods);

        var preload = Assert.Single(ScorePreloads(page));
        Assert.Equal($"/api/scores?level=district&run={app.FirstRun}&period={periods[^1]}&classes=fixed", preload);
        using var table = JsonDocument.Parse(await client.GetStringAsync(preload));
        Assert.Equal(periods[^1], table.RootElement.GetProperty("period").GetString());
        Assert.NotEmpty(table.RootElement.GetProperty("units").EnumerateArray());
        // Before the map's first script, which reads it as soon as it runs.
        Assert.True(page.IndexOf("id=\"current-run\"", StringComparison.Ordinal) < page.IndexOf("<script type=\"module\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_address_with_a_view_gets_the_run_but_no_preload_of_a_table_it_will_not_show()
    {
        var page = await app.CreateClient().GetStringAsync("/?classes=quantile&lang=en");

        Assert.Equal(app.FirstRun, NamedRun(page).GetProperty("id").GetInt64());
        Assert.Empty(ScorePreloads(page));
    }

    internal static JsonElement NamedRun(string page)
    {
        var json = Regex.Match(page, "<script type=\"application/json\" id=\"current-run\">([^<]*)</script>");
        Assert.True(json.Success, "The page names no run.");
        return JsonDocument.Parse(json.Groups[1].Value).RootElement.Clone();
    }

    internal static IEnumerable<string> ScorePreloads(string page) =>
        Regex.Matches(page, "<link rel=\"preload\" href=\"(/api/scores[^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));
}

/// <summary>With nothing published the map page names no run and preloads no table (the map reads the run status).</summary>
[Collection(DemoAppCollection.Name)]
public class UnpublishedMapPageTests(DemoApp app)
{
    [Fact]
    public async Task With_nothing_published_the_map_page_names_no_run_and_preloads_no_table()
    {
        var page = await app.CreateClient().GetStringAsync("/");

        Assert.Contains("/js/map/app.js", page);
        Assert.DoesNotContain("current-run\"", page);
        Assert.Empty(MapPageServingTests.ScorePreloads(page));
    }
}
