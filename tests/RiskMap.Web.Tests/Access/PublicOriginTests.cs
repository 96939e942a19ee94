using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// Absolute links (TileJSON, OGC API) start with the configured public origin, never with the Host header a client
/// sends; by default a request naming another host is refused as a problem.
/// </summary>
[Collection(HygieneAppCollection.Name)]
public class PublicOriginTests(ScoredDemoApp app)
{
    private const string Evil = "evil.example";

    /// <summary>Every document that carries absolute links, as JSON and HTML.</summary>
    private static readonly string[] LinkedDocuments =
    [
        "/tiles/regions.json", "/tiles/schools.json", "/ogc", "/ogc?f=html", "/ogc/collections", "/ogc/collections?f=html",
        "/ogc/collections/districts", "/ogc/collections/districts/items?limit=2&offset=2", "/ogc/collections/districts/items?limit=2&offset=2&f=html",
        "/ogc/collections/schools/items?limit=2", "/api/schools?limit=2",
    ];

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(HttpClient client, string url, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = host;
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync() + string.Join("\n", response.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}")));
    }

    private async Task<HttpClient> AnalystAsync(WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = (await app.ClientAsAsync(Analyst)).DefaultRequestHeaders.Authorization;
        return client;
    }

    [Fact]
    public async Task Links_ignore_the_Host_header_even_where_any_host_is_allowed()
    {
        using var anyHost = app.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "*"));
        var client = await AnalystAsync(anyHost);
        foreach (var url in LinkedDocuments)
        {
            var (response, body) = await GetAsync(client, url, Evil);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.DoesNotContain(Evil, body, StringComparison.OrdinalIgnoreCase);
        }
        var tiles = await Json.ReadAsync((await GetAsync(client, "/tiles/regions.json", Evil)).Response, HttpStatusCode.OK);
        Assert.Equal("http://localhost/tiles/regions/{z}/{x}/{y}.mvt", tiles.GetProperty("tiles")[0].GetString());
    }

    [Fact]
    public async Task By_default_a_request_for_another_host_is_refused_as_a_problem()
    {
        var client = await AnalystAsync(app);
        foreach (var url in LinkedDocuments)
        {
            var (response, body) = await GetAsync(client, url, Evil);
            var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal(("invalid-header", "Host"), (problem.GetProperty("code").GetString(), problem.GetProperty("header").GetString()));
            Assert.DoesNotContain(Evil, body, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/ogc", "localhost")).Response.StatusCode);
    }

    [Fact]
    public async Task A_configured_origin_starts_every_link_and_is_the_host_answered()
    {
        using var configured = app.WithWebHostBuilder(b => b.UseSetting("Hosting:PublicOrigin", "https://riskmap.example.kz/"));
        var client = await AnalystAsync(configured);
        var (landing, body) = await GetAsync(client, "/ogc", "riskmap.example.kz");
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Contains("\"https://riskmap.example.kz/ogc/collections\"", body);
        Assert.DoesNotContain("localhost", body);
        var (tiles, tileJson) = await GetAsync(client, "/tiles/districts.json", "riskmap.example.kz");
        Assert.Equal(HttpStatusCode.OK, tiles.StatusCode);
        Assert.Contains("\"https://riskmap.example.kz/tiles/districts/{z}/{x}/{y}.mvt\"", tileJson);
        await Json.ProblemAsync((await GetAsync(client, "/ogc", "localhost")).Response, HttpStatusCode.BadRequest);
    }
}
