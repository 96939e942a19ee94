using System.Net;
using RiskMap.Web.Features.Ogc;

namespace RiskMap.Web.Tests;

public class OgcApiTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private readonly HttpClient _client = app.ClientAs("analyst");

    [Fact]
    public async Task The_landing_page_links_the_API_definition_conformance_and_collections()
    {
        var landing = await Json.GetAsync(_client, "/ogc");
        var rels = landing.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "self", "service-desc", "conformance", "data" }, rels);
        var openapi = await Json.GetAsync(_client, "/openapi/v1.json");
        Assert.StartsWith("3.0", openapi.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task Conformance_declares_exactly_what_is_implemented()
    {
        var conformance = await Json.GetAsync(_client, "/ogc/conformance");
        Assert.Equal(OgcEndpoints.ConformanceClasses.Order(), conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()!).Order());
    }

    [Fact]
    public async Task Collections_describe_their_extent_and_the_quarters_scored()
    {
        var collections = (await Json.GetAsync(_client, "/ogc/collections")).GetProperty("collections").EnumerateArray().ToList();
        Assert.Equal(["regions", "districts", "schools"], collections.Select(c => c.GetProperty("id").GetString()));
        var districts = collections[1].GetProperty("extent");
        var bbox = districts.GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.InRange(bbox[0], 46, 47);
        Assert.InRange(bbox[3], 55, 56);
        var interval = districts.GetProperty("temporal").GetProperty("interval")[0];
        Assert.Equal("2023-01-01T00:00:00Z", interval[0].GetString());
        Assert.Equal("2025-12-31T23:59:59Z", interval[1].GetString());
    }

    [Fact]
    public async Task Next_links_page_through_all_224_districts_without_duplicates_or_gaps()
    {
        var codes = new List<string>();
        string? next = "/ogc/collections/districts/items?limit=50";
        var pages = 0;
        while (next is not null)
        {
            var page = await Json.GetAsync(_client, next);
            Assert.Equal(224, page.GetProperty("numberMatched").GetInt32());
            var features = page.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(features.Count, page.GetProperty("numberReturned").GetInt32());
            codes.AddRange(features.Select(f => f.GetProperty("id").GetString()!));
            next = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("href").GetString()!).PathAndQuery).FirstOrDefault();
            pages++;
        }
        Assert.Equal(5, pages);
        Assert.Equal(224, codes.Distinct().Count());
        Assert.Equal(await app.Database.QueryAsync<string>("SELECT kato FROM districts ORDER BY kato"), codes);
    }

    [Fact]
    public async Task A_bbox_returns_exactly_the_districts_it_touches()
    {
        const string bbox = "76.85,43.20,77.00,43.30"; // central Almaty
        var page = await Json.GetAsync(_client, $"/ogc/collections/districts/items?bbox={bbox}&limit=100");
        var codes = page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order().ToList();
        var expected = await app.Database.QueryAsync<string>(
            "SELECT kato FROM districts WHERE ST_Intersects(geom, ST_MakeEnvelope(76.85, 43.20, 77.00, 43.30, 4326)) ORDER BY kato");
        Assert.Equal(expected, codes);
        Assert.Contains("751110000", codes);
        Assert.All(codes, c => Assert.StartsWith("75", c));
    }

    [Fact]
    public async Task Features_carry_the_scores_of_the_quarter_asked_for()
    {
        var latest = await Json.GetAsync(_client, "/ogc/collections/districts/items/101000000");
        Assert.Equal("2025Q4", latest.GetProperty("properties").GetProperty("period").GetString());
        var byDate = await Json.GetAsync(_client, "/ogc/collections/districts/items/101000000?datetime=2024-08-15");
        Assert.Equal("2024Q3", byDate.GetProperty("properties").GetProperty("period").GetString());
        var profile = await Json.GetAsync(_client, "/api/scores/district/101000000");
        var q3 = profile.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("period").GetString() == "2024Q3");
        Assert.Equal(Math.Round(q3.GetProperty("score").GetDouble(), 3), byDate.GetProperty("properties").GetProperty("score").GetDouble(), 6);
    }

    [Fact]
    public async Task HTML_is_served_by_f_or_Accept()
    {
        var page = await _client.GetAsync("/ogc/collections/regions/items?f=html&limit=20");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<table>", html);
        Assert.Contains("Астана", html);

        var request = new HttpRequestMessage(HttpMethod.Get, "/ogc/collections");
        request.Headers.Accept.ParseAdd("text/html");
        Assert.Equal("text/html", (await _client.SendAsync(request)).Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/ogc/collections/rivers", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/districts/items/999999999", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/districts/items?limit=10001", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/districts/items?bbox=1,2,3", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/districts/items?datetime=2019-01-01", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/districts/items?datetime=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/districts/items?colour=red", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/districts/items?f=xml", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_are_problems(string url, HttpStatusCode status) =>
        await Json.ProblemAsync(await _client.GetAsync(url), status);
}
