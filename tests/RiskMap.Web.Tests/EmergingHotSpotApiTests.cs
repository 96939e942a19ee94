using System.Net;
using System.Text.Json;
using RiskMap.Core.HotSpots;
using RiskMap.Core.Localization;

namespace RiskMap.Web.Tests;

/// <summary>
/// GET /api/hotspots/emerging on the scored demo: categories only of units the caller sees in full, the statistics behind them
/// only for a caller who sees the whole country, and only the published run's.
/// </summary>
public class EmergingHotSpotApiTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Url = "/api/hotspots/emerging";

    private static List<JsonElement> Units(JsonElement list) => [.. list.GetProperty("units").EnumerateArray()];

    [Fact]
    public async Task The_public_must_sign_in_and_a_data_steward_is_refused()
    {
        await Json.ProblemAsync(await app.CreateClient().GetAsync(Url), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await (await app.ClientAsAsync("steward")).GetAsync(Url), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_analyst_gets_every_district_of_the_published_run_with_its_statistics()
    {
        var list = await Json.GetAsync(await app.ClientAsAsync("analyst"), Url);
        var units = Units(list);

        Assert.Equal(app.FirstRun, list.GetProperty("run").GetInt64());
        Assert.Equal(95, list.GetProperty("confidence").GetInt32());
        var periods = list.GetProperty("periods").GetArrayLength();
        Assert.Equal(12, periods);
        Assert.Equal(224, units.Count);
        Assert.All(units, u =>
        {
            Assert.Equal(periods, u.GetProperty("bins").GetArrayLength());
            Assert.Equal(JsonValueKind.Number, u.GetProperty("z").ValueKind);
            Assert.InRange(u.GetProperty("q").GetDouble(), u.GetProperty("p").GetDouble(), 1);
            // 12 quarters: enough for a trend (Mann–Kendall needs 10).
            Assert.Equal(JsonValueKind.Number, u.GetProperty("trendZ").ValueKind);
            Assert.Equal(u.GetProperty("bin").GetInt32(), u.GetProperty("bins")[periods - 1].GetInt32());
        });
        // Hot spots first.
        var bins = units.Select(u => u.GetProperty("bin").GetInt32()).ToList();
        Assert.Equal(bins.OrderDescending(), bins);
        Assert.Equal(8, Units(await Json.GetAsync(await app.ClientAsAsync("analyst"), Url + "?region=750000000")).Count);
        Assert.Equal(20, Units(await Json.GetAsync(await app.ClientAsAsync("analyst"), Url + "?level=region")).Count);
    }

    [Fact]
    public async Task A_planner_gets_their_regions_districts_only_with_categories_and_bins_but_no_statistics()
    {
        var planner = await app.ClientAsAsync("planner-75");
        var units = Units(await Json.GetAsync(planner, Url));

        Assert.Equal(8, units.Count);
        Assert.All(units, u =>
        {
            Assert.Equal("750000000", u.GetProperty("regionKato").GetString());
            EmergingCategories.FromCode(u.GetProperty("category").GetString()!);
            Assert.Equal(12, u.GetProperty("bins").GetArrayLength());
            foreach (var statistic in new[] { "z", "p", "q", "trendZ", "trendP" })
                Assert.Equal(JsonValueKind.Null, u.GetProperty(statistic).ValueKind);
        });
        // The same categories and bins as the analyst's.
        var national = Units(await Json.GetAsync(await app.ClientAsAsync("analyst"), Url + "?region=750000000"));
        Assert.Equal(national.Select(u => (u.GetProperty("code").GetString(), u.GetProperty("category").GetString(), u.GetProperty("bins").ToString())),
            units.Select(u => (u.GetProperty("code").GetString(), u.GetProperty("category").GetString(), u.GetProperty("bins").ToString())));
        // Their region's one unit at region level.
        Assert.Equal(["750000000"], Units(await Json.GetAsync(planner, Url + "?level=region")).Select(u => u.GetProperty("code").GetString()));
        await Json.ProblemAsync(await planner.GetAsync(Url + "?region=710000000"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Category_names_come_in_the_language_asked_for()
    {
        var analyst = await app.ClientAsAsync("analyst");
        foreach (var (code, language) in new[] { ("kk", Language.Kk), ("ru", Language.Ru), ("en", Language.En) })
        {
            var list = await Json.GetAsync(analyst, Url + "?region=750000000&lang=" + code);
            Assert.Equal(code, list.GetProperty("language").GetString());
            Assert.All(Units(list), u => Assert.Equal(
                HotSpotTexts.Name(EmergingCategories.FromCode(u.GetProperty("category").GetString()!), language), u.GetProperty("categoryName").GetString()));
        }
    }

    [Theory]
    [InlineData("?level=school", "level")]
    [InlineData("?level=country", "level")]
    [InlineData("?region=75", "region")]
    [InlineData("?lang=de", "lang")]
    public async Task A_bad_parameter_is_a_problem_naming_it(string query, string parameter)
    {
        var problem = await Json.ProblemAsync(await (await app.ClientAsAsync("analyst")).GetAsync(Url + query), HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task An_unknown_region_is_not_found()
    {
        await Json.ProblemAsync(await (await app.ClientAsAsync("analyst")).GetAsync(Url + "?region=123456789"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_later_failed_or_unpublished_runs_hot_spots_are_never_served()
    {
        foreach (var status in new[] { "failed", "succeeded" })
        {
            await app.Database.ExecuteAsync("""
                WITH run AS (
                    INSERT INTO score_runs (methodology_version, methodology, weight_version_id, indicator_codes, indicator_weights, domain_codes,
                                            domain_weights, input_watermark, trigger, requested_by, status, finished_at, periods)
                    SELECT methodology_version, methodology, weight_version_id, indicator_codes, indicator_weights, domain_codes, domain_weights,
                           input_watermark, 'manual', 'hand', @status, now(), periods
                    FROM score_runs WHERE id = @FirstRun
                    RETURNING id)
                INSERT INTO emerging_hot_spots (run_id, level, code, category, confidence, bin, bins)
                SELECT run.id, 'district', d.kato, 'new-hot-spot', 95, 3, '{0,0,0,0,0,0,0,0,0,0,0,3}' FROM run CROSS JOIN districts d
                """, new { status, app.FirstRun });
        }

        var list = await Json.GetAsync(await app.ClientAsAsync("analyst"), Url);

        Assert.Equal(app.FirstRun, list.GetProperty("run").GetInt64());
        var published = await app.Database.QueryAsync<(string Code, string Category)>(
            "SELECT code, category FROM emerging_hot_spots WHERE run_id = @FirstRun AND level = 'district' ORDER BY code", new { app.FirstRun });
        Assert.Equal(published, Units(list).Select(u => (u.GetProperty("code").GetString()!, u.GetProperty("category").GetString()!)).Order());
    }
}
