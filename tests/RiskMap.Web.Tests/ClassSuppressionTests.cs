using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Core.Access;
using RiskMap.Core.Privacy;
using RiskMap.Web.Hosting;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests;

/// <summary>
/// Small-area suppression of risk classes on the demo: the class of a district with fewer than 1,000 pupils is withheld
/// from everyone without detail on it, in the score table, the profile, the vector tiles and the OGC features; callers
/// with detail on it (and the exports, which hold only such units) keep it.
/// </summary>
public class ClassSuppressionTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Lisakovsk = "392000000";

    private async Task<Dictionary<string, JsonElement>> DistrictsAsync(HttpClient client) =>
        (await Json.GetAsync(client, "/api/scores?level=district")).GetProperty("units").EnumerateArray()
            .ToDictionary(u => u.GetProperty("code").GetString()!);

    private static string[] SuppressedCodes(Dictionary<string, JsonElement> units) =>
        [.. units.Values.Where(u => u.GetProperty("suppressed").GetBoolean()).Select(u => u.GetProperty("code").GetString()!).Order(StringComparer.Ordinal)];

    /// <summary>A signed-in planner of Kostanay region, home of two of the small districts.</summary>
    private Task<HttpClient> KostanayPlannerAsync() => app.ClientForNewUserAsync("planner-39-small-areas", Role.Planner, Kostanay);

    [Fact]
    public async Task The_small_districts_are_those_with_fewer_than_a_thousand_pupils()
    {
        var small = await app.Database.QueryAsync<string>("""
            SELECT d.kato FROM districts d LEFT JOIN schools s ON s.district_kato = d.kato
            GROUP BY d.kato HAVING COALESCE(sum(s.pupils), 0) < 1000 ORDER BY d.kato
            """);
        Assert.Equal(SmallDistricts, small);
    }

    [Fact]
    public async Task The_public_gets_no_class_for_exactly_the_small_districts_and_a_class_for_every_other()
    {
        var units = await DistrictsAsync(app.CreateClient());
        Assert.Equal(224, units.Count);
        Assert.Equal(SmallDistricts, SuppressedCodes(units));
        foreach (var code in SmallDistricts) Assert.Equal(JsonValueKind.Null, units[code].GetProperty("class").ValueKind);
        Assert.All(units.Values.Where(u => !SmallDistricts.Contains(u.GetProperty("code").GetString())),
            u => Assert.InRange(u.GetProperty("class").GetInt32(), 1, 5));
    }

    [Fact]
    public async Task The_public_list_puts_suppressed_districts_with_those_without_a_class_in_code_order()
    {
        var codes = (await Json.GetAsync(app.CreateClient(), "/api/scores?level=district")).GetProperty("units").EnumerateArray()
            .Select(u => (Code: u.GetProperty("code").GetString()!, Classed: u.GetProperty("class").ValueKind == JsonValueKind.Number)).ToList();
        var unclassed = codes.SkipWhile(u => u.Classed).ToList();
        Assert.All(unclassed, u => Assert.False(u.Classed));
        var unclassedCodes = unclassed.Select(u => u.Code).ToList();
        Assert.Equal(unclassedCodes.Order(StringComparer.Ordinal), unclassedCodes);
        Assert.All(SmallDistricts, code => Assert.Contains(code, unclassedCodes));
    }

    [Fact]
    public async Task No_region_is_small_enough_to_be_suppressed()
    {
        var regions = (await Json.GetAsync(app.CreateClient(), "/api/scores?level=region")).GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(20, regions.Count);
        Assert.All(regions, r => Assert.False(r.GetProperty("suppressed").GetBoolean()));
    }

    [Fact]
    public async Task An_analyst_sees_the_class_of_every_district()
    {
        var units = await DistrictsAsync(await app.ClientAsAsync(Analyst));
        Assert.Empty(SuppressedCodes(units));
        Assert.All(units.Values, u => Assert.InRange(u.GetProperty("class").GetInt32(), 1, 5));
    }

    [Fact]
    public async Task A_planner_sees_suppression_only_outside_their_region()
    {
        // Almaty city has no small district: planner-75 misses the classes of all three.
        Assert.Equal(SmallDistricts, SuppressedCodes(await DistrictsAsync(await app.ClientAsAsync(Planner75))));

        var kostanay = await DistrictsAsync(await KostanayPlannerAsync());
        Assert.Equal(["352100000"], SuppressedCodes(kostanay));
        foreach (var code in new[] { "392000000", "392400000" })
        {
            Assert.True(kostanay[code].GetProperty("detailed").GetBoolean());
            Assert.InRange(kostanay[code].GetProperty("class").GetInt32(), 1, 5);
        }
    }

    [Fact]
    public async Task The_profile_of_a_small_district_shows_the_public_no_class_history()
    {
        var profile = await Json.GetAsync(app.CreateClient(), $"/api/scores/district/{Lisakovsk}");
        var latest = profile.GetProperty("latest");
        Assert.True(latest.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, latest.GetProperty("class").ValueKind);
        var history = profile.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(12, history.Count);
        Assert.All(history, h => Assert.Equal(JsonValueKind.Null, h.GetProperty("class").ValueKind));

        var planner = await Json.GetAsync(await KostanayPlannerAsync(), $"/api/scores/district/{Lisakovsk}");
        Assert.False(planner.GetProperty("latest").GetProperty("suppressed").GetBoolean());
        Assert.All(planner.GetProperty("history").EnumerateArray(), h => Assert.InRange(h.GetProperty("class").GetInt32(), 1, 5));
    }

    [Theory]
    [InlineData(Anonymous)]
    [InlineData(Planner75)]
    [InlineData(Analyst)]
    public async Task District_tile_features_of_small_districts_carry_no_class_for_callers_without_detail(string caller)
    {
        var url = await app.Database.TileUrlAsync("districts", 7, "districts", Lisakovsk);
        var features = await TileFeaturesAsync(await (await app.ClientForAsync(caller)).GetAsync(url), "districts");
        Assert.Contains(features, f => (string)f.Attributes["kato"] == Lisakovsk);
        Assert.Contains(features, f => !SmallDistricts.Contains((string)f.Attributes["kato"]));
        Assert.All(features, f =>
        {
            var kato = (string)f.Attributes["kato"];
            var seesClass = SeesClass(caller, (string)f.Attributes["region_kato"], kato);
            Assert.True(seesClass == f.Attributes.ContainsKey("class"), $"{kato} for {caller}: class present = {!seesClass}");
            Assert.Equal(!seesClass, f.Attributes["suppressed"]);
        });
    }

    [Fact]
    public async Task An_OGC_feature_of_a_small_district_carries_no_class_for_the_public()
    {
        var feature = await Json.GetAsync(app.CreateClient(), $"/ogc/collections/districts/items/{Lisakovsk}?f=json");
        Assert.Null(Property(feature, "class"));
        Assert.Equal("True", Property(feature, "suppressed"));
        var planner = await Json.GetAsync(await KostanayPlannerAsync(), $"/ogc/collections/districts/items/{Lisakovsk}?f=json");
        Assert.NotNull(Property(planner, "class"));
        Assert.Equal("False", Property(planner, "suppressed"));
    }

    [Fact]
    public async Task A_planner_s_export_lists_the_small_districts_of_their_region_with_their_classes()
    {
        var export = JsonDocument.Parse(await (await KostanayPlannerAsync())
            .GetByteArrayAsync("/api/exports/hotspots?format=geojson&level=district&minClass=1&lang=en")).RootElement;
        var classes = FeaturesOf(export).ToDictionary(f => Property(f, "code")!, f => Property(f, "risk level (1–5)"));
        Assert.Equal(classes.Count, classes.Keys.Count(code => code.StartsWith("39", StringComparison.Ordinal)));
        foreach (var code in new[] { "392000000", "392400000" }) Assert.InRange(int.Parse(classes[code]!), 1, 5);
    }

    [Fact]
    public void The_minimum_comes_from_Access_MinimumPupilsForClass()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RiskMap"] = "Host=127.0.0.1;Database=unused",
            ["Access:MinimumPupilsForClass"] = "2500",
        }).Build();
        using var services = new ServiceCollection().AddRiskMap(configuration).BuildServiceProvider();
        Assert.Equal(2500, services.GetRequiredService<SmallAreaSuppression>().MinimumPupils);
    }
}
