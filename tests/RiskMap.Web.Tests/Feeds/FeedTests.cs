using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskMap.TestSupport;
using RiskMap.Web.Tests.Access;

namespace RiskMap.Web.Tests.Feeds;

/// <summary>The scored demo without the scheduler (a pushed batch's recompute stays pending) and five batches per client a minute.</summary>
public sealed class FeedApp : ScoredDemoApp
{
    public const int BatchesPerMinute = 5;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Scheduler:Enabled"] = "false",
        ["Feeds:BatchesPerMinute"] = BatchesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Agency clients pushing indicator batches with API keys: the steward registers a client and its keys (audited), a
/// batch is stored as an import with its provenance and read back through the API, retried batches return their first
/// result, and a batch outside the client's permissions, with bad values, with a dead key or over the rate is refused
/// with nothing written. Each test has its own client, as the rate limit is per client.
/// </summary>
public class FeedTests(FeedApp app) : IClassFixture<FeedApp>
{
    private const string Clients = "/api/agency-clients";
    private const string Push = "/api/feeds/observations";
    private const string Suicides = "suicides";

    private sealed record Client(long Id, string Key, long KeyId);

    /// <summary>Registers a client that may write suicides in Almaty city (region 75), as the steward does.</summary>
    private async Task<Client> RegisterAsync(string name)
    {
        var steward = await app.ClientAsAsync(Callers.Steward);
        var issued = await Json.ReadAsync(await steward.PostAsJsonAsync(Clients,
            new { name, description = "Ministry of Internal Affairs, Almaty", indicators = new[] { Suicides }, regions = new[] { Callers.Almaty } }), HttpStatusCode.Created);
        var client = issued.GetProperty("client");
        return new Client(client.GetProperty("id").GetInt64(), issued.GetProperty("key").GetString()!,
            client.GetProperty("keys")[0].GetProperty("id").GetInt64());
    }

    private HttpClient WithKey(string key)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    private static object Value(string code, string period, double value, string level = "district", string indicator = Suicides) =>
        new { level, code, indicator, period, value };

    private static object Batch(string batchKey, params object[] values) => new { batchKey, sourceSystem = "erdr", values };

    private Task<long> CountAsync(string sql, object? parameters = null) => app.Database.ScalarAsync<long>(sql, parameters);

    private Task<long> ImportBatchesAsync() => CountAsync("SELECT count(*) FROM import_batches");

    [Fact]
    public async Task A_pushed_batch_is_readable_through_the_api_with_its_provenance_and_makes_a_recompute_pending()
    {
        var client = await RegisterAsync("police-read");
        var steward = await app.ClientAsAsync(Callers.Steward);

        var pushed = await Json.ReadAsync(await WithKey(client.Key).PostAsJsonAsync(Push, Batch("erdr-2026q1-1",
            Value(Callers.AlmatyDistrict, "2026Q1", 7), Value(Callers.AlmatyOtherDistrict, "2026Q1", 9))), HttpStatusCode.Created);
        Assert.Equal((2, 2, 0), (pushed.GetProperty("rowsRead").GetInt32(), pushed.GetProperty("inserted").GetInt32(), pushed.GetProperty("updated").GetInt32()));
        var batchId = pushed.GetProperty("batchId").GetInt64();

        // Almaty's planner reads the values in the count table of the new quarter.
        var counts = await Json.GetAsync(await app.ClientAsAsync(Callers.Planner75), $"/api/counts?indicator={Suicides}&period=2026Q1&region={Callers.Almaty}");
        // Almaty's other districts have no value in the new quarter (null).
        var units = counts.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("value"));
        Assert.Equal((7.0, 9.0), (units[Callers.AlmatyDistrict].GetDouble(), units[Callers.AlmatyOtherDistrict].GetDouble()));

