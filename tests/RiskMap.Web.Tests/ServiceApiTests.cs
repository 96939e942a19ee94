using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Core.Access;
using RiskMap.TestSupport;
using RiskMap.Web.Features.Access;

namespace RiskMap.Web.Tests;

[Collection(DemoAppCollection.Name)]
public class ServiceApiTests(DemoApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Health_is_200_with_PostGIS_reachable()
    {
        var health = await Json.GetAsync(_client, "/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.StartsWith("3.", health.GetProperty("postgis").GetString());
    }

    [Fact]
    public async Task About_says_the_data_are_demo_data_and_counts_them()
    {
        var about = await Json.GetAsync(_client, "/api/about");
        Assert.True(about.GetProperty("demo").GetBoolean());
        var counts = about.GetProperty("counts");
        Assert.Equal((20, 224, 7_687), (counts.GetProperty("regions").GetInt32(), counts.GetProperty("districts").GetInt32(), counts.GetProperty("schools").GetInt32()));
        Assert.Contains("geokz", about.GetProperty("attribution").GetString());
    }

    [Fact]
    public async Task The_indicator_catalogue_lists_every_indicator_with_names_in_three_languages()
    {
        var indicators = (await Json.GetAsync(_client, "/api/indicators")).EnumerateArray().ToList();
        Assert.True(indicators.Count >= 12);
        var suicides = indicators.Single(i => i.GetProperty("code").GetString() == "suicides");
        Assert.Equal("Суициды несовершеннолетних", suicides.GetProperty("nameRu").GetString());
        Assert.Equal("suicide", suicides.GetProperty("domain").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint_and_the_UI_serves_it()
    {
        var document = await Json.GetAsync(_client, "/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(new HashSet<string> { "/health", "/api/regions", "/api/districts", "/api/schools", "/api/indicators", "/api/about",
            "/api/imports", "/api/imports/batches/{id}", "/api/imports/{kind}" }, paths.ToHashSet());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/swagger/index.html")).StatusCode);
    }

    [Fact]
    public async Task The_map_page_and_its_Leaflet_files_are_served_locally()
    {
        var page = await _client.GetStringAsync("/");
        Assert.Contains("/lib/leaflet/leaflet.js", page);
        Assert.DoesNotContain("unpkg", page);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/lib/leaflet/leaflet.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/lib/leaflet/images/marker-icon.png")).StatusCode);
    }
}

/// <summary>The service running while its database is down.</summary>
public sealed class UnreachableDatabaseApp : RiskMap.TestSupport.RiskMapWebFactory<TestDatabase>
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings:RiskMap"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2",
        ["Database:MigrateOnStartup"] = "false",
        ["Scheduler:Enabled"] = "false",
    };
}

public class UnreachableDatabaseTests(UnreachableDatabaseApp app) : IClassFixture<UnreachableDatabaseApp>
{
    [Fact]
    public async Task Health_is_503_with_the_reason()
    {
        var problem = await Json.ProblemAsync(await app.CreateClient().GetAsync("/health"), HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Database unreachable", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Without_a_scheduler_a_recompute_request_says_so()
    {
        var steward = app.CreateClient();
        steward.UseToken(app.Services.GetRequiredService<BearerTokens>().Issue(TestUsers.Unstored(Role.Steward)));
        await Json.ProblemAsync(await steward.PostAsync("/api/score-runs", null), HttpStatusCode.ServiceUnavailable);
    }
}
