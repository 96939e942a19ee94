using System.Net;
using System.Text.Json;
using RiskMap.Core.Access;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// School-level data over REST (/api/schools, /api/scores?level=school, /api/scores/school/{code}): the public must sign
/// in, the steward is refused, planners and education departments see their region's schools only, analysts all.
/// </summary>
public class SchoolLevelAccessTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private Task<long> SchoolCountAsync(string? region) => region is null
        ? app.Database.ScalarAsync<long>("SELECT count(*) FROM schools")
        : app.Database.ScalarAsync<long>("SELECT count(*) FROM schools WHERE region_kato = @region", new { region });

    public static TheoryData<string> Everyone => [.. All];

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_school_list_holds_exactly_the_schools_of_the_caller_s_scope(string caller)
    {
        var client = await app.ClientForAsync(caller);
        var response = await client.GetAsync("/api/schools?limit=10000");
        if (!SeesSchools(caller))
        {
            var problem = await RefusalAsync(response, caller);
            Assert.False(problem.TryGetProperty("features", out _));
            return;
        }
        var features = FeaturesOf(await Json.ReadAsync(response, HttpStatusCode.OK));
        var region = SchoolRegion(caller);
        Assert.Equal(await SchoolCountAsync(region), features.Count);
        if (region is not null) Assert.All(features, f => Assert.Equal(region, Property(f, "region_kato")));
        else Assert.True(features.Select(f => Property(f, "region_kato")).Distinct().Count() >= 20, "the analyst sees every region's schools");
    }

    [Theory]
    [InlineData(Anonymous, "region=750000000", HttpStatusCode.Unauthorized)]
    [InlineData(Steward, "region=750000000", HttpStatusCode.Forbidden)]
    [InlineData(Planner71, "region=750000000", HttpStatusCode.Forbidden)]
    [InlineData(Planner71, "district=751110000", HttpStatusCode.Forbidden)]
    [InlineData(Planner75, "region=710000000", HttpStatusCode.Forbidden)]
    [InlineData(Planner75, "district=711110000", HttpStatusCode.Forbidden)]
    [InlineData(Education75, "district=711110000", HttpStatusCode.Forbidden)]
    [InlineData(Planner75, "region=750000000", HttpStatusCode.OK)]
    [InlineData(Planner75, "district=751110000", HttpStatusCode.OK)]
    [InlineData(Education75, "region=750000000", HttpStatusCode.OK)]
    [InlineData(Planner71, "region=710000000", HttpStatusCode.OK)]
    [InlineData(Analyst, "region=750000000", HttpStatusCode.OK)]
    [InlineData(Analyst, "district=711110000", HttpStatusCode.OK)]
    public async Task A_region_or_district_filter_outside_the_scope_is_refused(string caller, string filter, HttpStatusCode expected)
    {
        var client = await app.ClientForAsync(caller);
        foreach (var url in new[] { $"/api/schools?limit=10000&{filter}", $"/api/scores?level=school&{filter}" })
        {
            var response = await client.GetAsync(url);
            if (expected != HttpStatusCode.OK)
            {
                var problem = await Json.ProblemAsync(response, expected);
                Assert.False(problem.TryGetProperty("features", out _) || problem.TryGetProperty("units", out _), url);
                continue;
            }
            var body = await Json.ReadAsync(response, HttpStatusCode.OK);
            var (key, value) = (filter.Split('=')[0], filter.Split('=')[1]);
            var regions = url.StartsWith("/api/schools", StringComparison.Ordinal)
                ? FeaturesOf(body).Select(f => (Region: Property(f, "region_kato"), District: Property(f, "district_kato"))).ToList()
                : body.GetProperty("units").EnumerateArray().Select(u => (Region: u.GetProperty("regionKato").GetString(), District: u.GetProperty("districtKato").GetString())).ToList();
            Assert.NotEmpty(regions);
            Assert.All(regions, r => Assert.Equal(value, key == "region" ? r.Region : r.District));
        }
    }

    [Fact]
    public async Task A_bounding_box_over_Almaty_gives_an_Astana_planner_no_school()
    {
        const string almaty = "bbox=76.7,43.0,77.2,43.45";
        var analyst = FeaturesOf(await Json.GetAsync(await app.ClientForAsync(Analyst), $"/api/schools?limit=10000&{almaty}"));
        Assert.Contains(analyst, f => Property(f, "region_kato") == Almaty);

        var astana = FeaturesOf(await Json.GetAsync(await app.ClientForAsync(Planner71), $"/api/schools?limit=10000&{almaty}"));
        Assert.Empty(astana);
        var almatyPlanner = FeaturesOf(await Json.GetAsync(await app.ClientForAsync(Planner75), $"/api/schools?limit=10000&{almaty}"));
        Assert.NotEmpty(almatyPlanner);
        Assert.All(almatyPlanner, f => Assert.Equal(Almaty, Property(f, "region_kato")));
    }

    [Fact]
    public async Task Paging_with_next_links_never_leaves_the_scope()
    {
        var client = await app.ClientForAsync(Planner75);
        var codes = new List<string>();
        string? next = "/api/schools?limit=50";
        while (next is not null)
        {
            var page = await Json.GetAsync(client, next);
            var features = FeaturesOf(page);
            Assert.All(features, f => Assert.Equal(Almaty, Property(f, "region_kato")));
            codes.AddRange(features.Select(f => f.GetProperty("id").GetString()!));
            next = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => l.GetProperty("href").GetString()).FirstOrDefault();
        }
        Assert.Equal(await SchoolCountAsync(Almaty), codes.Distinct().Count());
    }

    [Fact]
    public async Task A_cursor_taken_from_another_scope_does_not_widen_it()
    {
        // The analyst's cursor points into the middle of the national list; the Almaty planner may replay it.
        var analystPage = await Json.GetAsync(await app.ClientForAsync(Analyst), "/api/schools?limit=100");
        var next = analystPage.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "next").GetProperty("href").GetString()!;
        var replayed = FeaturesOf(await Json.GetAsync(await app.ClientForAsync(Planner75), next));
        Assert.NotEmpty(replayed);
        Assert.All(replayed, f => Assert.Equal(Almaty, Property(f, "region_kato")));
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task School_scores_hold_only_the_caller_s_schools(string caller)
    {
        var response = await (await app.ClientForAsync(caller)).GetAsync("/api/scores?level=school");
        if (!SeesSchools(caller))
        {
            var problem = await RefusalAsync(response, caller);
            Assert.False(problem.TryGetProperty("units", out _));
            return;
        }
        var units = (await Json.ReadAsync(response, HttpStatusCode.OK)).GetProperty("units").EnumerateArray().ToList();
        var region = SchoolRegion(caller);
        Assert.Equal(await SchoolCountAsync(region), units.Count);
        Assert.All(units, u =>
        {
            if (region is not null) Assert.Equal(region, u.GetProperty("regionKato").GetString());
            Assert.True(u.GetProperty("detailed").GetBoolean());
            Assert.Equal(JsonValueKind.Number, u.GetProperty("score").ValueKind);
        });
    }

    [Theory]
    [InlineData(Anonymous, AlmatySchool, HttpStatusCode.Unauthorized)]
    [InlineData(Steward, AlmatySchool, HttpStatusCode.Forbidden)]
    [InlineData(Planner71, AlmatySchool, HttpStatusCode.Forbidden)]
    [InlineData(Planner75, AstanaSchool, HttpStatusCode.Forbidden)]
    [InlineData(Education75, AstanaSchool, HttpStatusCode.Forbidden)]
    [InlineData(Planner75, "D759999999-999", HttpStatusCode.NotFound)]
    [InlineData(Planner75, AlmatySchool, HttpStatusCode.OK)]
    [InlineData(Education75, AlmatySchool, HttpStatusCode.OK)]
    [InlineData(Planner71, AstanaSchool, HttpStatusCode.OK)]
    [InlineData(Analyst, AlmatySchool, HttpStatusCode.OK)]
    [InlineData(Analyst, AstanaSchool, HttpStatusCode.OK)]
    public async Task A_school_profile_is_shown_only_within_the_scope(string caller, string school, HttpStatusCode expected)
    {
        var response = await (await app.ClientForAsync(caller)).GetAsync($"/api/scores/school/{school}");
        if (expected != HttpStatusCode.OK)
        {
            var problem = await Json.ProblemAsync(response, expected);
            Assert.False(problem.TryGetProperty("latest", out _));
            Assert.DoesNotContain("\"score\"", problem.GetRawText());
            return;
        }
        var profile = await Json.ReadAsync(response, HttpStatusCode.OK);
        var latest = profile.GetProperty("latest");
        Assert.Equal(school, latest.GetProperty("code").GetString());
        Assert.True(latest.GetProperty("detailed").GetBoolean());
        Assert.Equal(JsonValueKind.Number, latest.GetProperty("score").ValueKind);
        Assert.NotEmpty(profile.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task An_education_department_of_one_district_sees_only_that_district_s_schools()
    {
        var client = await app.ClientForNewUserAsync("edu-alatau", Role.Education, AlmatyDistrict);

        var schools = FeaturesOf(await Json.GetAsync(client, "/api/schools?limit=10000"));
        Assert.Equal(await app.Database.ScalarAsync<long>("SELECT count(*) FROM schools WHERE district_kato = @d", new { d = AlmatyDistrict }), schools.Count);
        Assert.All(schools, f => Assert.Equal(AlmatyDistrict, Property(f, "district_kato")));

        // Its own region as a filter narrows to the district; another district of the region is out of scope.
        Assert.All(FeaturesOf(await Json.GetAsync(client, $"/api/schools?limit=10000&region={Almaty}")), f => Assert.Equal(AlmatyDistrict, Property(f, "district_kato")));
        await Json.ProblemAsync(await client.GetAsync($"/api/schools?district={AlmatyOtherDistrict}"), HttpStatusCode.Forbidden);
        await Json.ProblemAsync(await client.GetAsync($"/api/scores/school/D{AlmatyOtherDistrict}-001"), HttpStatusCode.Forbidden);
        await Json.GetAsync(client, $"/api/scores/school/{AlmatySchool}");
    }
}