        // Each value's provenance: the import batch names the client, its batch key, the time received and the source system.
        var batch = await Json.GetAsync(steward, $"/api/imports/batches/{batchId}");
        Assert.Equal(("succeeded", "erdr", "client:police-read"),
            (batch.GetProperty("status").GetString(), batch.GetProperty("source").GetString(), batch.GetProperty("importedBy").GetString()));
        var feed = batch.GetProperty("feed");
        Assert.Equal(("police-read", "erdr-2026q1-1"), (feed.GetProperty("client").GetString(), feed.GetProperty("batchKey").GetString()));
        Assert.Equal(pushed.GetProperty("receivedAt").GetDateTimeOffset(), feed.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM observations WHERE import_batch_id = @batchId AND source = 'erdr'", new { batchId }));

        // The recompute follows as after an import: the batch is the newest change of the scores' inputs.
        Assert.Equal(batchId, await CountAsync("SELECT score_input_watermark()"));
        Assert.NotEqual(JsonValueKind.Null, (await Json.GetAsync(steward, "/api/score-runs/current")).GetProperty("pendingRecompute").ValueKind);
        // The client's own read of its batch, and the push audited under the client's name.
        Assert.Equal(batchId, (await Json.GetAsync(WithKey(client.Key), "/api/feeds/batches/erdr-2026q1-1")).GetProperty("batchId").GetInt64());
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_log WHERE actor = 'client:police-read' AND action = 'import' AND target = @target",
            new { target = $"indicators batch {batchId}" }));
        // The steward sees the key's last use, never its secret.
        var list = await steward.GetStringAsync(Clients);
        Assert.DoesNotContain(client.Key.Split('.')[2], list);
        var listed = JsonDocument.Parse(list).RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == client.Id);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_first_result_and_other_content_under_it_is_a_409()
    {
        var client = await RegisterAsync("police-retry");
        var http = WithKey(client.Key);
        var body = Batch("retry-1", Value(Callers.AlmatyDistrict, "2026Q2", 3));
        var first = await http.PostAsJsonAsync(Push, body);
        var firstResult = await Json.ReadAsync(first, HttpStatusCode.Created);
        var batches = await ImportBatchesAsync();

        var retry = await http.PostAsJsonAsync(Push, body);
        var retryResult = await Json.ReadAsync(retry, HttpStatusCode.Created);
        Assert.Equal(firstResult.GetRawText(), retryResult.GetRawText());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(batches, await ImportBatchesAsync());
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM observations WHERE entity_code = @AlmatyDistrict AND period = '2026Q2'", new { Callers.AlmatyDistrict }));

        var problem = await Json.ProblemAsync(await http.PostAsJsonAsync(Push, Batch("retry-1", Value(Callers.AlmatyDistrict, "2026Q2", 4))), HttpStatusCode.Conflict);
        Assert.Equal("batch-key-conflict", problem.GetProperty("code").GetString());
        Assert.Equal(3, await app.Database.ScalarAsync<double>("SELECT value FROM observations WHERE entity_code = @AlmatyDistrict AND period = '2026Q2' AND indicator_code = 'suicides'",
            new { Callers.AlmatyDistrict }));
        Assert.Equal(batches, await ImportBatchesAsync());
    }

    [Fact]
    public async Task A_batch_reaching_another_region_or_indicator_is_refused_whole_listing_row_and_field_and_nothing_is_written()
    {
        var client = await RegisterAsync("police-scope");
        var batches = await ImportBatchesAsync();
        var response = await WithKey(client.Key).PostAsJsonAsync(Push, Batch("scope-1",
            Value(Callers.AlmatyDistrict, "2026Q3", 1),
            Value(Callers.AstanaDistrict, "2026Q3", 2),
            Value(Callers.AlmatyDistrict, "2026Q3", 3, indicator: "offences_by_minors"),
            Value(Callers.AstanaSchool, "2026Q3", 1, level: "school")));
        var problem = await Json.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("feed-not-permitted", problem.GetProperty("code").GetString());
        Assert.Equal([(1, "code"), (2, "indicator"), (3, "code")],
            problem.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("row").GetInt32(), i.GetProperty("field").GetString())));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM observations WHERE period = '2026Q3'"));
        Assert.Equal(batches, await ImportBatchesAsync());
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_log WHERE actor = 'client:police-scope' AND action = 'feed-refused'"));
    }

    [Fact]
    public async Task The_steward_changes_what_a_client_may_write_audited_with_before_and_after_and_its_next_batch_is_checked_against_it()
    {
        var client = await RegisterAsync("police-change");
        var steward = await app.ClientAsAsync(Callers.Steward);
        var path = $"{Clients}/{client.Id}";

        var widened = await Json.ReadAsync(await steward.PatchAsJsonAsync(path,
            new { description = "Police, Almaty and Astana", regions = new[] { Callers.Almaty, Callers.Astana } }), HttpStatusCode.OK);
        static string Codes(JsonElement list) => string.Join(",", list.EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(("Police, Almaty and Astana", Suicides, $"{Callers.Almaty},{Callers.Astana}"),
            (widened.GetProperty("description").GetString(), Codes(widened.GetProperty("indicators")), Codes(widened.GetProperty("regions"))));
        await Json.ReadAsync(await WithKey(client.Key).PostAsJsonAsync(Push, Batch("change-1", Value(Callers.AstanaDistrict, "2026Q2", 4))), HttpStatusCode.Created);

        await Json.ReadAsync(await steward.PatchAsJsonAsync(path, new { regions = new[] { Callers.Almaty } }), HttpStatusCode.OK);
        var refused = await Json.ProblemAsync(await WithKey(client.Key).PostAsJsonAsync(Push, Batch("change-2", Value(Callers.AstanaDistrict, "2026Q2", 5))),
            HttpStatusCode.Forbidden);
        Assert.Equal("feed-not-permitted", refused.GetProperty("code").GetString());
        Assert.Equal(4, await CountAsync("SELECT value::bigint FROM observations WHERE entity_code = @code AND indicator_code = @Suicides AND period = '2026Q2'",
            new { code = Callers.AstanaDistrict, Suicides }));
        var audit = JsonDocument.Parse(await app.Database.ScalarAsync<string>("""
            SELECT json_build_object('actor', actor, 'details', details)::text FROM audit_log
            WHERE action = 'agency-client-changed' AND target = @target ORDER BY id DESC LIMIT 1
            """, new { target = $"agency client {client.Id}" })).RootElement;
        Assert.Equal(("steward", $"{Callers.Almaty},{Callers.Astana}", Callers.Almaty), (audit.GetProperty("actor").GetString(),
            Codes(audit.GetProperty("details").GetProperty("before").GetProperty("regions")), Codes(audit.GetProperty("details").GetProperty("after").GetProperty("regions"))));

        // Checked as a registration is; nothing changes on a refusal.
        await Json.ProblemAsync(await steward.PatchAsJsonAsync(path, new { regions = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await steward.PatchAsJsonAsync(path, new { indicators = new[] { "rainfall" } }), HttpStatusCode.NotFound);
        await Json.ProblemAsync(await steward.PatchAsJsonAsync(path, new { description = "x\u202e" }), HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await steward.PatchAsJsonAsync($"{Clients}/999999", new { description = "x" }), HttpStatusCode.NotFound);
        await Json.ProblemAsync(await (await app.ClientAsAsync(Callers.Planner75)).PatchAsJsonAsync(path, new { description = "x" }), HttpStatusCode.Forbidden);
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM audit_log WHERE action = 'agency-client-changed' AND target = @target",
            new { target = $"agency client {client.Id}" }));
    }

    [Fact]
    public async Task Bad_values_are_refused_with_the_imports_findings_by_row_and_field_in_the_users_language_and_nothing_is_written()
    {
        var client = await RegisterAsync("police-check");
        var http = WithKey(client.Key);
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var problem = await Json.ProblemAsync(await http.PostAsJsonAsync(Push, Batch("check-1",
            Value(Callers.AlmatyDistrict, "2026Q4", 2),
            Value(Callers.AlmatyOtherDistrict, "2026Q4", 2.5),
            Value(Callers.AlmatyOtherDistrict, "2026-Q4", 1))), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Пакет отклонён: ничего не сохранено", problem.GetProperty("title").GetString());
        Assert.Equal([(1, "value"), (2, "period")],
            problem.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("row").GetInt32(), i.GetProperty("field").GetString())));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM observations WHERE period = '2026Q4'"));
        // Nothing was stored, so the key is still free for the corrected batch.
        await Json.ReadAsync(await http.PostAsJsonAsync(Push, Batch("check-1", Value(Callers.AlmatyDistrict, "2026Q4", 2))), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_rotation_keeps_both_keys_in_force_until_the_old_is_revoked_and_a_revoked_or_expired_key_is_a_401()
    {
        var client = await RegisterAsync("police-rotate");
        var steward = await app.ClientAsAsync(Callers.Steward);
        var rotated = await Json.ReadAsync(await steward.PostAsJsonAsync($"{Clients}/{client.Id}/keys", new { replaces = client.KeyId, overlapHours = 24 }),
            HttpStatusCode.Created);
        var newKey = rotated.GetProperty("key").GetString()!;
        var newKeyId = rotated.GetProperty("client").GetProperty("keys")[0].GetProperty("id").GetInt64();

        await Json.ReadAsync(await WithKey(client.Key).PostAsJsonAsync(Push, Batch("rotate-old", Value(Callers.AlmatyDistrict, "2027Q1", 1))), HttpStatusCode.Created);
        await Json.ReadAsync(await WithKey(newKey).PostAsJsonAsync(Push, Batch("rotate-new", Value(Callers.AlmatyDistrict, "2027Q1", 2))), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await steward.DeleteAsync($"{Clients}/{client.Id}/keys/{client.KeyId}")).StatusCode);
        var revoked = await Json.ProblemAsync(await WithKey(client.Key).PostAsJsonAsync(Push, Batch("rotate-late", Value(Callers.AlmatyDistrict, "2027Q1", 3))),
            HttpStatusCode.Unauthorized);
        Assert.Equal("invalid-api-key", revoked.GetProperty("code").GetString());
        await Json.ReadAsync(await WithKey(newKey).PostAsJsonAsync(Push, Batch("rotate-new-2", Value(Callers.AlmatyDistrict, "2027Q1", 4))), HttpStatusCode.Created);

        await app.Database.ExecuteAsync("UPDATE agency_client_keys SET expires_at = now() - interval '1 second' WHERE id = @newKeyId", new { newKeyId });
        await Json.ProblemAsync(await WithKey(newKey).PostAsJsonAsync(Push, Batch("rotate-expired", Value(Callers.AlmatyDistrict, "2027Q1", 5))), HttpStatusCode.Unauthorized);
        var missing = await Json.ProblemAsync(await app.CreateClient().PostAsJsonAsync(Push, Batch("no-key", Value(Callers.AlmatyDistrict, "2027Q1", 5))),
            HttpStatusCode.Unauthorized);
        Assert.Equal("api-key-required", missing.GetProperty("code").GetString());
        Assert.Equal(4.0, await app.Database.ScalarAsync<double>(
            "SELECT value FROM observations WHERE entity_code = @AlmatyDistrict AND period = '2027Q1' AND indicator_code = 'suicides'", new { Callers.AlmatyDistrict }));

        var audited = await app.Database.QueryAsync<string>(
            "SELECT action FROM audit_log WHERE actor = 'steward' AND target = @target ORDER BY id", new { target = $"agency client {client.Id}" });
        Assert.Equal(["agency-client-registered", "agency-key-issued", "agency-key-revoked"], audited);
    }

    [Fact]
    public async Task Over_the_clients_rate_a_batch_is_a_429_with_retry_after_and_other_clients_are_not_held_up()
    {
        var busy = WithKey((await RegisterAsync("police-busy")).Key);
        var other = WithKey((await RegisterAsync("police-other")).Key);
        // An empty batch is refused by the endpoint (400) after the limiter has counted it.
        for (var i = 0; i < FeedApp.BatchesPerMinute; i++)
            await Json.ProblemAsync(await busy.PostAsJsonAsync(Push, Batch($"rate-{i}")), HttpStatusCode.BadRequest);
        var limited = await busy.PostAsJsonAsync(Push, Batch("rate-over"));
        Assert.Equal("rate-limited", (await Json.ProblemAsync(limited, HttpStatusCode.TooManyRequests)).GetProperty("code").GetString());
        Assert.True(limited.Headers.RetryAfter is not null, "Retry-After");
        await Json.ProblemAsync(await other.PostAsJsonAsync(Push, Batch("rate-other")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_the_steward_registers_clients_and_a_client_key_reads_nothing_of_the_stewards()
    {
        var analyst = await app.ClientAsAsync(Callers.Analyst);
        await Json.ProblemAsync(await analyst.PostAsJsonAsync(Clients, new { name = "x-analyst", indicators = new[] { Suicides }, regions = new[] { Callers.Almaty } }),
            HttpStatusCode.Forbidden);
        var client = await RegisterAsync("police-reader");
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(client.Key).GetAsync(Clients)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(client.Key).GetAsync("/api/imports")).StatusCode);
        // A user's token does not push.
        await Json.ProblemAsync(await analyst.PostAsJsonAsync(Push, Batch("user-1", Value(Callers.AlmatyDistrict, "2027Q2", 1))), HttpStatusCode.Unauthorized);
    }
}
