using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Tests.Vintages;

/// <summary>The crosswalk's download over HTTP, who may read it, and the profile of a district whose history was carried from 2018.</summary>
public class CrosswalkApiTests(TwoVintagesApp app) : IClassFixture<TwoVintagesApp>
{
    private readonly HttpClient _steward = app.ClientAs("steward");

    [Fact]
    public async Task The_analyst_downloads_the_2018_to_2024_districts_as_csv_the_public_and_a_planner_are_refused()
    {
        const string Url = "/api/vintages/2018/crosswalk/2024?level=district&format=csv";
        await Json.ProblemAsync(await app.CreateClient().GetAsync(Url), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await app.ClientAs("planner-75").GetAsync(Url), HttpStatusCode.Forbidden);

        var response = await app.ClientAs("analyst").GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("source_kato,source_name_kk,source_name_ru,source_name_en,target_kato,target_name_kk,target_name_ru,target_name_en,area_share,pupil_share",
            lines[0]);
        var urzhar = lines.Where(l => l.StartsWith("636400000,", StringComparison.Ordinal)).Select(l => l.Split(',')).ToList();
        Assert.Equal(["104500000", "104600000"], urzhar.Select(f => f[4]).Order(StringComparer.Ordinal));
        Assert.Equal(("Urzhar", "Maqanshy"), (urzhar[0][3], urzhar.Single(f => f[4] == "104500000")[7]));
        Assert.Equal(1.0, urzhar.Sum(f => double.Parse(f[8], CultureInfo.InvariantCulture)), 9);
        Assert.Equal(1.0, urzhar.Sum(f => double.Parse(f[9], CultureInfo.InvariantCulture)), 9);

        // The command line writes the same file.
        var path = Path.Combine(Path.GetTempPath(), $"crosswalk-{Guid.NewGuid():N}.csv");
        try
        {
            var cli = await RiskMapCli.RunAsync(app.Database.ConnectionString, "vintage", "crosswalk", "2018", "2024", "--level", "district", "--out", path);
            Assert.Equal(0, cli.ExitCode);
            Assert.Equal(lines, (await File.ReadAllTextAsync(path)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(path);
        }

        var json = await Json.GetAsync(_steward, "/api/vintages/2018/crosswalk/2024?level=region");
        Assert.Equal(("region", 2018, 2024), (json.GetProperty("level").GetString(), json.GetProperty("from").GetInt32(), json.GetProperty("to").GetInt32()));
        Assert.Equal(17, json.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("sourceKato").GetString()).Distinct().Count());
        await Json.ProblemAsync(await _steward.GetAsync("/api/vintages/1999/crosswalk/2024"), HttpStatusCode.NotFound);
        await Json.ProblemAsync(await _steward.GetAsync("/api/vintages/2018/crosswalk/2024?level=school"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_district_profile_names_the_quarter_carried_from_2018_with_its_pupil_weighted_value()
    {
        // 2018's last quarter is Q4 2022, before the demo's first (2023Q1): only the values imported below are carried.
        Assert.Equal(0, (await RiskMapCli.RunAsync(app.Database.ConnectionString, "vintage", "set", "2018", "--from", "2018-01-01", "--to", "2022-12-31")).ExitCode);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("""
            entity_level,entity_code,indicator,period,value
            district,196200000,suicides,2022Q4,8
            district,194000000,suicides,2022Q4,6
            """));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        await Json.ReadAsync(await _steward.PostAsync("/api/imports/indicators", new MultipartFormDataContent { { file, "file", "2018.csv" } }),
            HttpStatusCode.Created);
        var run = await app.Database.Services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "test");
        Assert.Equal(ScoreRunStatus.Succeeded, run.Status);

        // Konaiev (191000000) of 2024 takes parts of 2018's Talgar and Enbekshikazakh: 8 and 6 suicides by their pupil shares.
        var shares = (await app.Database.QueryAsync<(string Source, double Share)>("""
            SELECT source_kato, pupil_share FROM boundary_crosswalk
            WHERE level = 'district' AND from_vintage = 2018 AND to_vintage = 2024 AND target_kato = '191000000' AND source_kato IN ('196200000', '194000000')
            """)).ToDictionary(s => s.Source, s => s.Share);
        var expected = 8 * shares["196200000"] + 6 * shares["194000000"];

        var profile = await Json.GetAsync(app.ClientAs("analyst"), $"/api/scores/district/191000000?run={run.RunId}&period=2022Q4&indicator=suicides");
        var carried = Assert.Single(profile.GetProperty("carried").EnumerateArray());
        Assert.Equal(("2022Q4", 2018, "pupils"), (carried.GetProperty("period").GetString(), carried.GetProperty("vintage").GetInt32(), carried.GetProperty("by").GetString()));
        Assert.Equal(expected, profile.GetProperty("latest").GetProperty("value").GetProperty("count").GetDouble(), 9);
        Assert.Contains(profile.GetProperty("history").EnumerateArray(), h => h.GetProperty("period").GetString() == "2022Q4");

        // A district none of whose history came from 2018 says nothing was carried.
        var kept = await Json.GetAsync(app.ClientAs("analyst"), $"/api/scores/district/111000000?run={run.RunId}");
        Assert.Empty(kept.GetProperty("carried").EnumerateArray());
    }
}
