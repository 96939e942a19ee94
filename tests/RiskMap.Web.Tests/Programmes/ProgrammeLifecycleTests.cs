using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RiskMap.Web.Tests.Programmes.ProgrammeClient;

namespace RiskMap.Web.Tests.Programmes;

[Collection(ProgrammeAppCollection.Name)]
public class ProgrammeLifecycleTests(ScoredDemoApp app)
{
    [Fact]
    public async Task A_planner_builds_a_programme_reports_progress_and_sees_overdue_measures()
    {
        var planner = await app.ClientAsAsync("planner-75");
        var created = await planner.PostAsJsonAsync("/api/programmes", new { title = "Алматы 2025", startQuarter = "2025Q1", endQuarter = "2025Q4" });
        var programme = await Json.ReadAsync(created, HttpStatusCode.Created);
        var id = programme.Id();
        Assert.Equal($"/api/programmes/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag?.ToString());
        Assert.Equal((Almaty, "2025-01-01", 1), (programme.GetProperty("regionKato").GetString(), programme.GetProperty("startDate").GetString(), programme.GetProperty("version").GetInt32()));

        var district = await AddTargetAsync(planner, id, "district", Almaly);
        Assert.Equal((Almaty, Almaly), (district.GetProperty("regionKato").GetString(), district.GetProperty("districtKato").GetString()));
        Assert.Equal(await app.Database.ScalarAsync<string>("SELECT name_ru FROM districts WHERE kato = @d", new { d = Almaly }),
            district.GetProperty("name").GetProperty("ru").GetString());
        var school = await app.Database.ScalarAsync<string>("SELECT code FROM schools WHERE district_kato = @d ORDER BY code LIMIT 1", new { d = Almaly });
        await AddTargetAsync(planner, id, "school", school);
        Assert.Equal(HttpStatusCode.Conflict, (await planner.PostAsJsonAsync($"/api/programmes/{id}/targets", new { level = "district", code = Almaly })).StatusCode);

        // Deadline in the past, not done: overdue. Deadline ahead: planned.
        var late = await AddMeasureAsync(planner, id, district.Id(), Measure("2025-06-30", status: "in_progress"));
        Assert.Equal(("overdue", "in_progress", true), (late.GetProperty("status").GetString(), late.GetProperty("recordedStatus").GetString(), late.GetProperty("overdue").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, late.GetProperty("formOfCompletion").ValueKind);
        Assert.Equal("Информация в акимат", late.GetProperty("measure").GetProperty("defaultForm").GetProperty("ru").GetString());
        var ahead = await AddMeasureAsync(planner, id, district.Id(), Measure(DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"), "parent_education"));
        Assert.Equal("planned", ahead.GetProperty("status").GetString());

        var listed = (await Json.GetAsync(planner, "/api/programmes")).EnumerateArray().Single(p => p.Id() == id);
        Assert.Equal((2, 2, 1, 0), (listed.GetProperty("targets").GetInt32(), listed.GetProperty("measures").GetInt32(),
            listed.GetProperty("overdueMeasures").GetInt32(), listed.GetProperty("doneMeasures").GetInt32()));

        var reported = await Json.ReadAsync(await planner.PostAsJsonAsync($"/api/programmes/{id}/measures/{late.Id()}/progress",
            new { quarter = "2025Q2", note = "Обучены 40 педагогов; программа внедрена в 12 школах", percent = 100, status = "done" }), HttpStatusCode.Created);
        Assert.Equal(("done", false, 2), (reported.GetProperty("status").GetString(), reported.GetProperty("overdue").GetBoolean(), reported.GetProperty("version").GetInt32()));
        Assert.Equal("Обучены 40 педагогов; программа внедрена в 12 школах", reported.GetProperty("progress")[0].GetProperty("note").GetString());

        var detail = await Json.GetAsync(planner, $"/api/programmes/{id}");
        var target = detail.GetProperty("targets").EnumerateArray().Single(t => t.Id() == district.Id());
        Assert.Equal(0, target.GetProperty("overdueMeasures").GetInt32());
        Assert.Equal(2, target.GetProperty("measures").GetArrayLength());

        // The audit log holds the changes.
        Assert.True(await app.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'programme-changed' AND target = @t", new { t = $"programme {id}" }) >= 5);

        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/programmes/{id}");
        delete.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.NoContent, (await planner.SendAsync(delete)).StatusCode);
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM programme_targets WHERE programme_id = @id", new { id }));
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync($"/api/programmes/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_ministry_reads_every_region_planners_and_education_their_own_and_no_one_else_changes()
    {
        var almaty = (await CreateAsync(await app.ClientAsAsync("planner-75"))).Id();
        var astana = (await CreateAsync(await app.ClientAsAsync("planner-71"), "Астана: программа")).Id();

        var analyst = await app.ClientAsAsync("analyst");
        var all = (await Json.GetAsync(analyst, "/api/programmes")).EnumerateArray().Select(p => p.Id()).ToList();
        Assert.Contains(almaty, all);
        Assert.Contains(astana, all);
        Assert.All((await Json.GetAsync(analyst, $"/api/programmes?region={Astana}")).EnumerateArray(), p => Assert.Equal(Astana, p.GetProperty("regionKato").GetString()));
        await Json.GetAsync(analyst, $"/api/programmes/{astana}");

        var planner = await app.ClientAsAsync("planner-75");
        Assert.DoesNotContain(astana, (await Json.GetAsync(planner, "/api/programmes")).EnumerateArray().Select(p => p.Id()));
        await Json.ProblemAsync(await planner.GetAsync($"/api/programmes/{astana}"), HttpStatusCode.NotFound);
        await Json.ProblemAsync(await planner.GetAsync($"/api/programmes?region={Astana}"), HttpStatusCode.Forbidden);
        await Json.ProblemAsync(await PatchAsync(planner, $"/api/programmes/{astana}", new { title = "x" }, 1), HttpStatusCode.NotFound);

        var education = await app.ClientAsAsync("edu-75");
        await Json.GetAsync(education, $"/api/programmes/{almaty}");
        await Json.ProblemAsync(await education.GetAsync($"/api/programmes/{astana}"), HttpStatusCode.NotFound);
        await Json.ProblemAsync(await PatchAsync(education, $"/api/programmes/{almaty}", new { title = "x" }, 1), HttpStatusCode.Forbidden);
        await Json.ProblemAsync(await PatchAsync(analyst, $"/api/programmes/{almaty}", new { title = "x" }, 1), HttpStatusCode.Forbidden);
        await Json.ProblemAsync(await (await app.ClientAsAsync("steward")).GetAsync("/api/programmes"), HttpStatusCode.Forbidden);
        await Json.ProblemAsync(await app.CreateClient().GetAsync($"/api/programmes/{almaty}"), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await app.CreateClient().PostAsJsonAsync("/api/programmes", new { title = "x" }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_measure_catalogue_is_seeded_from_the_complex_plan_in_three_languages()
    {
        var catalogue = (await Json.GetAsync(app.CreateClient(), "/api/measures")).EnumerateArray().ToList();
        Assert.Contains(catalogue, m => m.GetProperty("code").GetString() == "anti_bullying_kiva");
        Assert.True(catalogue.Count >= 9);
        Assert.All(catalogue, m => Assert.Equal(3, new[] { "kk", "ru", "en" }.Select(l => m.GetProperty("name").GetProperty(l).GetString()).Distinct().Count()));
    }
}
