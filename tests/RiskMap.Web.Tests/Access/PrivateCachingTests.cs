using System.Net;
using System.Net.Http.Json;
using static RiskMap.Web.Tests.Access.Callers;
using RiskMap.Web.Tests.Programmes;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// Answers to a signed-in caller may hold child data, and export files are copies of it: no browser or proxy cache may
/// keep them. Public answers and tiles keep their own caching.
/// </summary>
[Collection(HygieneAppCollection.Name)]
public class PrivateCachingTests(ScoredDemoApp app)
{
    private static void AssertNoStore(HttpResponseMessage response, string url)
    {
        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} has Cache-Control '{response.Headers.CacheControl}'");
    }

    [Theory]
    [InlineData(Analyst, "/api/scores?level=school")]
    [InlineData(Analyst, "/api/scores/school/" + AlmatySchool)]
    [InlineData(Analyst, "/api/hotspots?level=school")]
    [InlineData(Analyst, "/api/schools?limit=5")]
    [InlineData(Planner75, "/api/schools?region=" + Almaty + "&limit=5")]
    [InlineData(Planner75, "/api/scores?level=district")]
    [InlineData(Analyst, "/api/exports/hotspots?level=district&format=csv")]
    [InlineData(Analyst, "/api/exports/scores?level=school&region=" + Almaty + "&format=xlsx")]
    [InlineData(Steward, "/api/audit")]
    public async Task Answers_to_a_signed_in_caller_and_export_files_are_not_stored(string caller, string url)
    {
        AssertNoStore(await (await app.ClientForAsync(caller)).GetAsync(url), url);
    }

    [Fact]
    public async Task Programmes_their_exports_and_cookie_sessions_are_not_stored()
    {
        var planner = await app.ClientAsAsync(Planner75);
        var id = (await ProgrammeClient.CreateAsync(planner, "Кэш: программа")).Id();
        foreach (var url in new[] { "/api/programmes", $"/api/programmes/{id}", $"/api/programmes/{id}/effectiveness", $"/api/programmes/{id}.xlsx",
                                    $"/api/programmes/{id}/targets.geojson", $"/api/programmes/{id}/print" })
            AssertNoStore(await planner.GetAsync(url), url);

        var cookie = app.CreateClient();
        await Json.ReadAsync(await cookie.PostAsJsonAsync("/api/auth/login", new { username = Analyst, password = "riskmap-demo" }), HttpStatusCode.OK);
        AssertNoStore(await cookie.GetAsync("/api/scores?level=school"), "/api/scores?level=school with the cookie");
    }

    [Fact]
    public async Task Public_answers_and_tiles_keep_their_caching()
    {
        var response = await app.CreateClient().GetAsync("/api/scores?level=district");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);

        var tile = await (await app.ClientForAsync(Analyst)).GetAsync("/tiles/regions/4/11/5.mvt");
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        Assert.Equal((true, TimeSpan.FromSeconds(60), false), (tile.Headers.CacheControl!.Private, tile.Headers.CacheControl.MaxAge, tile.Headers.CacheControl.NoStore));
    }
}
