using RiskMap.Data.Demo;
using System.Net;
using System.Text.Json;
using RiskMap.Core.Access;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// Region and district scores over REST: everybody gets every unit, but outside the caller's scope only its class
/// ("detailed": false, no score, rank, trend or domain scores), and for a unit with too few pupils not even that
/// ("suppressed": true); domain and indicator views need a role that sees detail.
/// </summary>
public class ScoreDetailAccessTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    public static TheoryData<string, string, int> CallersAndLevels()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var caller in All)
        {
            data.Add(caller, "district", 224);
            data.Add(caller, "region", 20);
        }
        return data;
    }

    /// <summary>The unit shows its score only where the caller may see it; everywhere else its class alone, or nothing when suppressed.</summary>
    private static void AssertDetail(JsonElement unit, bool detailed, bool suppressed = false)
    {
        var code = unit.GetProperty("code").GetString();
        Assert.True(detailed == unit.GetProperty("detailed").GetBoolean(), $"{code}: detailed should be {detailed}");
        Assert.True(suppressed == unit.GetProperty("suppressed").GetBoolean(), $"{code}: suppressed should be {suppressed}");
        if (suppressed) Assert.Equal(JsonValueKind.Null, unit.GetProperty("class").ValueKind);
        else Assert.InRange(unit.GetProperty("class").GetInt32(), 1, 5);
        if (detailed)
        {
            Assert.Equal(JsonValueKind.Number, unit.GetProperty("score").ValueKind);
            Assert.True(unit.GetProperty("rank").GetInt32() > 0, $"{code} has no rank");
            Assert.NotEmpty(unit.GetProperty("domainScores").EnumerateObject());
            return;
        }
        Assert.True(unit.GetProperty("score").ValueKind == JsonValueKind.Null, $"{code} shows its score outside the scope");
        Assert.Equal(0, unit.GetProperty("rank").GetInt32());
        Assert.Empty(unit.GetProperty("domainScores").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, unit.GetProperty("changeQuarter").ValueKind);
        Assert.Equal(JsonValueKind.Null, unit.GetProperty("changeYear").ValueKind);
        Assert.Equal(JsonValueKind.Null, unit.GetProperty("rankBand").ValueKind);
    }

    [Theory]
    [MemberData(nameof(CallersAndLevels))]
    public async Task Every_unit_is_listed_but_only_those_in_scope_in_detail(string caller, string level, int units)
    {
        var table = await Json.GetAsync(await app.ClientForAsync(caller), $"/api/scores?level={level}");
        var list = table.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(units, list.Count);
        Assert.All(list, u =>
        {
            var region = u.GetProperty("regionKato").GetString();
            AssertDetail(u, SeesInDetail(caller, region), !SeesClass(caller, region, u.GetProperty("code").GetString()!));
        });
        var detailedCount = list.Count(u => u.GetProperty("detailed").GetBoolean());
        if (caller is Anonymous or Steward) Assert.Equal(0, detailedCount);
        else if (caller == Analyst) Assert.Equal(units, detailedCount);
        else Assert.InRange(detailedCount, 1, units - 1);
    }

    [Theory]
    [InlineData(Planner71)]
    [InlineData(Anonymous)]
    public async Task Filtering_on_a_foreign_region_shows_its_districts_as_classes_only(string caller)
    {
        var units = (await Json.GetAsync(await app.ClientForAsync(caller), $"/api/scores?level=district&region={Almaty}"))
            .GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(8, units.Count);
        Assert.All(units, u => AssertDetail(u, detailed: false));
    }

    [Theory]
    [InlineData(Anonymous, HttpStatusCode.Forbidden)]
    [InlineData(Steward, HttpStatusCode.Forbidden)]
    [InlineData(Planner71, HttpStatusCode.OK)]
    [InlineData(Planner75, HttpStatusCode.OK)]
    [InlineData(Education75, HttpStatusCode.OK)]
    [InlineData(Analyst, HttpStatusCode.OK)]
    public async Task Domain_and_indicator_views_need_a_role_that_sees_detail(string caller, HttpStatusCode expected)
    {
        var client = await app.ClientForAsync(caller);
        foreach (var url in new[] { "/api/scores?level=district&domain=violence", "/api/scores?level=region&indicator=suicides" })
        {
            var response = await client.GetAsync(url);
            if (expected != HttpStatusCode.OK)
            {
                var problem = await Json.ProblemAsync(response, expected);
                Assert.False(problem.TryGetProperty("units", out _));
                continue;
            }
            var units = (await Json.ReadAsync(response, HttpStatusCode.OK)).GetProperty("units").EnumerateArray().ToList();
            Assert.All(units, u =>
            {
                var detailed = SeesInDetail(caller, u.GetProperty("regionKato").GetString());
                Assert.Equal(detailed, u.GetProperty("detailed").GetBoolean());
                Assert.Equal(detailed, u.GetProperty("score").ValueKind == JsonValueKind.Number);
                Assert.Equal(detailed, u.GetProperty("rank").GetInt32() > 0);
            });
        }
    }

    public static TheoryData<string, string, string> Profiles()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var caller in All)
        {
            data.Add(caller, "district", AlmatyDistrict);
            data.Add(caller, "district", AstanaDistrict);
            data.Add(caller, "region", Almaty);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task A_profile_outside_the_scope_keeps_its_classes_but_no_score_contributions_or_ranks(string caller, string level, string code)
    {
        var profile = await Json.GetAsync(await app.ClientForAsync(caller), $"/api/scores/{level}/{code}");
        var latest = profile.GetProperty("latest");
        var detailed = SeesInDetail(caller, latest.GetProperty("regionKato").GetString());
        AssertDetail(latest, detailed);
        var history = profile.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(DemoObservationGenerator.Quarters, history.Count);
        Assert.All(history, h => Assert.InRange(h.GetProperty("class").GetInt32(), 1, 5));
        if (detailed)
        {
            Assert.NotEmpty(profile.GetProperty("contributions").EnumerateArray());
            Assert.All(history, h => Assert.Equal(JsonValueKind.Number, h.GetProperty("score").ValueKind));
        }
        else
        {
            Assert.Empty(profile.GetProperty("contributions").EnumerateArray());
            Assert.All(history, h => Assert.Equal((JsonValueKind.Null, 0), (h.GetProperty("score").ValueKind, h.GetProperty("rank").GetInt32())));
        }
    }

    [Fact]
    public async Task A_district_scoped_education_department_sees_its_district_in_detail_but_not_its_region()
    {
        var client = await app.ClientForNewUserAsync("edu-alatau-scores", Role.Education, AlmatyDistrict);
        var units = (await Json.GetAsync(client, $"/api/scores?level=district&region={Almaty}")).GetProperty("units").EnumerateArray()
            .ToDictionary(u => u.GetProperty("code").GetString()!);
        AssertDetail(units[AlmatyDistrict], detailed: true);
        AssertDetail(units[AlmatyOtherDistrict], detailed: false);
        AssertDetail((await Json.GetAsync(client, $"/api/scores/region/{Almaty}")).GetProperty("latest"), detailed: false);
    }

    [Fact]
    public async Task The_public_list_does_not_give_away_the_ranks_it_hides()
    {
        var ranks = (await Json.GetAsync(await app.ClientForAsync(Analyst), "/api/scores?level=district")).GetProperty("units").EnumerateArray()
            .ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("rank").GetInt32());
        var publicOrder = (await Json.GetAsync(app.CreateClient(), "/api/scores?level=district")).GetProperty("units").EnumerateArray()
            .Select(u => u.GetProperty("code").GetString()!).ToList();
        Assert.All(publicOrder, code => Assert.True(ranks.ContainsKey(code)));
        // Listed in rank order, position i is rank i+1: the hidden rank is there for anyone to count.
        var positionIsRank = publicOrder.Select((code, i) => ranks[code] == i + 1).Count(match => match);
        Assert.True(positionIsRank < publicOrder.Count / 2,
            $"{positionIsRank} of {publicOrder.Count} districts sit in the public list at exactly their hidden national rank");
    }
}
