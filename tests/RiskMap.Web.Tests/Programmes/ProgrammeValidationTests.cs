using System.Net;
using System.Net.Http.Json;
using static RiskMap.Web.Tests.Programmes.ProgrammeClient;

namespace RiskMap.Web.Tests.Programmes;

/// <summary>Every refused change answers a clear 4xx naming the field, and stores nothing.</summary>
[Collection(ProgrammeAppCollection.Name)]
public class ProgrammeValidationTests(ScoredDemoApp app)
{
    private Task<string> RowCountsAsync() => app.Database.ScalarAsync<string>("""
        SELECT concat_ws('/', (SELECT count(*) FROM programmes), (SELECT count(*) FROM programme_targets),
                         (SELECT count(*) FROM programme_measures), (SELECT count(*) FROM measure_progress))
        """);

    private async Task RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string? field = null, string? code = null)
    {
        var before = await RowCountsAsync();
        var problem = await Json.ProblemAsync(await send(), status);
        if (field is not null)
        {
            Assert.Equal("validation-failed", problem.GetProperty("code").GetString());
            Assert.NotEmpty(problem.GetProperty("errors").GetProperty(field).EnumerateArray());
            Assert.Equal(code, problem.GetProperty("fields").GetProperty(field).GetString());
        }
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task Invalid_programmes_targets_measures_and_progress_are_refused_by_field_and_nothing_is_stored()
    {
        var planner = await app.ClientAsAsync("planner-75");
        var id = (await CreateAsync(planner)).Id();
        var target = (await AddTargetAsync(planner, id, "district", Almaly)).Id();
        var measure = (await AddMeasureAsync(planner, id, target, Measure())).Id();
        var astanaDistrict = await app.Database.ScalarAsync<string>("SELECT kato FROM districts WHERE region_kato = @r ORDER BY kato LIMIT 1", new { r = Astana });

        await RefusedAsync(() => planner.PostAsJsonAsync("/api/programmes", new { title = "x", startQuarter = "2025Q3", endQuarter = "2025Q1" }),
            HttpStatusCode.BadRequest, "endQuarter", "end-before-start");
        await RefusedAsync(() => planner.PostAsJsonAsync("/api/programmes", new { title = "x", startQuarter = "2025-01", endQuarter = "2025Q1" }),
            HttpStatusCode.BadRequest, "startQuarter", "invalid-quarter");
        await RefusedAsync(() => planner.PostAsJsonAsync("/api/programmes", new { title = "x", regionKato = Astana, startQuarter = "2025Q1", endQuarter = "2025Q1" }),
            HttpStatusCode.Forbidden);
        await RefusedAsync(() => planner.PostAsJsonAsync($"/api/programmes/{id}/targets", new { level = "district", code = astanaDistrict }), HttpStatusCode.Forbidden);
        await RefusedAsync(() => planner.PostAsJsonAsync($"/api/programmes/{id}/targets", new { level = "district", code = "759999999" }),
            HttpStatusCode.BadRequest, "code", "unknown-unit");
        await RefusedAsync(() => planner.PostAsJsonAsync($"/api/programmes/{id}/targets", new { level = "region", code = Almaty }),
            HttpStatusCode.BadRequest, "level", "invalid-level");
        await RefusedAsync(() => planner.PostAsJsonAsync($"/api/programmes/{id}/targets/{target}/measures", Measure("2024-12-31")),
            HttpStatusCode.BadRequest, "deadline", "deadline-before-start");
        await RefusedAsync(() => planner.PostAsJsonAsync($"/api/programmes/{id}/targets/{target}/measures", Measure(code: "group_hugs")),
            HttpStatusCode.BadRequest, "measureCode", "unknown-measure");
        await RefusedAsync(() => planner.PostAsJsonAsync($"/api/programmes/{id}/targets/{target}/measures", Measure(funding: -1)),
            HttpStatusCode.BadRequest, "fundingAmount", "negative-funding");
        await RefusedAsync(() => planner.PostAsJsonAsync($"/api/programmes/{id}/targets/{target}/measures", Measure(status: "overdue")),
            HttpStatusCode.BadRequest, "status", "status-derived");
        await RefusedAsync(() => planner.PostAsJsonAsync($"/api/programmes/{id}/targets/999999/measures", Measure()), HttpStatusCode.NotFound);
        await RefusedAsync(() => PatchAsync(planner, $"/api/programmes/{id}/measures/{measure}", new { deadline = "2024-06-30" }, 1),
            HttpStatusCode.BadRequest, "deadline", "deadline-before-start");
        await RefusedAsync(() => PatchAsync(planner, $"/api/programmes/{id}", new { startQuarter = "2025Q4" }, 1),
            HttpStatusCode.BadRequest, "startQuarter", "measures-before-start");
        await RefusedAsync(() => planner.PostAsJsonAsync($"/api/programmes/{id}/measures/{measure}/progress", new { quarter = "2024Q4", note = "x" }),
            HttpStatusCode.BadRequest, "quarter", "quarter-before-start");
        await RefusedAsync(() => planner.PostAsJsonAsync($"/api/programmes/{id}/measures/{measure}/progress", new { quarter = "2025Q2", note = "x", percent = 120 }),
            HttpStatusCode.BadRequest, "percent", "percent-out-of-range");
    }

    [Fact]
    public async Task Messages_are_in_the_callers_language()
    {
        var planner = await app.ClientAsAsync("planner-75");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/programmes") { Content = JsonContent.Create(new { title = "", startQuarter = "2025Q1", endQuarter = "2025Q1" }) };
        request.Headers.AcceptLanguage.ParseAdd("ru-RU");
        var problem = await Json.ProblemAsync(await planner.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Equal("Обязательное поле не заполнено.", problem.GetProperty("errors").GetProperty("title")[0].GetString());
    }

    [Fact]
    public async Task Concurrent_edits_do_not_lose_updates()
    {
        var planner = await app.ClientAsAsync("planner-75");
        var other = await app.ClientAsAsync("planner-75");
        var id = (await CreateAsync(planner)).Id();

        var first = await PatchAsync(planner, $"/api/programmes/{id}", new { title = "Первая правка" }, 1);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"2\"", first.Headers.ETag?.ToString());
        var stale = await Json.ProblemAsync(await PatchAsync(other, $"/api/programmes/{id}", new { description = "Вторая правка" }, 1), HttpStatusCode.PreconditionFailed);
        Assert.Equal(("version-mismatch", 2), (stale.GetProperty("code").GetString(), stale.GetProperty("currentVersion").GetInt32()));
        await Json.ProblemAsync(await PatchAsync(other, $"/api/programmes/{id}", new { description = "Без версии" }, null), (HttpStatusCode)428);
        var stored = await Json.GetAsync(planner, $"/api/programmes/{id}");
        Assert.Equal(("Первая правка", "По итогам совещания", 2), (stored.GetProperty("title").GetString(), stored.GetProperty("description").GetString(), stored.GetProperty("version").GetInt32()));

        var target = (await AddTargetAsync(planner, id, "district", Almaly)).Id();
        var measure = (await AddMeasureAsync(planner, id, target, Measure())).Id();
        var both = await Task.WhenAll(
            PatchAsync(planner, $"/api/programmes/{id}/measures/{measure}", new { fundingAmount = 100 }, 1),
            PatchAsync(other, $"/api/programmes/{id}/measures/{measure}", new { fundingAmount = 200 }, 1));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], both.Select(r => r.StatusCode).Order());
        var winner = both.Single(r => r.StatusCode == HttpStatusCode.OK);
        var kept = (await Json.ReadAsync(winner, HttpStatusCode.OK)).GetProperty("fundingAmount").GetDecimal();
        Assert.Equal(kept, await app.Database.ScalarAsync<decimal>("SELECT funding_amount FROM programme_measures WHERE id = @measure", new { measure }));
    }
}
