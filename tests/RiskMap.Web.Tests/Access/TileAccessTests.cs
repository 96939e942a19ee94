using System.Net;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// Vector tiles: the schools layer needs a sign-in and holds the schools of the caller's scope only; region and district
/// features are there for everybody, but outside the scope without score, rank or change attributes.
/// </summary>
public class TileAccessTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private static readonly string[] DetailAttributes = ["score", "rank", "change_quarter", "change_year"];

    public static TheoryData<string, int> CallersAndZooms()
    {
        var data = new TheoryData<string, int>();
        foreach (var caller in All)
        {
            data.Add(caller, 6);
            data.Add(caller, 12);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CallersAndZooms))]
    public async Task A_school_tile_over_Almaty_holds_only_the_caller_s_schools(string caller, int z)
    {
        var url = await app.Database.TileUrlAsync("schools", z, "districts", AlmatyDistrict);
        var response = await (await app.ClientForAsync(caller)).GetAsync(url);
        if (!SeesSchools(caller))
        {
            await RefusalAsync(response, caller);
            return;
        }
        var features = await TileFeaturesAsync(response, "schools");
        var regions = features.Select(f => (string)f.Attributes["region_kato"]).ToHashSet();
        switch (caller)
        {
            case Planner71:
                // Nothing of Astana lies near Almaty: an empty tile (204), never Almaty's schools.
                Assert.Empty(features);
                Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
                break;
            case Planner75 or Education75:
                Assert.NotEmpty(features);
                Assert.Equal(Almaty, Assert.Single(regions));
                break;
            default:
                Assert.Contains(Almaty, regions);
                // At zoom 6 the tile reaches beyond the city: the analyst sees the surrounding region's schools too.
                if (z == 6) Assert.True(regions.Count > 1, string.Join(", ", regions));
                break;
        }
    }

    [Fact]
    public async Task An_Astana_planner_sees_Astana_s_schools_in_an_Astana_tile()
    {
        var url = await app.Database.TileUrlAsync("schools", 11, "districts", AstanaDistrict);
        var features = await TileFeaturesAsync(await (await app.ClientForAsync(Planner71)).GetAsync(url), "schools");
        Assert.NotEmpty(features);
        Assert.All(features, f => Assert.Equal(Astana, f.Attributes["region_kato"]));
        Assert.Equal(HttpStatusCode.NoContent, (await (await app.ClientForAsync(Planner75)).GetAsync(url)).StatusCode);
    }

    public static TheoryData<string> Everyone => [.. All];

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task District_features_outside_the_scope_carry_their_class_but_no_score_rank_or_change(string caller)
    {
        var url = await app.Database.TileUrlAsync("districts", 6, "districts", AlmatyDistrict);
        var features = await TileFeaturesAsync(await (await app.ClientForAsync(caller)).GetAsync(url), "districts");
        var analystFeatures = await TileFeaturesAsync(await (await app.ClientForAsync(Analyst)).GetAsync(url), "districts");
        Assert.Equal(analystFeatures.Select(f => f.Attributes["kato"]).Order(), features.Select(f => f.Attributes["kato"]).Order());
        Assert.Contains(features, f => (string)f.Attributes["region_kato"] == Almaty);
        Assert.Contains(features, f => (string)f.Attributes["region_kato"] != Almaty);
        Assert.All(features, f =>
        {
            var detailed = SeesInDetail(caller, (string)f.Attributes["region_kato"]);
            Assert.True(f.Attributes.ContainsKey("class"), $"{f.Attributes["kato"]} has no class");
            foreach (var attribute in DetailAttributes.Take(2))
                Assert.True(detailed == f.Attributes.ContainsKey(attribute), $"{f.Attributes["kato"]} for {caller}: {attribute} present = {!detailed}");
            if (!detailed) Assert.DoesNotContain(f.Attributes.Keys, k => DetailAttributes.Contains(k));
        });
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Region_features_outside_the_scope_carry_their_class_but_no_score_rank_or_change(string caller)
    {
        var url = await app.Database.TileUrlAsync("regions", 4, "regions", Almaty);
        var features = await TileFeaturesAsync(await (await app.ClientForAsync(caller)).GetAsync(url), "regions");
        Assert.Contains(features, f => (string)f.Attributes["kato"] == Almaty);
        Assert.True(features.Count > 1);
        Assert.All(features, f =>
        {
            var detailed = SeesInDetail(caller, (string)f.Attributes["kato"]);
            Assert.True(f.Attributes.ContainsKey("class"));
            Assert.True(detailed == f.Attributes.ContainsKey("score"), $"{f.Attributes["kato"]} for {caller}: score present = {!detailed}");
            if (!detailed) Assert.DoesNotContain(f.Attributes.Keys, k => DetailAttributes.Contains(k));
        });
    }

    [Fact]
    public async Task The_tile_cache_keeps_each_scope_s_tile_apart()
    {
        // The same tile for a detailed caller first, then for callers who may not see the detail: no leftovers of the first.
        var url = await app.Database.TileUrlAsync("districts", 7, "districts", AlmatyDistrict) + "?period=2025Q2";
        Assert.All(await TileFeaturesAsync(await (await app.ClientForAsync(Analyst)).GetAsync(url), "districts"), f => Assert.True(f.Attributes.ContainsKey("score")));
        Assert.All(await TileFeaturesAsync(await app.CreateClient().GetAsync(url), "districts"), f => Assert.False(f.Attributes.ContainsKey("score")));
        Assert.All(await TileFeaturesAsync(await (await app.ClientForAsync(Planner71)).GetAsync(url), "districts"), f => Assert.False(f.Attributes.ContainsKey("score")));

        var schools = await app.Database.TileUrlAsync("schools", 12, "districts", AlmatyDistrict);
        Assert.NotEmpty(await TileFeaturesAsync(await (await app.ClientForAsync(Planner75)).GetAsync(schools), "schools"));
        Assert.Equal(HttpStatusCode.NoContent, (await (await app.ClientForAsync(Planner71)).GetAsync(schools)).StatusCode);
        await RefusalAsync(await app.CreateClient().GetAsync(schools), Anonymous);
    }

    [Fact]
    public async Task An_ETag_from_one_scope_does_not_revalidate_another_s_tile()
    {
        var url = await app.Database.TileUrlAsync("schools", 12, "districts", AlmatyDistrict);
        var planner75 = await (await app.ClientForAsync(Planner75)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, planner75.StatusCode);
        Assert.True(planner75.Headers.CacheControl?.Private, planner75.Headers.CacheControl?.ToString());
        Assert.Contains("Authorization", planner75.Headers.Vary);

        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(planner75.Headers.ETag!);
        var planner71 = await (await app.ClientForAsync(Planner71)).SendAsync(request);
        Assert.NotEqual(HttpStatusCode.NotModified, planner71.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, planner71.StatusCode);

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(planner75.Headers.ETag!);
        await RefusalAsync(await app.CreateClient().SendAsync(again), Anonymous);
    }

    [Fact]
    public async Task Only_the_public_s_tiles_may_sit_in_shared_caches()
    {
        var url = await app.Database.TileUrlAsync("districts", 6, "districts", AlmatyDistrict);
        var anonymous = await app.CreateClient().GetAsync(url);
        Assert.True(anonymous.Headers.CacheControl?.Public, anonymous.Headers.CacheControl?.ToString());
        var planner = await (await app.ClientForAsync(Planner75)).GetAsync(url);
        Assert.True(planner.Headers.CacheControl?.Private, planner.Headers.CacheControl?.ToString());
        Assert.False(planner.Headers.CacheControl?.Public);
        Assert.NotEqual(anonymous.Headers.ETag, planner.Headers.ETag);
    }
}
