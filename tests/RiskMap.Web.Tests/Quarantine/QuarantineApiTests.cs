using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RiskMap.Web.Tests.Quarantine;

/// <summary>The scored demo with the quarantine on, as the service runs.</summary>
public sealed class QuarantineApp : ScoredDemoApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Quarantine:Enabled"] = "true" };
}

/// <summary>
/// The steward's side of the quarantine on the scored demo: an upload with a misplaced decimal point holds the value
/// back from what score runs read, says so in the result, lists it with the unit's history, and the steward accepts it
/// (it reaches the scores' inputs and a recompute is due) or rejects it (the stored value stays); both audited. Each
/// test changes a unit of its own.
/// </summary>
public class QuarantineApiTests(QuarantineApp app) : IClassFixture<QuarantineApp>
{
    private const string Period = "2025Q4";
    private const string Indicator = "minors_on_police_register";

    private static MultipartFormDataContent Upload(string district, double value)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(
            $"entity_level,entity_code,indicator,period,value\ndistrict,{district},{Indicator},{Period},{value}\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "register.csv");
        return form;
    }

    /// <summary>A district of the demo with a police register of at least 10 in the last quarter, the n-th by code.</summary>
    private Task<(string Code, double Value)> DistrictAsync(int n) => app.Database.ScalarAsync<string>("""
            SELECT entity_code FROM observations WHERE entity_level = 'district' AND indicator_code = @Indicator AND period = @Period AND value >= 10
            ORDER BY entity_code OFFSET @n LIMIT 1
            """, new { Indicator, Period, n })
        .ContinueWith(async code => (code.Result, await StoredAsync(code.Result))).Unwrap();

    private Task<double> StoredAsync(string district) => app.Database.ScalarAsync<double>(
        "SELECT value FROM observations_today WHERE entity_code = @district AND indicator_code = @Indicator AND period = @Period", new { district, Indicator, Period });

    /// <summary>Uploads the value ten times the stored one; returns the import's answer and the held value's id.</summary>
    private async Task<(JsonElement Result, long Held)> PlantAsync(HttpClient steward, string district, double value)
    {
        var result = await Json.ReadAsync(await steward.PostAsync("/api/imports/indicators?lang=ru", Upload(district, value)), HttpStatusCode.Created);
        var held = await Json.GetAsync(steward, $"/api/quarantine?status=held&batch={result.GetProperty("batchId").GetInt64()}");
        return (result, held.EnumerateArray().Single().GetProperty("id").GetInt64());
    }

    private Task<bool> InputsChangedAsync() => app.Database.ScalarAsync<bool>("""
        SELECT score_input_watermark() > (SELECT r.input_watermark FROM published_score_run p JOIN score_runs r ON r.id = p.run_id)
        """);

