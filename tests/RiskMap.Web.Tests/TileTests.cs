using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

public class TileTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private readonly HttpClient _client = app.ClientAs("analyst");

    /// <summary>The slippy-map tile (x, y) holding a point at a zoom.</summary>
    private static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var latRad = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(latRad) + 1 / Math.Cos(latRad)) / Math.PI) / 2 * n);
        return (x, y);
    }

    private async Task<(double Lon, double Lat)> InsideAsync(string table, string kato) =>
        (await app.Database.QueryAsync<(double, double)>(
            $"SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM {table} WHERE kato = @kato) s", new { kato }))[0];

    private async Task<IReadOnlyList<MvtLayer>> TileAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        return MvtReader.Read(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(11)]
    public async Task A_district_tile_carries_the_district_with_its_names_and_published_score(int z)
    {
        var (lon, lat) = await InsideAsync("districts", "101000000");
        var (x, y) = TileOf(lon, lat, z);
        var layer = Assert.Single(await TileAsync($"/tiles/districts/{z}/{x}/{y}.mvt"));
        Assert.Equal(("districts", 4096), (layer.Name, layer.Extent));

        var semey = layer.Features.Single(f => (string)f.Attributes["kato"] == "101000000");
        Assert.Equal(3, semey.GeometryType);
        Assert.Equal(("Семей", "100000000"), ((string)semey.Attributes["name_ru"], (string)semey.Attributes["region_kato"]));
        var profile = await Json.GetAsync(_client, "/api/scores/district/101000000");
        var latest = profile.GetProperty("latest");
        Assert.Equal(Math.Round(latest.GetProperty("score").GetDouble(), 2), (double)semey.Attributes["score"], 6);
        Assert.Equal(latest.GetProperty("class").GetInt32(), (double)semey.Attributes["class"]);
        Assert.Equal(latest.GetProperty("rank").GetInt32(), (double)semey.Attributes["rank"]);
        Assert.All(layer.Features, f => Assert.True(f.Attributes.ContainsKey("name_kk") && f.Attributes.ContainsKey("class")));
    }

    [Fact]
    public async Task Higher_zooms_hold_fewer_districts_and_low_zooms_stay_small()
    {
        var (lon, lat) = await InsideAsync("districts", "101000000");
        var counts = new List<int>();
        var sizes = new List<int>();
        foreach (var z in new[] { 5, 8, 11 })
        {
            var (x, y) = TileOf(lon, lat, z);
            var response = await _client.GetAsync($"/tiles/districts/{z}/{x}/{y}.mvt");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            sizes.Add(bytes.Length);
            counts.Add(MvtReader.Read(bytes)[0].Features.Count);
        }
        Assert.True(counts[0] > counts[1] && counts[1] >= counts[2] && counts[2] >= 1, string.Join(", ", counts));
        Assert.True(sizes[0] < 200_000, $"z5 tile is {sizes[0]} bytes");
    }

    [Fact]
    public async Task Schools_appear_from_their_minimum_zoom_and_tiles_with_nothing_are_204()
    {
        var (lon, lat) = await InsideAsync("districts", "751110000");
        var (x, y) = TileOf(lon, lat, 12);
        var schools = Assert.Single(await TileAsync($"/tiles/schools/12/{x}/{y}.mvt"));
        Assert.NotEmpty(schools.Features);
        Assert.All(schools.Features, f => Assert.Equal(1, f.GeometryType));
        Assert.All(schools.Features, f => Assert.True((double)f.Attributes["pupils"] > 0));

        var (x4, y4) = TileOf(lon, lat, 4);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.GetAsync($"/tiles/schools/4/{x4}/{y4}.mvt")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.GetAsync("/tiles/districts/6/0/0.mvt")).StatusCode);
    }

    [Fact]
    public async Task Tiles_are_gzipped_for_clients_that_accept_it_and_revalidate_by_ETag()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/regions/4/11/5.mvt");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = await _client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        await using (var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
        using (var plain = new MemoryStream())
        {
            await gzip.CopyToAsync(plain);
            Assert.Equal("regions", Assert.Single(MvtReader.Read(plain.ToArray())).Name);
        }

        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("max-age", response.Headers.CacheControl?.ToString());
        var again = new HttpRequestMessage(HttpMethod.Get, "/tiles/regions/4/11/5.mvt");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task The_second_request_for_a_tile_is_served_from_the_cache_as_Server_Timing_tells()
    {
        // A quarter and tile no other test asks for, so the first request is a miss.
        const string url = "/tiles/districts/7/89/42.mvt?period=2024Q3";
        var first = string.Join(",", (await _client.GetAsync(url)).Headers.GetValues("Server-Timing"));
        Assert.Matches(@"^db;dur=[\d.]+, gzip;dur=[\d.]+$", first);
        var second = await _client.GetAsync(url);
        Assert.Equal("cache;desc=hit", Assert.Single(second.Headers.GetValues("Server-Timing")));
        Assert.Equal("districts", Assert.Single(MvtReader.Read(await second.Content.ReadAsByteArrayAsync())).Name);
    }

    [Theory]
    [InlineData("/tiles/rivers/4/11/5.mvt", HttpStatusCode.NotFound)]
    [InlineData("/tiles/districts/23/0/0.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/districts/4/16/5.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/districts/4/1/-1.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/districts/four/1/1.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/districts/4/11/5.mvt?period=2030Q1", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/districts/4/11/5.mvt?period=last", HttpStatusCode.BadRequest)]
    public async Task Bad_tile_requests_are_problems(string url, HttpStatusCode status) =>
        await Json.ProblemAsync(await _client.GetAsync(url), status);

    [Fact]
    public async Task TileJSON_describes_each_layer()
    {
        var tilejson = await Json.GetAsync(_client, "/tiles/districts.json");
        Assert.Equal("3.0.0", tilejson.GetProperty("tilejson").GetString());
        Assert.EndsWith("/tiles/districts/{z}/{x}/{y}.mvt", tilejson.GetProperty("tiles")[0].GetString());
        var layer = tilejson.GetProperty("vector_layers")[0];
        Assert.Equal("districts", layer.GetProperty("id").GetString());
        Assert.True(layer.GetProperty("fields").TryGetProperty("score", out _));
        Assert.Equal(4, tilejson.GetProperty("bounds").GetArrayLength());
    }

    [Fact]
    public async Task A_new_score_run_changes_the_ETag_and_the_scores_served()
    {
        var (lon, lat) = await InsideAsync("districts", "101000000");
        var (x, y) = TileOf(lon, lat, 6);
        var url = $"/tiles/districts/6/{x}/{y}.mvt";
        var before = await _client.GetAsync(url);
        var scoresBefore = MvtReader.Read(await before.Content.ReadAsByteArrayAsync())[0].Features
            .ToDictionary(f => (string)f.Attributes["kato"], f => (double)f.Attributes["score"]);

        var steward = await app.ClientAsAsync("steward");
        (await steward.PutAsJsonAsync("/api/weights", new { domains = new { protective = 5.0 }, note = "tile cache test" })).EnsureSuccessStatusCode();
        var outcome = await app.Database.Services.GetRequiredService<RiskMap.Data.Scoring.ScoreRunService>()
            .RunAsync(RiskMap.Data.Scoring.ScoreTrigger.Manual, "test", force: true);
        Assert.Equal(RiskMap.Data.Scoring.ScoreRunStatus.Succeeded, outcome.Status);

        var after = before;
        await Eventually.HoldsAsync(async () => (after = await _client.GetAsync(url)).Headers.ETag != before.Headers.ETag,
            "the tile's ETag to change after the new run");
        var scoresAfter = MvtReader.Read(await after.Content.ReadAsByteArrayAsync())[0].Features
            .ToDictionary(f => (string)f.Attributes["kato"], f => (double)f.Attributes["score"]);
        Assert.Contains(scoresAfter, s => Math.Abs(s.Value - scoresBefore[s.Key]) > 0.01);
    }
}
