using System.Net;
using System.Net.Http.Json;
using static RiskMap.Web.Tests.Programmes.ProgrammeClient;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// A required text made only of invisible or formatting characters looks empty in every list and report, and bidi
/// controls make a title display differently from what is stored: both are refused as 400 naming the field, and nothing
/// is stored.
/// </summary>
[Collection(HygieneAppCollection.Name)]
public class VisibleTextTests(ScoredDemoApp app)
{
    /// <summary>Texts with nothing visible in them (each accepted as a title before).</summary>
    public static readonly TheoryData<string> Invisible = new()
    {
        "\u202E", "\u200B", "\u200E", "\u2060", "\uFEFF", "\u200B\u200C\u200D", "\u00AD", "\u2061\u2062", "\u3164", "\u2800", " \u200B\u00A0\uFEFF\t",
        "\U000E0041\U000E0042",
    };

    private Task<string> RowCountsAsync() => app.Database.ScalarAsync<string>("""
        SELECT concat_ws('/', (SELECT count(*) FROM programmes), (SELECT count(*) FROM programme_measures),
                         (SELECT count(*) FROM measure_progress), (SELECT count(*) FROM users))
        """);

    private async Task RefusedAsync(Func<Task<HttpResponseMessage>> send, string field, string code)
    {
        var before = await RowCountsAsync();
        var problem = await Json.ProblemAsync(await send(), HttpStatusCode.BadRequest);
        Assert.Equal(code, problem.GetProperty("fields").GetProperty(field).GetString());
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(field).EnumerateArray());
        Assert.Equal(before, await RowCountsAsync());
    }

    private static object Programme(string title) => new { title, startQuarter = "2025Q1", endQuarter = "2025Q4" };

    [Theory]
    [MemberData(nameof(Invisible))]
    public async Task Invisible_text_in_a_required_field_is_refused_as_missing(string text)
    {
        var planner = await app.ClientAsAsync("planner-75");
        var id = (await CreateAsync(planner, "Видимый текст")).Id();
        var target = (await AddTargetAsync(planner, id, "district", Almaly)).Id();
        var measure = (await AddMeasureAsync(planner, id, target, Measure())).Id();
        var code = text.Contains('\u202E') ? "control-characters" : "required";

        await RefusedAsync(() => planner.PostAsJsonAsync("/api/programmes", Programme(text)), "title", code);
        await RefusedAsync(() => PatchAsync(planner, $"/api/programmes/{id}", new { title = text }, 1), "title", code);
        await RefusedAsync(() => planner.PostAsJsonAsync($"/api/programmes/{id}/targets/{target}/measures",
            new { measureCode = "anti_bullying_kiva", responsible = text, deadline = "2025-06-30", fundingAmount = 1, fundingSource = text }), "responsible", code);
        await RefusedAsync(() => PatchAsync(planner, $"/api/programmes/{id}/measures/{measure}", new { fundingSource = text }, 1), "fundingSource", code);
        await RefusedAsync(() => planner.PostAsJsonAsync($"/api/programmes/{id}/measures/{measure}/progress", new { quarter = "2025Q2", note = text }), "note", code);
        Assert.Equal("Видимый текст", (await Json.GetAsync(planner, $"/api/programmes/{id}")).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("\u202A")]
    [InlineData("\u202B")]
    [InlineData("\u202C")]
    [InlineData("\u202D")]
    [InlineData("\u202E")]
    [InlineData("\u2066")]
    [InlineData("\u2067")]
    [InlineData("\u2068")]
    [InlineData("\u2069")]
    public async Task Bidi_controls_anywhere_in_a_text_are_refused(string control)
    {
        var planner = await app.ClientAsAsync("planner-75");
        var id = (await CreateAsync(planner, "Видимый текст")).Id();
        var target = (await AddTargetAsync(planner, id, "district", Almaly)).Id();
        var measure = (await AddMeasureAsync(planner, id, target, Measure())).Id();
        var text = $"Программа {control}5202 ымдарап";

        await RefusedAsync(() => planner.PostAsJsonAsync("/api/programmes", Programme(text)), "title", "control-characters");
        await RefusedAsync(() => planner.PostAsJsonAsync("/api/programmes", new { title = "Видимый", description = text, startQuarter = "2025Q1", endQuarter = "2025Q4" }),
            "description", "control-characters");
        await RefusedAsync(() => PatchAsync(planner, $"/api/programmes/{id}/measures/{measure}", new { responsible = text }, 1), "responsible", "control-characters");
        await RefusedAsync(() => planner.PostAsJsonAsync($"/api/programmes/{id}/measures/{measure}/progress", new { quarter = "2025Q2", note = text }), "note", "control-characters");
    }

    [Theory]
    [MemberData(nameof(Invisible))]
    public async Task A_user_needs_a_visible_username_and_display_name(string text)
    {
        var steward = await app.ClientAsAsync(Callers.Steward);
        foreach (var (field, body) in new[]
                 {
                     ("username", (object)new { username = text, role = "analyst", password = "correct-horse-battery" }),
                     ("displayName", new { username = "visible-name", displayName = text, role = "analyst", password = "correct-horse-battery" }),
                 })
        {
            var before = await RowCountsAsync();
            var problem = await Json.ProblemAsync(await steward.PostAsJsonAsync("/api/users", body), HttpStatusCode.BadRequest);
            Assert.Equal(field, problem.GetProperty("parameter").GetString());
            Assert.Equal(before, await RowCountsAsync());
        }
    }
}
