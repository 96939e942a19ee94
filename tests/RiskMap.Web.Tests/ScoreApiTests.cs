using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Data.Demo;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

public class ScoreApiTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private readonly HttpClient _client = app.ClientAs("analyst");

    [Fact]
    public async Task The_published_run_covers_the_twelve_demo_quarters()
    {
        var periods = await Json.GetAsync(_client, "/api/periods");
        Assert.Equal(app.FirstRun, periods.GetProperty("run").GetInt64());
        Assert.Equal(["2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"],
            periods.GetProperty("periods").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task District_scores_rank_all_224_districts_riskiest_first_with_classes_reliability_and_bands()
    {
        var table = await Json.GetAsync(_client, "/api/scores?level=district");
        Assert.Equal("2025Q4", table.GetProperty("period").GetString());
        var units = table.GetProperty("units").EnumerateArray().ToList();
        var thresholds = table.GetProperty("thresholds").EnumerateArray().Select(t => t.GetDouble()).ToList();
        Assert.Equal(224, units.Count);
        // Riskiest first: by the published risk level, then by score.
        var order = units.Select(u => (Level: u.GetProperty("class").GetInt32(), Score: u.GetProperty("score").GetDouble())).ToList();
        Assert.Equal(order.OrderByDescending(u => u.Level).ThenByDescending(u => u.Score), order);
        Assert.Equal(1, units[0].GetProperty("rank").GetInt32());
        Assert.All(units, u =>
        {
            var score = u.GetProperty("score").GetDouble();
            Assert.InRange(score, 0, 10);
            var riskClass = u.GetProperty("class").GetInt32();
            // The risk level the legend's thresholds give the score, unless the level was kept (said with the margin).
            var plain = 1 + thresholds.Count(t => score >= t);
            if (u.TryGetProperty("levelHeldWithin", out var margin) && margin.ValueKind == JsonValueKind.Number)
            {
                Assert.NotEqual(plain, riskClass);
                var (lower, upper) = (riskClass > 1 ? thresholds[riskClass - 2] : double.NegativeInfinity, riskClass < 5 ? thresholds[riskClass - 1] : double.PositiveInfinity);
                Assert.InRange(score, lower - margin.GetDouble(), upper + margin.GetDouble());
            }
            else Assert.Equal(plain, riskClass);
            Assert.InRange(u.GetProperty("reliability").GetDouble(), 0, 10);
            var band = u.GetProperty("rankBand");
            Assert.InRange(band.GetProperty("median").GetInt32(), band.GetProperty("low").GetInt32(), band.GetProperty("high").GetInt32());
            Assert.Equal(4, u.GetProperty("domainScores").EnumerateObject().Count());
        });
    }

    [Fact]
    public async Task A_profile_explains_the_score_with_contributions_that_add_up_and_twelve_quarters_of_history()
    {
        var first = (await Json.GetAsync(_client, "/api/scores?level=district")).GetProperty("units")[0];
        var code = first.GetProperty("code").GetString();
        var profile = await Json.GetAsync(_client, $"/api/scores/district/{code}");

        var latest = profile.GetProperty("latest");
        Assert.Equal(first.GetProperty("score").GetDouble(), latest.GetProperty("score").GetDouble(), 9);
        var contributions = profile.GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("points").GetDouble()).ToList();
        Assert.Equal(latest.GetProperty("score").GetDouble(), contributions.Sum(), 6);
        Assert.Equal(contributions.OrderByDescending(c => c), contributions);
        Assert.Equal(12, profile.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task The_hotspots_built_into_the_demo_come_out_in_the_top_classes()
    {
        var scenario = await app.Database.Services.GetRequiredService<DemoDataLoader>().ScenarioAsync(GeoData.Directory);
        Assert.Equal(6, scenario.Hotspots.Count);
        async Task<Dictionary<string, (int Class, int Rank)>> ClassesAsync(string classes) =>
            (await Json.GetAsync(_client, $"/api/scores?level=district&classes={classes}")).GetProperty("units").EnumerateArray()
                .ToDictionary(u => u.GetProperty("code").GetString()!, u => (u.GetProperty("class").GetInt32(), u.GetProperty("rank").GetInt32()));

        // Every hotspot is "very high" among the quintiles and ranks in the riskiest tenth; most reach the fixed high classes too.
        var quintiles = await ClassesAsync("quantile");
        Assert.All(scenario.Hotspots, h => Assert.True(quintiles[h] is { Class: 5, Rank: <= 22 }, $"hotspot {h}: {quintiles[h]}"));
        var fixedClasses = await ClassesAsync("fixed");
        Assert.True(scenario.Hotspots.Count(h => fixedClasses[h].Class >= 4) >= 4, string.Join(", ", scenario.Hotspots.Select(h => $"{h}: {fixedClasses[h]}")));
    }

    [Fact]
    public async Task Schools_can_be_listed_for_one_region_and_every_school_is_scored()
    {
        var table = await Json.GetAsync(_client, "/api/scores?level=school&region=750000000&period=2025Q3");
        var units = table.GetProperty("units").EnumerateArray().ToList();
        var expected = await app.Database.ScalarAsync<long>("SELECT count(*) FROM schools WHERE region_kato = '750000000'");
        Assert.Equal(expected, units.Count);
        Assert.All(units, u => Assert.Equal("750000000", u.GetProperty("regionKato").GetString()));
        Assert.All(units, u => Assert.Equal(JsonValueKind.Null, u.GetProperty("rankBand").ValueKind));
    }

    [Fact]
    public async Task Quantile_classes_put_a_fifth_of_the_districts_in_each_class_and_a_region_is_classed_like_the_nation()
    {
        var fixedTable = await Json.GetAsync(_client, "/api/scores?level=district");
        Assert.Equal("fixed", fixedTable.GetProperty("classification").GetString());
        // Fixed thresholds: four rising bounds on the 0–10 scale, the same in every quarter.
        var fixedBounds = fixedTable.GetProperty("thresholds").EnumerateArray().Select(t => t.GetDouble()).ToList();
        Assert.Equal(4, fixedBounds.Count);
        Assert.Equal(fixedBounds.Order(), fixedBounds);
        Assert.All(fixedBounds, b => Assert.InRange(b, 0, 10));
        Assert.Equal(fixedBounds, (await Json.GetAsync(_client, "/api/scores?level=district&period=2024Q2")).GetProperty("thresholds").EnumerateArray().Select(t => t.GetDouble()));

        var national = await Json.GetAsync(_client, "/api/scores?level=district&classes=quantile");
        Assert.Equal("quantile", national.GetProperty("classification").GetString());
        var counts = national.GetProperty("units").EnumerateArray().GroupBy(u => u.GetProperty("class").GetInt32()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([1, 2, 3, 4, 5], counts.Keys.Order());
        // About a fifth each; tied scores share a class.
        Assert.All(counts.Values, count => Assert.InRange(count, 224 / 5 - 5, 224 / 5 + 5));

        var nationalClass = national.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("class").GetInt32());
        var region = await Json.GetAsync(_client, "/api/scores?level=district&classes=quantile&region=630000000");
        Assert.All(region.GetProperty("units").EnumerateArray(), u => Assert.Equal(nationalClass[u.GetProperty("code").GetString()!], u.GetProperty("class").GetInt32()));
    }

    [Fact]
    public async Task The_map_can_be_coloured_by_one_domain_or_one_indicator()
    {
        var composite = (await Json.GetAsync(_client, "/api/scores?level=district")).GetProperty("units").EnumerateArray()
            .ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("domainScores").GetProperty("violence").GetDouble());
        var violence = await Json.GetAsync(_client, "/api/scores?level=district&domain=violence");
        Assert.Equal("domain:violence", violence.GetProperty("measure").GetString());
        var units = violence.GetProperty("units").EnumerateArray().ToList();
        Assert.All(units, u => Assert.Equal(composite[u.GetProperty("code").GetString()!], u.GetProperty("score").GetDouble(), 9));
        Assert.Equal(units.Select(u => u.GetProperty("score").GetDouble()).OrderByDescending(s => s), units.Select(u => u.GetProperty("score").GetDouble()));
        Assert.Equal(1, units[0].GetProperty("rank").GetInt32());

        var suicides = await Json.GetAsync(_client, "/api/scores?level=district&indicator=suicides&region=630000000");
        Assert.Equal("indicator:suicides", suicides.GetProperty("measure").GetString());
        // A district below the minimum expected count of a rare count is not scored on it (methodology 2.0): no score, no class.
        var scored = suicides.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("score").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(scored);
        Assert.All(suicides.GetProperty("units").EnumerateArray(), u =>
        {
            if (u.GetProperty("score").ValueKind == JsonValueKind.Number) Assert.InRange(u.GetProperty("score").GetDouble(), 0, 10);
            else Assert.Equal(JsonValueKind.Null, u.GetProperty("class").ValueKind);
            Assert.Equal(JsonValueKind.Null, u.GetProperty("rankBand").ValueKind);
        });
    }

    [Theory]
    [InlineData("/api/scores?indicator=happiness", HttpStatusCode.NotFound)]
    [InlineData("/api/scores?domain=weather", HttpStatusCode.NotFound)]
    [InlineData("/api/scores?domain=violence&indicator=suicides", HttpStatusCode.BadRequest)]
    [InlineData("/api/scores?classes=natural", HttpStatusCode.BadRequest)]
    [InlineData("/api/scores?level=country", HttpStatusCode.BadRequest)]
    [InlineData("/api/scores?period=2025-4", HttpStatusCode.BadRequest)]
    [InlineData("/api/scores?period=2019Q1", HttpStatusCode.NotFound)]
    [InlineData("/api/scores?run=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/scores/district/999999999", HttpStatusCode.NotFound)]
    [InlineData("/api/score-runs/424242", HttpStatusCode.NotFound)]
    public async Task Bad_score_requests_are_problems(string url, HttpStatusCode status) =>
        await Json.ProblemAsync(await _client.GetAsync(url), status);
}
