using System.Net;
using System.Net.Http.Json;
using static RiskMap.Web.Tests.Programmes.ProgrammeClient;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// A change of a programme or measure must name the one version it was based on: a header that is not one version is
/// a 400 naming If-Match, "*" (which would overwrite any change made since) a 412, and neither changes anything.
/// </summary>
[Collection(HygieneAppCollection.Name)]
public class IfMatchTests(ScoredDemoApp app)
{
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, params string[] ifMatch)
    {
        var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Patch) request.Content = JsonContent.Create(new { title = "Перезаписано", responsible = "Перезаписано" });
        foreach (var value in ifMatch) request.Headers.TryAddWithoutValidation("If-Match", value);
        return client.SendAsync(request);
    }

    private async Task<(HttpClient Planner, long Programme, long Measure)> ProgrammeWithMeasureAsync()
    {
        var planner = await app.ClientAsAsync("planner-75");
        var id = (await CreateAsync(planner, "If-Match: программа")).Id();
        var target = (await AddTargetAsync(planner, id, "district", Almaly)).Id();
        return (planner, id, (await AddMeasureAsync(planner, id, target, Measure())).Id());
    }

    private async Task AssertUnchangedAsync(long id, long measure)
    {
        var stored = await app.Database.QueryAsync<(string, int, int)>("""
            SELECT p.title, p.version, m.version FROM programmes p JOIN programme_targets t ON t.programme_id = p.id
            JOIN programme_measures m ON m.target_id = t.id WHERE p.id = @id AND m.id = @measure
            """, new { id, measure });
        Assert.Equal(("If-Match: программа", 1, 1), Assert.Single(stored));
    }

    public static TheoryData<string[]> Malformed => new()
    {
        new[] { "abc" },
        new[] { "\"x\"" },
        new[] { "W/" },
        new[] { "\"1\", \"2\"" },
        new[] { "\"1\"", "\"1\"" },
        new[] { "\"1" },
        new[] { "-1" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_If_Match_is_a_400_naming_the_header_and_changes_nothing(string[] ifMatch)
    {
        var (planner, id, measure) = await ProgrammeWithMeasureAsync();
        foreach (var (method, url) in new[]
                 {
                     (HttpMethod.Patch, $"/api/programmes/{id}"), (HttpMethod.Delete, $"/api/programmes/{id}"),
                     (HttpMethod.Patch, $"/api/programmes/{id}/measures/{measure}"), (HttpMethod.Delete, $"/api/programmes/{id}/measures/{measure}"),
                 })
        {
            var problem = await Json.ProblemAsync(await SendAsync(planner, method, url, ifMatch), HttpStatusCode.BadRequest);
            Assert.Equal(("invalid-header", "If-Match"), (problem.GetProperty("code").GetString(), problem.GetProperty("header").GetString()));
        }
        await AssertUnchangedAsync(id, measure);
    }

    [Fact]
    public async Task If_Match_any_is_a_412_that_explains_a_change_must_name_its_version()
    {
        var (planner, id, measure) = await ProgrammeWithMeasureAsync();
        foreach (var (method, url) in new[]
                 {
                     (HttpMethod.Patch, $"/api/programmes/{id}"), (HttpMethod.Delete, $"/api/programmes/{id}/measures/{measure}"),
                     (HttpMethod.Patch, $"/api/programmes/{id}/measures/{measure}"), (HttpMethod.Delete, $"/api/programmes/{id}"),
                 })
        {
            var problem = await Json.ProblemAsync(await SendAsync(planner, method, url, "*"), HttpStatusCode.PreconditionFailed);
            Assert.Equal("if-match-any-refused", problem.GetProperty("code").GetString());
            Assert.Contains("version", problem.GetProperty("detail").GetString());
        }
        await AssertUnchangedAsync(id, measure);
    }

    [Fact]
    public async Task Without_If_Match_a_change_is_still_428_and_with_the_version_it_is_done()
    {
        var (planner, id, measure) = await ProgrammeWithMeasureAsync();
        var missing = await Json.ProblemAsync(await SendAsync(planner, HttpMethod.Patch, $"/api/programmes/{id}"), (HttpStatusCode)428);
        Assert.Equal("if-match-required", missing.GetProperty("code").GetString());
        await AssertUnchangedAsync(id, measure);
        foreach (var version in new[] { "\"1\"", "W/\"2\"", "3" })
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(planner, HttpMethod.Patch, $"/api/programmes/{id}", version)).StatusCode);
    }
}
