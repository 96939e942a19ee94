using System.Globalization;
using System.Net;
using System.Text.Json;
using RiskMap.Core.Access;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Privacy;

/// <summary>The scored demo with a small per-user export limit, so a test reaches it in a few requests.</summary>
public sealed class ExportLimitApp : ScoredDemoApp
{
    public const int PerMinute = 4;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Access:ExportsPerMinute"] = PerMinute.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Bulk child data: reading the whole school-level score table or hotspot list is as much a copy of child data as an
/// export, so each read is audited (action school-table-read, with level, period and rows) and counts towards the
/// caller's Access:ExportsPerMinute.
/// </summary>
public class SchoolTableReadTests(ExportLimitApp app) : IClassFixture<ExportLimitApp>
{
    private const string Action = "school-table-read";

    /// <summary>A planner of Almaty city of the test's own, so no other test's reads count towards the limit.</summary>
    private Task<HttpClient> PlannerAsync(string username) => app.ClientForNewUserAsync(username, Role.Planner, Almaty);

    private async Task<List<JsonElement>> AuditEntriesAsync(string actor) =>
        (await Json.GetAsync(await app.ClientAsAsync(Steward), $"/api/audit?actor={actor}&action={Action}")).EnumerateArray().ToList();

    [Theory]
    [InlineData("/api/scores?level=school", "planner-75-reads-scores")]
    [InlineData("/api/hotspots?level=school&top=100000", "planner-75-reads-hotspots")]
    public async Task Reading_a_school_level_table_is_audited_with_its_level_period_and_rows(string url, string user)
    {
        var table = await Json.GetAsync(await PlannerAsync(user), url);
        var rows = table.GetProperty("units").GetArrayLength();
        Assert.True(rows > 0);

        var entry = Assert.Single(await AuditEntriesAsync(user));
        var details = entry.GetProperty("details");
        Assert.Equal("school", details.GetProperty("level").GetString());
        Assert.Equal(table.GetProperty("period").GetString(), details.GetProperty("period").GetString());
        Assert.Equal(rows, details.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task A_district_level_table_is_not_a_school_table_read()
    {
        const string user = "planner-75-reads-districts";
        var planner = await PlannerAsync(user);
        await Json.GetAsync(planner, "/api/scores?level=district");
        await Json.GetAsync(planner, "/api/hotspots?level=district");
        Assert.Empty(await AuditEntriesAsync(user));
    }

    [Fact]
    public async Task School_level_reads_and_exports_share_the_export_limit()
    {
        var planner = await PlannerAsync("planner-75-at-the-limit");
        string[] allowed =
        [
            "/api/scores?level=school", "/api/hotspots?level=school", "/api/exports/scores?level=school&format=csv",
            "/api/exports/hotspots?level=school&format=csv",
        ];
        Assert.Equal(ExportLimitApp.PerMinute, allowed.Length);
        foreach (var url in allowed) Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync(url)).StatusCode);

        // However the level is spelt, a school table is a school table.
        foreach (var url in new[] { "/api/scores?level=school", "/api/hotspots?level=School", "/api/scores?level=%20school%20", "/api/exports/scores?level=school&format=csv" })
        {
            var response = await planner.GetAsync(url);
            var problem = await Json.ProblemAsync(response, HttpStatusCode.TooManyRequests);
            Assert.Equal("rate-limited", problem.GetProperty("code").GetString());
            Assert.False(problem.TryGetProperty("units", out _), url);
        }
        // Region and district tables are the map's own reads: never limited.
        await Json.GetAsync(planner, "/api/scores?level=district");
        await Json.GetAsync(planner, "/api/scores?level=region");
    }
}
