using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// The audit log: every audited action leaves an entry the steward can find by actor and action, and entries cannot be
/// changed or removed, not even through the application's own database role.
/// </summary>
public class AuditLogTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private async Task<List<JsonElement>> AuditAsync(string query) =>
        (await Json.GetAsync(await app.ClientForAsync(Steward), "/api/audit?" + query)).EnumerateArray().ToList();

    private static string Detail(JsonElement entry, string name) => entry.GetProperty("details").GetProperty(name).ToString();

    [Fact]
    public async Task A_cookie_sign_in_is_audited_with_the_user_s_role()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = Education75, password = "riskmap-demo" });
        await Json.ReadAsync(response, HttpStatusCode.OK);
        var entries = await AuditAsync($"actor={Education75}&action=login");
        var entry = Assert.Single(entries, e => Detail(e, "via") == "cookie");
        Assert.Equal("education", entry.GetProperty("role").GetString());
        Assert.All(entries, e => Assert.Equal((Education75, "login"), (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString())));
    }

    [Fact]
    public async Task A_failed_sign_in_is_audited_with_the_name_as_typed_and_why()
    {
        await Json.ProblemAsync(await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = "mallory", password = "guess-one" }), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = Analyst, password = "guess-two" }), HttpStatusCode.Unauthorized);

        var unknown = Assert.Single(await AuditAsync("actor=mallory&action=login-failed"));
        Assert.Equal(("unknown-user", "cookie"), (Detail(unknown, "reason"), Detail(unknown, "via")));
        var wrong = Assert.Single(await AuditAsync($"actor={Analyst}&action=login-failed"));
        Assert.Equal(("wrong-credentials", "token"), (Detail(wrong, "reason"), Detail(wrong, "via")));
        Assert.DoesNotContain("guess-", (await AuditAsync("action=login-failed")).Select(e => e.GetRawText()).Aggregate("", string.Concat));
    }

    [Fact]
    public async Task Viewing_a_school_profile_is_audited_but_a_refused_view_is_no_view()
    {
        await Json.GetAsync(await app.ClientForAsync(Planner75), $"/api/scores/school/{AlmatySchool}");
        await Json.ProblemAsync(await (await app.ClientForAsync(Planner71)).GetAsync($"/api/scores/school/{AlmatySchool}"), HttpStatusCode.Forbidden);

        var entry = Assert.Single(await AuditAsync($"actor={Planner75}&action=school-profile-viewed"));
        Assert.Equal(("planner", $"school {AlmatySchool}"), (entry.GetProperty("role").GetString(), entry.GetProperty("target").GetString()));
        Assert.Equal(app.FirstRun.ToString(CultureInfo.InvariantCulture), Detail(entry, "run"));
        Assert.Empty(await AuditAsync($"actor={Planner71}&action=school-profile-viewed"));
    }

    [Fact]
    public async Task An_import_is_audited_with_its_file_and_counts_and_so_is_a_rejected_one()
    {
        var steward = await app.ClientForAsync(Steward);
        var (code, value) = (await app.Database.QueryAsync<(string, double)>(
            "SELECT entity_code, value FROM observations WHERE entity_level = 'district' AND indicator_code = 'suicides' AND period = '2025Q4' ORDER BY entity_code LIMIT 1"))[0];
        var csv = $"entity_level,entity_code,indicator,period,value\ndistrict,{code},suicides,2025Q4,{(value + 1).ToString("R", CultureInfo.InvariantCulture)}\n";
        var created = await Json.ReadAsync(await steward.PostAsync("/api/imports/indicators", Upload("audited.csv", csv)), HttpStatusCode.Created);
        var batch = created.GetProperty("batchId").GetInt64();
        await Json.ProblemAsync(await steward.PostAsync("/api/imports/indicators", Upload("rejected.csv", "entity_level,entity_code,indicator,period,value\ndistrict,999999999,suicides,2025Q4,1\n")),
            HttpStatusCode.UnprocessableEntity);

        var entries = await AuditAsync($"actor={Steward}&action=import");
        var stored = Assert.Single(entries, e => e.GetProperty("target").GetString() == $"indicators batch {batch}");
        Assert.Equal(("audited.csv", "1", "0", "1"), (Detail(stored, "file"), Detail(stored, "rowsRead"), Detail(stored, "inserted"), Detail(stored, "updated")));
        var rejected = Assert.Single(entries, e => Detail(e, "file") == "rejected.csv");
        Assert.Equal("True", Detail(rejected, "rejected"), ignoreCase: true);
    }

    [Fact]
    public async Task A_weight_change_is_audited_with_what_changed_and_why()
    {
        var updated = await Json.ReadAsync(await (await app.ClientForAsync(Steward)).PutAsJsonAsync("/api/weights",
            new { indicators = new { suicides = 3.0 }, note = "audit test" }), HttpStatusCode.OK);
        var entry = Assert.Single(await AuditAsync("action=weights-changed"), e => Detail(e, "note") == "audit test");
        Assert.Equal($"weights version {updated.GetProperty("version").GetInt64()}", entry.GetProperty("target").GetString());
        Assert.Equal(3.0, entry.GetProperty("details").GetProperty("indicators").GetProperty("suicides").GetDouble());
        Assert.Equal(Steward, entry.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A_recompute_request_is_audited()
    {
        // The demo app runs the scheduler; an instance without one answers 503 and queues nothing to audit.
        var response = await (await app.ClientForAsync(Steward)).PostAsync("/api/score-runs", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var entry = Assert.Single(await AuditAsync("action=recompute-requested"));
        Assert.Equal((Steward, "steward", "score run"), (entry.GetProperty("actor").GetString(), entry.GetProperty("role").GetString(), entry.GetProperty("target").GetString()));
    }

    [Fact]
    public async Task Creating_a_user_is_audited_with_role_and_scope()
    {
        await Json.ReadAsync(await (await app.ClientForAsync(Steward)).PostAsJsonAsync("/api/users",
            new { username = "audited-planner", role = "planner", scope = Astana, password = "long-enough-password" }), HttpStatusCode.Created);
        var entry = Assert.Single(await AuditAsync("action=user-created"), e => e.GetProperty("target").GetString() == "audited-planner");
        Assert.Equal((Steward, Astana), (entry.GetProperty("actor").GetString(), Detail(entry, "scopeRegion")));
        Assert.Contains("planner", Detail(entry, "role"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Filters_by_time_and_paging_by_id_return_only_what_was_asked_for()
    {
        await app.ClientForAsync(Planner75);
        await app.ClientForAsync(Analyst);
        var all = await AuditAsync("limit=1000");
        Assert.True(all.Count >= 2);
        var ids = all.Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);

        var firstPage = await AuditAsync("limit=1");
        var secondPage = await AuditAsync($"limit=1&before={firstPage[0].GetProperty("id").GetInt64()}");
        Assert.True(secondPage[0].GetProperty("id").GetInt64() < firstPage[0].GetProperty("id").GetInt64());

        var later = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture));
        Assert.Empty(await AuditAsync($"from={later}"));
        Assert.Equal(all.Count, (await AuditAsync($"to={later}&limit=1000")).Count);
        Assert.All(await AuditAsync($"actor={Planner75}"), e => Assert.Equal(Planner75, e.GetProperty("actor").GetString()));
    }

    [Theory]
    [InlineData("UPDATE audit_log SET actor = 'nobody', details = '{}'")]
    [InlineData("UPDATE audit_log SET at = at - interval '1 year' WHERE action = 'login'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("DELETE FROM audit_log WHERE action = 'login'")]
    [InlineData("TRUNCATE audit_log")]
    public async Task The_database_refuses_to_change_or_remove_entries_even_for_the_app_s_own_role(string sql)
    {
        await app.ClientForAsync(Planner75); // at least one entry: this sign-in
        var before = await app.Database.ScalarAsync<string>("SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM audit_log t");
        await Assert.ThrowsAsync<PostgresException>(() => app.Database.ExecuteAsync(sql));
        Assert.Equal(before, await app.Database.ScalarAsync<string>("SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM audit_log t"));
    }

    [Fact]
    public async Task The_service_s_database_role_can_neither_switch_off_the_protection_nor_remove_entries()
    {
        await app.ClientForAsync(Planner75);
        var before = await app.Database.ScalarAsync<string>("SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM audit_log t");
        await using var service = new NpgsqlConnection(app.Database.AppConnectionString);
        await service.OpenAsync();
        Assert.False(await service.ExecuteScalarAsync<bool>(
            "SELECT pg_has_role(current_user, tableowner, 'MEMBER') FROM pg_tables WHERE tablename = 'audit_log'"),
            "The service connects as the owner of audit_log: ./riskmap test sets RISKMAP_TEST_APP_PG to the runtime role.");

        await Assert.ThrowsAsync<PostgresException>(() => service.ExecuteAsync("ALTER TABLE audit_log DISABLE TRIGGER USER"));
        await Assert.ThrowsAsync<PostgresException>(() => service.ExecuteAsync("DROP TRIGGER audit_log_no_change ON audit_log"));
        try
        {
            await service.ExecuteAsync("GRANT DELETE ON audit_log TO CURRENT_USER");
        }
        catch (PostgresException)
        {
            // Refused outright, or (below) granted nothing.
        }
        foreach (var sql in new[] { "DELETE FROM audit_log", "UPDATE audit_log SET actor = 'nobody'", "TRUNCATE audit_log" })
            await Assert.ThrowsAsync<PostgresException>(() => service.ExecuteAsync(sql));
        Assert.True(await service.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log") > 0, "the service can still read the log");
        Assert.Equal(before, await app.Database.ScalarAsync<string>("SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM audit_log t"));
    }
}
