using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Tests.Vintages;

/// <summary>The scored demo with 2018 beside it, without the scheduler, so a pending recompute stays pending until the test runs it.</summary>
public sealed class UnscheduledTwoVintagesApp : TwoVintagesApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" };
}

/// <summary>
/// A change of a vintage's in-force days changes which quarters are carried into today's units, so the scores are
/// recomputed after it as after an import: over HTTP and on the command line; and so does a new import of a vintage in force.
/// </summary>
public class VintageDatesRecomputeTests(UnscheduledTwoVintagesApp app) : IClassFixture<UnscheduledTwoVintagesApp>
{
    private readonly HttpClient _steward = app.ClientAs("steward");

    private Task<HttpResponseMessage> SetDatesAsync(string? from, string? to) =>
        _steward.PutAsJsonAsync("/api/vintages/2018/dates", new { from, to });

    private async Task<JsonElement?> PendingAsync()
    {
        var pending = (await Json.GetAsync(_steward, "/api/score-runs/current")).GetProperty("pendingRecompute");
        return pending.ValueKind == JsonValueKind.Null ? null : pending;
    }

    /// <summary>The recompute that follows, as the scheduler starts it: a run only when the inputs changed.</summary>
    private async Task<long> RecomputeAsync()
    {
        Assert.NotNull(await PendingAsync());
        var run = await app.Database.Services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Import, "test");
        Assert.Equal(ScoreRunStatus.Succeeded, run.Status);
        Assert.Null(await PendingAsync());
        return run.RunId!.Value;
    }

    private Task<JsonElement> KonaievAsync(long run) =>
        Json.GetAsync(app.ClientAs("analyst"), $"/api/scores/district/191000000?run={run}&indicator=suicides");

    [Fact]
    public async Task Setting_or_ending_a_vintages_days_over_http_or_the_cli_makes_a_recompute_pending_that_carries_the_quarter_or_stops()
    {
        Assert.Null(await PendingAsync());

        // 2018's last quarter is Q4 2022, before the demo's first (2023Q1): only the values imported below are carried.
        Assert.Equal(0, (await RiskMapCli.RunAsync(app.Database.ConnectionString, "vintage", "set", "2018", "--from", "2018-01-01", "--to", "2022-12-31")).ExitCode);
        await RecomputeAsync();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("""
            entity_level,entity_code,indicator,period,value
            district,196200000,suicides,2022Q4,8
            district,194000000,suicides,2022Q4,6
            """));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        await Json.ReadAsync(await _steward.PostAsync("/api/imports/indicators", new MultipartFormDataContent { { file, "file", "2018.csv" } }),
            HttpStatusCode.Created);
        var carriedRun = await RecomputeAsync();
        // Konaiev (191000000) of 2024 takes parts of 2018's Talgar and Enbekshikazakh: 8 and 6 suicides by their pupil shares.
        var shares = (await app.Database.QueryAsync<(string Source, double Share)>("""
            SELECT source_kato, pupil_share FROM boundary_crosswalk
            WHERE level = 'district' AND from_vintage = 2018 AND to_vintage = 2024 AND target_kato = '191000000' AND source_kato IN ('196200000', '194000000')
            """)).ToDictionary(s => s.Source, s => s.Share);
        var carried = await KonaievAsync(carriedRun);
        Assert.Equal(("2022Q4", 2018), (carried.GetProperty("carried")[0].GetProperty("period").GetString(), carried.GetProperty("carried")[0].GetProperty("vintage").GetInt32()));
        var quarter = await Json.GetAsync(app.ClientAs("analyst"), $"/api/scores/district/191000000?run={carriedRun}&period=2022Q4&indicator=suicides");
        Assert.Equal(8 * shares["196200000"] + 6 * shares["194000000"], quarter.GetProperty("latest").GetProperty("value").GetProperty("count").GetDouble(), 9);

        // Over HTTP the 2018 boundaries end with the reform of June 2022: Q4 2022 is 2024's, whose units lack those codes.
        var set = await Json.ReadAsync(await SetDatesAsync("2018-01-01", "2022-06-07"), HttpStatusCode.OK);
        Assert.Equal(("2018-01-01", "2022-06-07"), (set.GetProperty("validFrom").GetString(), set.GetProperty("validTo").GetString()));
        var endedRun = await RecomputeAsync();
        Assert.Empty((await KonaievAsync(endedRun)).GetProperty("carried").EnumerateArray());
        var endedQuarter = (await Json.GetAsync(app.ClientAs("analyst"), $"/api/scores/district/191000000?run={endedRun}&period=2022Q4&indicator=suicides"))
            .GetProperty("latest").GetProperty("value");
        Assert.True(endedQuarter.ValueKind == JsonValueKind.Null || !endedQuarter.TryGetProperty("count", out var count) || count.ValueKind == JsonValueKind.Null,
            $"Q4 2022 still has a count in Konaiev: {endedQuarter}");

        // And back on the command line: the quarter is carried again.
        Assert.Equal(0, (await RiskMapCli.RunAsync(app.Database.ConnectionString, "vintage", "set", "2018", "--from", "2018-01-01", "--to", "2022-12-31")).ExitCode);
        var againRun = await RecomputeAsync();
        Assert.Equal("2022Q4", Assert.Single((await KonaievAsync(againRun)).GetProperty("carried").EnumerateArray()).GetProperty("period").GetString());

        // New shapes of a vintage in force in some quarter change what is carried from it: a recompute follows that too.
        await VintageUploads.UploadAsync(_steward, "kz_adm2_2018.geojson", "level=district");
        await RecomputeAsync();
    }

    [Fact]
    public async Task Dates_that_overlap_another_vintages_or_are_not_days_are_refused_in_words_and_change_nothing()
    {
        await Json.ReadAsync(await _steward.PutAsJsonAsync("/api/vintages/2024/dates", new { from = "2024-01-01", to = (string?)null }), HttpStatusCode.OK);
        var before = await app.Database.DataFingerprintAsync();

        var overlap = await Json.ProblemAsync(await SetDatesAsync("2018-01-01", "2024-03-31"), HttpStatusCode.Conflict);
        Assert.Equal(("vintage-dates-overlap", 2024, "2024-01-01"), (overlap.GetProperty("code").GetString(), overlap.GetProperty("other").GetInt32(),
            overlap.GetProperty("otherFrom").GetString()));
        Assert.Equal("Vintage 2024 is in force from 2024-01-01 to ?, which overlaps these dates: a quarter would belong to both. Nothing was changed.",
            overlap.GetProperty("detail").GetString());
        Assert.Equal("to", (await Json.ProblemAsync(await SetDatesAsync("2022-06-07", "2018-01-01"), HttpStatusCode.BadRequest)).GetProperty("parameter").GetString());
        Assert.Equal("from", (await Json.ProblemAsync(await SetDatesAsync("1.1.2018", null), HttpStatusCode.BadRequest)).GetProperty("parameter").GetString());
        await Json.ProblemAsync(await _steward.PutAsJsonAsync("/api/vintages/1999/dates", new { from = "1999-01-01" }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs("analyst").PutAsJsonAsync("/api/vintages/2018/dates", new { from = "2018-01-01" })).StatusCode);
        Assert.Equal(before, await app.Database.DataFingerprintAsync());

        await Json.ReadAsync(await _steward.PutAsJsonAsync("/api/vintages/2024/dates", new { from = (string?)null, to = (string?)null }), HttpStatusCode.OK);
    }
}
