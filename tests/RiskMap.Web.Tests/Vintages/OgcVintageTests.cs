using System.Net;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.Vintages;

/// <summary>OGC API – Features items of another boundary vintage (?vintage=), as /api/regions and /api/districts serve them.</summary>
public class OgcVintageTests(TwoVintagesApp app) : IClassFixture<TwoVintagesApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Items_of_2018_are_its_own_units_without_risk_levels_while_the_current_vintage_keeps_them()
    {
        var regions2018 = await Json.GetAsync(_client, "/ogc/collections/regions/items?vintage=2018&limit=100");
        Assert.Equal(17, regions2018.GetProperty("numberMatched").GetInt32());
        var astana = regions2018.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "710000000").GetProperty("properties");
        Assert.Equal("Nur-Sultan (city)", astana.GetProperty("name_en").GetString());
        Assert.All(regions2018.GetProperty("features").EnumerateArray(), f => Assert.False(f.GetProperty("properties").TryGetProperty("class", out _)));

        foreach (var url in new[] { "/ogc/collections/regions/items?limit=100", "/ogc/collections/regions/items?vintage=2024&limit=100" })
        {
            var current = await Json.GetAsync(_client, url);
            Assert.Equal(20, current.GetProperty("numberMatched").GetInt32());
            Assert.Equal("Astana (city)", current.GetProperty("features").EnumerateArray()
                .Single(f => f.GetProperty("id").GetString() == "710000000").GetProperty("properties").GetProperty("name_en").GetString());
            Assert.Contains(current.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").TryGetProperty("class", out _));
        }

        var districts2018 = await Json.GetAsync(_client, "/ogc/collections/districts/items?vintage=2018");
        Assert.Equal(216, districts2018.GetProperty("numberMatched").GetInt32());
        var next = districts2018.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "next").GetProperty("href").GetString();
        Assert.Contains("vintage=2018", next);
    }

    [Fact]
    public async Task An_unknown_vintage_is_404_and_a_malformed_one_or_one_on_schools_400()
    {
        var unknown = await Json.ProblemAsync(await _client.GetAsync("/ogc/collections/regions/items?vintage=2017"), HttpStatusCode.NotFound);
        Assert.Equal("No boundaries of vintage 2017 have been imported.", unknown.GetProperty("detail").GetString());
        Assert.Equal("vintage", (await Json.ProblemAsync(await _client.GetAsync("/ogc/collections/districts/items?vintage=20x8"), HttpStatusCode.BadRequest))
            .GetProperty("parameter").GetString());
        Assert.Equal("vintage", (await Json.ProblemAsync(await app.ClientAs("analyst").GetAsync("/ogc/collections/schools/items?vintage=2024"), HttpStatusCode.BadRequest))
            .GetProperty("parameter").GetString());
    }
}
