using System.Net;
using System.Text.Json;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// OGC API – Features: the schools collection exists only for callers who see school-level data and holds their
/// scope's schools; region and district features outside the scope have their class but no score or rank.
/// </summary>
public class OgcAccessTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    public static TheoryData<string> Everyone => [.. All];

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_collections_list_names_schools_only_for_callers_who_see_them(string caller)
    {
        var client = await app.ClientForAsync(caller);
        var ids = (await Json.GetAsync(client, "/ogc/collections")).GetProperty("collections").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(SeesSchools(caller) ? ["regions", "districts", "schools"] : new List<string?> { "regions", "districts" }, ids);

        var html = await (await client.GetAsync("/ogc/collections?f=html")).Content.ReadAsStringAsync();
        Assert.Equal(SeesSchools(caller), html.Contains("/ogc/collections/schools/items", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_schools_collection_holds_exactly_the_caller_s_schools(string caller)
    {
        var client = await app.ClientForAsync(caller);
        var description = await client.GetAsync("/ogc/collections/schools");
        var items = await client.GetAsync("/ogc/collections/schools/items?limit=10000");
        if (!SeesSchools(caller))
        {
            await RefusalAsync(description, caller);
            var problem = await RefusalAsync(items, caller);
            Assert.False(problem.TryGetProperty("features", out _));
            return;
        }
        await Json.ReadAsync(description, HttpStatusCode.OK);
        var page = await Json.ReadAsync(items, HttpStatusCode.OK);
        var region = SchoolRegion(caller);
        var expected = region is null
            ? await app.Database.ScalarAsync<long>("SELECT count(*) FROM schools")
            : await app.Database.ScalarAsync<long>("SELECT count(*) FROM schools WHERE region_kato = @region", new { region });
        Assert.Equal(expected, page.GetProperty("numberMatched").GetInt64());
        var features = FeaturesOf(page);
        Assert.Equal(expected, features.Count);
        if (region is not null) Assert.All(features, f => Assert.Equal(region, Property(f, "region_kato")));
    }

    [Theory]
    [InlineData(Anonymous, AlmatySchool, HttpStatusCode.Unauthorized)]
    [InlineData(Steward, AlmatySchool, HttpStatusCode.Forbidden)]
    [InlineData(Planner71, AlmatySchool, HttpStatusCode.Forbidden)]
    [InlineData(Planner75, AstanaSchool, HttpStatusCode.Forbidden)]
    [InlineData(Education75, AstanaSchool, HttpStatusCode.Forbidden)]
    [InlineData(Planner75, "no-such-school", HttpStatusCode.NotFound)]
    [InlineData(Planner75, AlmatySchool, HttpStatusCode.OK)]
    [InlineData(Education75, AlmatySchool, HttpStatusCode.OK)]
    [InlineData(Planner71, AstanaSchool, HttpStatusCode.OK)]
    [InlineData(Analyst, AlmatySchool, HttpStatusCode.OK)]
    [InlineData(Analyst, AstanaSchool, HttpStatusCode.OK)]
    public async Task A_school_feature_outside_the_scope_is_forbidden_as_in_the_rest_api(string caller, string school, HttpStatusCode expected)
    {
        var client = await app.ClientForAsync(caller);
        foreach (var f in new[] { "json", "html" })
        {
            var response = await client.GetAsync($"/ogc/collections/schools/items/{school}?f={f}");
            if (expected != HttpStatusCode.OK)
            {
                var problem = await Json.ProblemAsync(response, expected);
                Assert.False(problem.TryGetProperty("properties", out _));
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            if (f == "html") Assert.Contains(school, body);
            else Assert.Equal(school, JsonDocument.Parse(body).RootElement.GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task A_bbox_over_Almaty_finds_no_school_for_the_Astana_planner()
    {
        const string url = "/ogc/collections/schools/items?bbox=76.7,43.0,77.2,43.45&limit=1000";
        var astana = await Json.GetAsync(await app.ClientForAsync(Planner71), url);
        Assert.Equal(0, astana.GetProperty("numberMatched").GetInt64());
        Assert.Empty(FeaturesOf(astana));
        var almaty = await Json.GetAsync(await app.ClientForAsync(Planner75), url);
        Assert.True(almaty.GetProperty("numberMatched").GetInt64() > 0);
    }

    public static TheoryData<string, string, int> CallersAndCollections()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var caller in All)
        {
            data.Add(caller, "districts", 224);
            data.Add(caller, "regions", 20);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CallersAndCollections))]
    public async Task Region_and_district_features_outside_the_scope_carry_their_class_only(string caller, string collection, int count)
    {
        var page = await Json.GetAsync(await app.ClientForAsync(caller), $"/ogc/collections/{collection}/items?limit=1000");
        Assert.Equal(count, page.GetProperty("numberMatched").GetInt32());
        var features = FeaturesOf(page);
        Assert.Equal(count, features.Count);
        Assert.All(features, f =>
        {
            var region = collection == "regions" ? f.GetProperty("id").GetString() : Property(f, "region_kato");
            var detailed = SeesInDetail(caller, region);
            var code = f.GetProperty("id").GetString()!;
            var seesClass = SeesClass(caller, region, code);
            Assert.True(seesClass == (Property(f, "class") is not null), $"{code} for {caller}: class shown = {!seesClass}");
            Assert.Equal(seesClass ? "False" : "True", Property(f, "suppressed"));
            Assert.True(detailed == (Property(f, "score") is not null), $"{f.GetProperty("id")} for {caller}: score shown = {!detailed}");
            Assert.True(detailed == (Property(f, "rank") is not null), $"{f.GetProperty("id")} for {caller}: rank shown = {!detailed}");
        });
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task One_district_feature_shows_its_score_only_within_the_scope(string caller)
    {
        var client = await app.ClientForAsync(caller);
        foreach (var (code, region) in new[] { (AlmatyDistrict, Almaty), (AstanaDistrict, Astana) })
        {
            var feature = await Json.GetAsync(client, $"/ogc/collections/districts/items/{code}?datetime=2025Q3");
            Assert.NotNull(Property(feature, "class"));
            Assert.Equal(SeesInDetail(caller, region), Property(feature, "score") is not null);
            Assert.Equal(SeesInDetail(caller, region), Property(feature, "rank") is not null);
        }
    }

    [Fact]
    public async Task The_HTML_table_of_foreign_districts_has_no_score_column()
    {
        const string url = "/ogc/collections/districts/items?bbox=76.85,43.20,77.00,43.30&limit=100&f=html";
        var analyst = await (await (await app.ClientForAsync(Analyst)).GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("<th scope=\"col\">score</th>", analyst);
        var astana = await (await (await app.ClientForAsync(Planner71)).GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("<table>", astana);
        Assert.DoesNotContain("<th scope=\"col\">score</th>", astana);
        Assert.DoesNotContain("<th scope=\"col\">rank</th>", astana);
    }
}
