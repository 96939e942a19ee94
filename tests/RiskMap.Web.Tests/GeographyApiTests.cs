using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RiskMap.Web.Tests;

[Collection(DemoAppCollection.Name)]
public class GeographyApiTests(DemoApp app)
{
    private readonly HttpClient _client = app.ClientAs("analyst");

    [Fact]
    public async Task Regions_are_an_RFC_7946_FeatureCollection_keyed_by_KATO()
    {
        var response = await _client.GetAsync("/api/regions");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var regions = JsonDocument.Parse(text).RootElement;

        Assert.Equal("FeatureCollection", regions.GetProperty("type").GetString());
        Assert.False(regions.TryGetProperty("crs", out _));
        var features = regions.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(20, features.Count);
        var astana = features.Single(f => f.GetProperty("id").GetString() == "710000000").GetProperty("properties");
        Assert.Equal(("Астана", "Astana (city)"), (astana.GetProperty("name_ru").GetString(), astana.GetProperty("name_en").GetString()));
        Assert.DoesNotMatch(new Regex(@"\d\.\d{8,}"), text);
    }

    [Fact]
    public async Task Districts_of_one_region_are_only_that_region_s()
    {
        var almaty = await Json.GetAsync(_client, "/api/districts?region=750000000");
        var features = almaty.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(8, features.Count);
        Assert.All(features, f => Assert.Equal("750000000", f.GetProperty("properties").GetProperty("region_kato").GetString()));

        var all = await Json.GetAsync(_client, "/api/districts");
        Assert.Equal(224, all.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task Simplified_outlines_are_smaller_but_keep_every_unit()
    {
        var full = await _client.GetStringAsync("/api/districts");
        var simplified = await _client.GetStringAsync("/api/districts?simplify=0.01");
        Assert.True(simplified.Length < full.Length / 3, $"{simplified.Length} vs {full.Length}");
        Assert.Equal(224, JsonDocument.Parse(simplified).RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task Without_outlines_each_district_keeps_its_box_and_a_label_point_inside_it()
    {
        var index = await _client.GetStringAsync("/api/districts?geometry=none");
        var outlines = await _client.GetStringAsync("/api/districts");
        Assert.True(index.Length < outlines.Length / 20, $"{index.Length} vs {outlines.Length}");

        var features = JsonDocument.Parse(index).RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(224, features.Count);
        Assert.All(features, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("geometry").ValueKind));
        // Almaly lies in the centre of Almaty, around 76.9° E, 43.25° N.
        var almaly = features.Single(f => f.GetProperty("id").GetString() == "751110000");
        var box = almaly.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var label = almaly.GetProperty("properties").GetProperty("label").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(box[0], 76.8, 76.95);
        Assert.InRange(box[1], 43.2, 43.3);
        Assert.True(box[0] < label[0] && label[0] < box[2] && box[1] < label[1] && label[1] < box[3], "The label point lies in the box");
    }

    [Theory]
    [InlineData("/api/districts?geometry=full", "geometry")]
    [InlineData("/api/districts?region=75", "region")]
    [InlineData("/api/districts?region=750000000%27%20OR%201=1--", "region")]
    [InlineData("/api/regions?simplify=abc", "simplify")]
    [InlineData("/api/regions?simplify=5", "simplify")]
    [InlineData("/api/schools?bbox=1,2,3", "bbox")]
    [InlineData("/api/schools?bbox=80,40,70,50", "bbox")]
    [InlineData("/api/schools?limit=0", "limit")]
    [InlineData("/api/schools?limit=10001", "limit")]
    [InlineData("/api/schools?cursor=%%%", "cursor")]
    [InlineData("/api/schools?unassigned=maybe", "unassigned")]
    public async Task Bad_parameters_get_a_problem_naming_the_parameter(string url, string parameter)
    {
        var problem = await Json.ProblemAsync(await _client.GetAsync(url), HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/api/districts?region=999999999")]
    [InlineData("/api/schools?district=999999999")]
    public async Task Unknown_units_are_404_problems(string url) =>
        await Json.ProblemAsync(await _client.GetAsync(url), HttpStatusCode.NotFound);

    [Fact]
    public async Task Next_links_page_through_a_region_s_schools_without_gaps_or_repeats()
    {
        var expected = await app.Database.ScalarAsync<long>("SELECT count(*) FROM schools WHERE region_kato = '100000000'");
        var codes = new List<string>();
        string? next = "/api/schools?region=100000000&limit=100";
        while (next is not null)
        {
            var page = await Json.GetAsync(_client, next);
            var features = page.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(features.Count, page.GetProperty("numberReturned").GetInt32());
            Assert.All(features, f => Assert.Equal("100000000", f.GetProperty("properties").GetProperty("region_kato").GetString()));
            codes.AddRange(features.Select(f => f.GetProperty("id").GetString()!));
            next = page.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("href").GetString()).FirstOrDefault();
        }
        Assert.Equal(expected, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.True(expected > 100);
    }

    [Fact]
    public async Task A_bbox_returns_the_schools_inside_it_and_only_those()
    {
        const string bbox = "76.8,43.2,77.0,43.3"; // central Almaty
        var page = await Json.GetAsync(_client, $"/api/schools?bbox={bbox}&limit=10000");
        var points = page.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("geometry").GetProperty("coordinates")).Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble())).ToList();
        Assert.All(points, p => Assert.True(p.Lon is >= 76.8 and <= 77.0 && p.Lat is >= 43.2 and <= 43.3));
        var expected = await app.Database.ScalarAsync<long>("SELECT count(*) FROM schools WHERE ST_Intersects(geom, ST_MakeEnvelope(76.8, 43.2, 77.0, 43.3, 4326))");
        Assert.Equal(expected, points.Count);
        Assert.True(points.Count > 0);
    }

    [Fact]
    public async Task No_demo_school_is_left_unassigned()
    {
        var page = await Json.GetAsync(_client, "/api/schools?unassigned=true");
        Assert.Equal(0, page.GetProperty("numberReturned").GetInt32());
    }
}