    [Fact]
    public async Task A_tenfold_value_is_held_with_its_reason_and_history_and_reaches_the_scores_inputs_only_once_accepted()
    {
        var steward = await app.ClientAsAsync("steward");
        var (district, stored) = await DistrictAsync(0);

        var (result, id) = await PlantAsync(steward, district, stored * 10);

        Assert.Equal((1, 0, 0), (result.GetProperty("held").GetInt32(), result.GetProperty("inserted").GetInt32(), result.GetProperty("updated").GetInt32()));
        var warning = result.GetProperty("warnings").EnumerateArray().Single();
        Assert.Equal(("values-held", "1"), (warning.GetProperty("problem").GetString(), warning.GetProperty("value").GetString()));
        Assert.Contains("карантин", warning.GetProperty("message").GetString());
        var listed = (await Json.GetAsync(steward, "/api/quarantine?status=held")).EnumerateArray().Single(h => h.GetProperty("id").GetInt64() == id);
        Assert.Equal((district, Indicator, Period, stored * 10, stored), (listed.GetProperty("code").GetString(), listed.GetProperty("indicator").GetString(),
            listed.GetProperty("period").GetString(), listed.GetProperty("value").GetDouble(), listed.GetProperty("lastValue").GetDouble()));
        Assert.Contains("tenfold-jump", listed.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.True(listed.GetProperty("historyMedian").GetDouble() > 0);
        Assert.Equal(stored, await StoredAsync(district));

        var watermark = await app.Database.ScalarAsync<long>("SELECT score_input_watermark()");
        var accepted = await Json.ReadAsync(await steward.PostAsJsonAsync($"/api/quarantine/{id}/accept", new { note = "Подтверждено ДП: перерегистрация" }), HttpStatusCode.OK);

        Assert.Equal(("accept", 1), (accepted.GetProperty("decision").GetString(), accepted.GetProperty("values").GetInt32()));
        Assert.Equal(stored * 10, await StoredAsync(district));
        Assert.True(await app.Database.ScalarAsync<long>("SELECT score_input_watermark()") > watermark);
        Assert.True(await InputsChangedAsync());
        Assert.Equal(("steward", "held value " + id, 1), await app.Database.ScalarAsync<string>("""
            SELECT json_build_array(actor, target, (details->>'values')::int)::text FROM audit_log WHERE action = 'held-values-accepted' ORDER BY id DESC LIMIT 1
            """).ContinueWith(t => { var a = JsonDocument.Parse(t.Result).RootElement; return (a[0].GetString(), a[1].GetString(), a[2].GetInt32()); }));
        var decided = (await Json.GetAsync(steward, "/api/quarantine?status=accepted")).EnumerateArray().Single(h => h.GetProperty("id").GetInt64() == id);
        Assert.Equal("steward", decided.GetProperty("decidedBy").GetString());
        await Json.ProblemAsync(await steward.PostAsJsonAsync($"/api/quarantine/{id}/accept", new { note = (string?)null }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_rejected_batch_leaves_the_stored_value_and_keeps_the_rejected_one_with_who_and_why()
    {
        var steward = await app.ClientAsAsync("steward");
        var (district, stored) = await DistrictAsync(1);
        var (result, id) = await PlantAsync(steward, district, Math.Floor(stored / 10));
        var batch = result.GetProperty("batchId").GetInt64();

        await Json.ProblemAsync(await steward.PostAsJsonAsync($"/api/quarantine/batches/{batch}/reject", new { note = " " }), HttpStatusCode.BadRequest);
        var rejected = await Json.ReadAsync(await steward.PostAsJsonAsync($"/api/quarantine/batches/{batch}/reject", new { note = "Запятая не на месте" }),
            HttpStatusCode.OK);

        Assert.Equal(1, rejected.GetProperty("values").GetInt32());
        Assert.Equal(stored, await StoredAsync(district));
        var kept = (await Json.GetAsync(steward, $"/api/quarantine?batch={batch}")).EnumerateArray().Single();
        Assert.Equal((id, "rejected", "steward", "Запятая не на месте"), (kept.GetProperty("id").GetInt64(), kept.GetProperty("status").GetString(),
            kept.GetProperty("decidedBy").GetString(), kept.GetProperty("note").GetString()));
        Assert.Equal(1, await app.Database.ScalarAsync<int>(
            "SELECT count(*)::int FROM audit_log WHERE action = 'held-values-rejected' AND target = @target", new { target = $"indicators batch {batch}" }));
        var log = await Json.GetAsync(steward, $"/api/imports/batches/{batch}");
        Assert.Equal((1, 0), (log.GetProperty("rowsHeld").GetInt32(), log.GetProperty("rowsStillHeld").GetInt32()));
    }

    [Fact]
    public async Task Only_stewards_decide_and_bad_requests_are_problems()
    {
        var planner = await app.ClientAsAsync("planner-75");
        var steward = await app.ClientAsAsync("steward");

        await Json.ProblemAsync(await planner.GetAsync("/api/quarantine"), HttpStatusCode.Forbidden);
        await Json.ProblemAsync(await planner.PostAsJsonAsync("/api/quarantine/1/accept", new { note = "x" }), HttpStatusCode.Forbidden);
        await Json.ProblemAsync(await app.CreateClient().GetAsync("/api/quarantine"), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await steward.PostAsJsonAsync("/api/quarantine/1/approve", new { note = "x" }), HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await steward.GetAsync("/api/quarantine?status=pending"), HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await steward.PostAsJsonAsync("/api/quarantine/999999/accept", new { note = (string?)null }), HttpStatusCode.NotFound);
        await Json.ProblemAsync(await steward.PostAsJsonAsync("/api/quarantine/999999/reject", new { note = "x\u202e" }), HttpStatusCode.BadRequest);
    }
}
