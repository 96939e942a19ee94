using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RiskMap.Web.Tests.Quarantine;

/// <summary>The scored demo with the quarantine on and no scheduler, so a pending recompute stays pending for the test to see.</summary>
public sealed class HeldBatchApp : ScoredDemoApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Quarantine:Enabled"] = "true",
        ["Scheduler:Enabled"] = "false",
    };
}

/// <summary>
/// An import whose every value the quarantine held wrote nothing the scores read: it leaves the scores' input
/// watermark where it was and no recompute is pending; accepting the held value raises it and the recompute is due.
/// </summary>
public class HeldBatchRecomputeTests(HeldBatchApp app) : IClassFixture<HeldBatchApp>
{
    private const string Period = "2025Q4";
    private const string Indicator = "minors_on_police_register";

    private Task<long> WatermarkAsync() => app.Database.ScalarAsync<long>("SELECT score_input_watermark()");

    private static async Task<JsonValueKind> PendingAsync(HttpClient steward) =>
        (await Json.GetAsync(steward, "/api/score-runs/current")).GetProperty("pendingRecompute").ValueKind;

    [Fact]
    public async Task A_wholly_held_import_starts_no_recompute_until_its_value_is_accepted()
    {
        var steward = await app.ClientAsAsync("steward");
        var (district, stored) = (await app.Database.QueryAsync<(string, double)>("""
            SELECT entity_code, value FROM observations WHERE entity_level = 'district' AND indicator_code = @Indicator AND period = @Period AND value >= 10
            ORDER BY entity_code LIMIT 1
            """, new { Indicator, Period })).Single();
        var watermark = await WatermarkAsync();
        Assert.Equal(JsonValueKind.Null, await PendingAsync(steward));

        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(
            $"entity_level,entity_code,indicator,period,value\ndistrict,{district},{Indicator},{Period},{stored * 10}\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "register.csv");
        var result = await Json.ReadAsync(await steward.PostAsync("/api/imports/indicators", form), HttpStatusCode.Created);

        Assert.Equal((1, 0, 0), (result.GetProperty("held").GetInt32(), result.GetProperty("inserted").GetInt32(), result.GetProperty("updated").GetInt32()));
        Assert.Equal(watermark, await WatermarkAsync());
        Assert.Equal(JsonValueKind.Null, await PendingAsync(steward));

        var held = (await Json.GetAsync(steward, $"/api/quarantine?status=held&batch={result.GetProperty("batchId").GetInt64()}")).EnumerateArray().Single();
        await Json.ReadAsync(await steward.PostAsJsonAsync($"/api/quarantine/{held.GetProperty("id").GetInt64()}/accept", new { note = "Подтверждено" }),
            HttpStatusCode.OK);

        Assert.True(await WatermarkAsync() > watermark);
        Assert.NotEqual(JsonValueKind.Null, await PendingAsync(steward));
    }
}
