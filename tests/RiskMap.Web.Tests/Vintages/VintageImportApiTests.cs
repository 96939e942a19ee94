using System.Text.Json;

namespace RiskMap.Web.Tests.Vintages;

public class VintageImportApiTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private readonly HttpClient _steward = app.ClientAs("steward");

    private static Dictionary<string, string> Names(JsonElement collection) =>
        collection.GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("properties").GetProperty("kato").GetString()!, f => f.GetProperty("properties").GetProperty("name_en").GetString()!);

    [Fact]
    public async Task Uploading_the_2018_boundaries_leaves_the_2024_map_its_scores_and_names_and_queues_no_recompute()
    {
        var client = app.CreateClient();
        var regions = Names(await Json.GetAsync(client, "/api/regions"));
        var districts = Names(await Json.GetAsync(client, "/api/districts?geometry=none"));
        var scores = (await Json.GetAsync(client, "/api/scores?level=district")).ToString();

        await VintageUploads.Upload2018Async(_steward);

        Assert.Equal(regions, Names(await Json.GetAsync(client, "/api/regions")));
        Assert.Equal(districts, Names(await Json.GetAsync(client, "/api/districts?geometry=none")));
        Assert.Equal(("Astana (city)", "Konaiev", 20, 224), (regions["710000000"], districts["191000000"], regions.Count, districts.Count));
        Assert.Equal(scores, (await Json.GetAsync(client, "/api/scores?level=district")).ToString());

        var current = await Json.GetAsync(_steward, "/api/score-runs/current");
        Assert.Equal(app.FirstRun, current.GetProperty("published").GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, current.GetProperty("pendingRecompute").ValueKind);
    }

    [Fact]
    public async Task Another_vintage_s_shapes_are_served_with_vintage_and_the_current_ones_without()
    {
        var client = app.CreateClient();
        await Json.ProblemAsync(await client.GetAsync("/api/regions?vintage=2017"), System.Net.HttpStatusCode.NotFound);
        await Json.ProblemAsync(await client.GetAsync("/api/regions?vintage=soon"), System.Net.HttpStatusCode.BadRequest);
        await VintageUploads.Upload2018Async(_steward);

        var regions2018 = Names(await Json.GetAsync(client, "/api/regions?vintage=2018"));
        Assert.Equal((17, "Nur-Sultan (city)"), (regions2018.Count, regions2018["710000000"]));
        var districts2018 = Names(await Json.GetAsync(client, "/api/districts?vintage=2018&geometry=none"));
        Assert.Equal((216, "Taldykorgan"), (districts2018.Count, districts2018["191000000"]));
        Assert.Equal(20, Names(await Json.GetAsync(client, "/api/regions")).Count);
        Assert.Equal(20, Names(await Json.GetAsync(client, "/api/regions?vintage=2024")).Count);
    }
}
