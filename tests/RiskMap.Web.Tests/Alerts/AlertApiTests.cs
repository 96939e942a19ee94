using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskMap.Core.Access;
using RiskMap.Web.Tests.Access;

namespace RiskMap.Web.Tests.Alerts;

/// <summary>
/// The alert list, one alert, acknowledgement and the export, on the scored demo with alerts raised by hand in Almaty
/// city (region 75) and Astana (region 71): each caller sees the alerts of the units in their scope and no others, on
/// every surface.
/// </summary>
public class AlertApiTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Url = "/api/alerts";

    /// <summary>Hand-raised alerts of a quarter long before the demo's, so the run's own never collide with them.</summary>
    private static readonly (string Level, string Code, string Region)[] HandRaised =
    [
        ("region", Callers.Almaty, Callers.Almaty),
        ("district", Callers.AlmatyDistrict, Callers.Almaty),
        ("district", Callers.AlmatyOtherDistrict, Callers.Almaty),
        ("school", Callers.AlmatySchool, Callers.Almaty),
        ("region", Callers.Astana, Callers.Astana),
        ("district", Callers.AstanaDistrict, Callers.Astana),
        ("school", Callers.AstanaSchool, Callers.Astana),
    ];

    private async Task<Dictionary<string, long>> RaiseByHandAsync(string period = "2000Q1")
    {
        foreach (var (level, code, _) in HandRaised)
            await app.Database.ExecuteAsync("""
                INSERT INTO alerts (rule, level, code, period, score, change, run_id, rule_version_id)
                VALUES ('clear-rise', @level, @code, @period, 7.5, 0.9, @FirstRun, 1) ON CONFLICT DO NOTHING
                """, new { level, code, period, app.FirstRun });
        return (await app.Database.QueryAsync<(string Code, long Id)>("SELECT code, id FROM alerts WHERE period = @period", new { period }))
            .ToDictionary(r => r.Code, r => r.Id);
    }

    /// <summary>Every alert the caller sees, page by page (500, the largest page).</summary>
    private static async Task<List<JsonElement>> AllAsync(HttpClient client, string query = "")
    {
        var alerts = new List<JsonElement>();
        int total;
        var page = 1;
        do
        {
            var list = await Json.GetAsync(client, $"{Url}?pageSize=500&page={page++}{query}");
            total = list.GetProperty("total").GetInt32();
            alerts.AddRange(list.GetProperty("alerts").EnumerateArray());
        } while (alerts.Count < total && page <= total / 500 + 1);
        Assert.Equal(total, alerts.Count);
        return alerts;
    }

    private static HashSet<string> Codes(IEnumerable<JsonElement> alerts) => [.. alerts.Select(a => a.GetProperty("code").GetString()!)];

    [Fact]
    public async Task The_public_must_sign_in_on_every_surface_and_a_steward_is_refused()
    {
        var ids = await RaiseByHandAsync();
        var id = ids[Callers.AlmatyDistrict];
        var anonymous = app.CreateClient();
        await Json.ProblemAsync(await anonymous.GetAsync(Url), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await anonymous.GetAsync($"{Url}/{id}"), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await anonymous.PostAsJsonAsync($"{Url}/{id}/acknowledgement", new { note = "seen" }), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await anonymous.GetAsync("/api/exports/alerts"), HttpStatusCode.Unauthorized);
        var steward = await app.ClientAsAsync("steward");
        await Json.ProblemAsync(await steward.GetAsync(Url), HttpStatusCode.Forbidden);
        await Json.ProblemAsync(await steward.GetAsync("/api/exports/alerts"), HttpStatusCode.Forbidden);
        Assert.Null(await app.Database.ScalarAsync<string?>("SELECT acknowledged_by FROM alerts WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task An_analyst_sees_every_alert_and_a_planner_only_their_regions()
    {
        await RaiseByHandAsync();
        var stored = await app.Database.ScalarAsync<long>("SELECT count(*) FROM alerts");

        var national = await AllAsync(await app.ClientAsAsync("analyst"));
        var planner75 = await AllAsync(await app.ClientAsAsync("planner-75"));
        var planner71 = await AllAsync(await app.ClientAsAsync("planner-71"));

        Assert.Equal(stored, national.Count);
        Assert.All(planner75, a => Assert.Equal(Callers.Almaty, a.GetProperty("regionKato").GetString()));
        Assert.All(planner71, a => Assert.Equal(Callers.Astana, a.GetProperty("regionKato").GetString()));
        Assert.Superset(HandRaised.Where(h => h.Region == Callers.Almaty).Select(h => h.Code).ToHashSet(), Codes(planner75));
        Assert.DoesNotContain(Callers.AstanaDistrict, Codes(planner75));
        Assert.DoesNotContain(Callers.AstanaSchool, Codes(planner75));
        // Everything the analyst has in region 75 and nothing more.
        Assert.Equal(national.Where(a => a.GetProperty("regionKato").GetString() == Callers.Almaty).Select(a => a.GetProperty("id").GetInt64()).Order(),
            planner75.Select(a => a.GetProperty("id").GetInt64()).Order());
        await Json.ProblemAsync(await (await app.ClientAsAsync("planner-75")).GetAsync($"{Url}?region={Callers.Astana}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_district_education_department_sees_only_its_districts_alerts_and_schools()
    {
        await RaiseByHandAsync();
        var education = await app.ClientForNewUserAsync("edu-alatau-alerts", Role.Education, Callers.AlmatyDistrict);

        var alerts = await AllAsync(education);

        Assert.All(alerts, a => Assert.Equal(Callers.AlmatyDistrict, a.GetProperty("districtKato").GetString()));
        Assert.Superset(new HashSet<string> { Callers.AlmatyDistrict, Callers.AlmatySchool }, Codes(alerts));
        // Not its region as a whole, nor a neighbouring district.
        Assert.DoesNotContain(Callers.Almaty, Codes(alerts));
        Assert.DoesNotContain(Callers.AlmatyOtherDistrict, Codes(alerts));
    }

    [Fact]
    public async Task One_alert_outside_the_scope_is_not_found_and_cannot_be_acknowledged()
    {
        var ids = await RaiseByHandAsync();
        var planner75 = await app.ClientAsAsync("planner-75");

        var own = await Json.GetAsync(planner75, $"{Url}/{ids[Callers.AlmatySchool]}");
        Assert.Equal("school", own.GetProperty("level").GetString());
        Assert.Equal("new", own.GetProperty("status").GetString());
        foreach (var code in new[] { Callers.Astana, Callers.AstanaDistrict, Callers.AstanaSchool })
        {
            await Json.ProblemAsync(await planner75.GetAsync($"{Url}/{ids[code]}"), HttpStatusCode.NotFound);
            await Json.ProblemAsync(await planner75.PostAsJsonAsync($"{Url}/{ids[code]}/acknowledgement", new { note = "not mine" }),
                HttpStatusCode.NotFound);
        }
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM alerts WHERE acknowledged_at IS NOT NULL AND period = '2000Q1'"));
    }

    [Fact]
    public async Task Acknowledging_with_a_note_records_who_when_and_why_in_the_alert_and_the_audit_log()
    {
        var ids = await RaiseByHandAsync("2000Q2");
        var id = ids[Callers.AlmatyDistrict];
        var planner = await app.ClientAsAsync("planner-75");
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        var acknowledged = await Json.ReadAsync(
            await planner.PostAsJsonAsync($"{Url}/{id}/acknowledgement", new { note = "Психолог направлен в школы района" }), HttpStatusCode.OK);

        Assert.Equal("acknowledged", acknowledged.GetProperty("status").GetString());
        Assert.Equal("planner-75", acknowledged.GetProperty("acknowledgedBy").GetString());
        Assert.Equal("Психолог направлен в школы района", acknowledged.GetProperty("note").GetString());
        Assert.InRange(acknowledged.GetProperty("acknowledgedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddMinutes(1));
        var shown = await AllAsync(await app.ClientAsAsync("analyst"), "&status=acknowledged");
        Assert.Contains(id, shown.Select(a => a.GetProperty("id").GetInt64()));
        Assert.DoesNotContain(id, (await AllAsync(planner, "&status=new")).Select(a => a.GetProperty("id").GetInt64()));
        var audit = await app.Database.QueryAsync<(string Actor, string Details)>(
            "SELECT actor, details::text FROM audit_log WHERE action = 'alert-acknowledged' AND target = @target", new { target = $"alert {id}" });
        Assert.Equal("planner-75", Assert.Single(audit).Actor);
        Assert.Contains("Психолог", JsonDocument.Parse(audit[0].Details).RootElement.GetProperty("note").GetString());

        // A second acknowledgement changes nothing: the first one's who, when and note stay.
        await Json.ProblemAsync(await (await app.ClientAsAsync("edu-75")).PostAsJsonAsync($"{Url}/{id}/acknowledgement", new { note = "again" }),
            HttpStatusCode.Conflict);
        var again = await Json.GetAsync(planner, $"{Url}/{id}");
        Assert.Equal(("planner-75", "Психолог направлен в школы района"), (again.GetProperty("acknowledgedBy").GetString(), again.GetProperty("note").GetString()));
        Assert.Single(await app.Database.QueryAsync<long>("SELECT id FROM audit_log WHERE action = 'alert-acknowledged' AND target = @target",
            new { target = $"alert {id}" }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \u200b ")]
    [InlineData("note \u202e reversed")]
    public async Task A_missing_or_invisible_note_is_a_problem_and_changes_nothing(string note)
    {
        var id = (await RaiseByHandAsync("2000Q3"))[Callers.AlmatySchool];

        var problem = await Json.ProblemAsync(await (await app.ClientAsAsync("planner-75")).PostAsJsonAsync($"{Url}/{id}/acknowledgement", new { note }),
            HttpStatusCode.BadRequest);

        Assert.Equal("note", problem.GetProperty("parameter").GetString());
        Assert.Null(await app.Database.ScalarAsync<DateTime?>("SELECT acknowledged_at FROM alerts WHERE id = @id", new { id }));
    }

    [Theory]
    [InlineData("?status=open", "status")]
    [InlineData("?rule=forecast", "rule")]
    [InlineData("?region=71", "region")]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=501", "pageSize")]
    public async Task A_bad_filter_is_a_problem_naming_it(string query, string parameter)
    {
        var problem = await Json.ProblemAsync(await (await app.ClientAsAsync("analyst")).GetAsync(Url + query), HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Pages_follow_one_another_without_gaps_or_repeats()
    {
        await RaiseByHandAsync();
        var analyst = await app.ClientAsAsync("analyst");
        var all = (await AllAsync(analyst)).Select(a => a.GetProperty("id").GetInt64()).ToList();

        var paged = new List<long>();
        const int pageSize = 50;
        for (var page = 1; page <= (all.Count + pageSize - 1) / pageSize; page++)
            paged.AddRange((await Json.GetAsync(analyst, $"{Url}?pageSize={pageSize}&page={page}")).GetProperty("alerts").EnumerateArray()
                .Select(a => a.GetProperty("id").GetInt64()));

        Assert.Equal(all, paged);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task The_export_holds_the_callers_alerts_only_in_their_language_and_is_audited(string format)
    {
        await RaiseByHandAsync();
        var planner = await app.ClientAsAsync("planner-75");

        var response = await planner.GetAsync($"/api/exports/alerts?format={format}&lang=ru");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = format == "csv" ? ExportFiles.ParseCsv(bytes) : ExportFiles.ParseXlsx(bytes, out _).Skip(1).ToList();
        Assert.Equal("Правило", rows[0][2]);
        var codes = rows.Skip(1).Select(r => r[4]).ToHashSet();
        Assert.Equal(Codes(await AllAsync(planner)), codes);
        Assert.DoesNotContain(Callers.AstanaDistrict, codes);
        Assert.Contains(rows.Skip(1), r => r[4] == Callers.AlmatyDistrict && r[2] == "Явный рост балла" && r[1] == "1 квартал 2000 г.");
        Assert.Contains(await app.Database.QueryAsync<string>("SELECT details->>'format' FROM audit_log WHERE action = 'export' AND target = 'alerts' AND actor = 'planner-75'"),
            f => f == format);
    }
}
