using System.Net;
using System.Net.Http.Json;
using System.Text;
using RiskMap.TestSupport;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Access;

/// <summary>The scored demo with the writes to the tables an injection would damage logged (see <see cref="WriteLog"/>).</summary>
public sealed class InjectionApp : ScoredDemoApp
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.WatchAsync("schools", "districts", "regions", "observations", "score_results");
    }
}

/// <summary>
/// SQL, script and control-character injection in every parameter of the GET endpoints, in uploaded CSV fields and in
/// sign-in and user names: the answer is a 4xx problem (never a 500, never data), and no row of the data is written.
/// </summary>
public class InjectionTests(InjectionApp app) : IClassFixture<InjectionApp>
{
    private static readonly Dictionary<string, string> Payloads = new()
    {
        ["sql-or"] = "' OR 1=1--",
        ["sql-drop"] = "1; DROP TABLE schools;--",
        ["sql-union"] = "751110000' UNION SELECT password_hash FROM users--",
        ["script"] = "<script>alert(1)</script>",
        ["nul"] = "\0",
        ["percent-00"] = "%00",
        ["very-long"] = string.Concat(Enumerable.Repeat("' OR 1=1--", 500)),
    };

    /// <summary>GET URLs with {0} where the payload goes (URL-escaped), and who asks: a caller who may see everything there.</summary>
    private static readonly (string Caller, string Url)[] QueryTargets =
    [
        (Analyst, "/api/schools?region={0}"),
        (Analyst, "/api/schools?district={0}"),
        (Analyst, "/api/schools?bbox={0}"),
        (Analyst, "/api/schools?limit={0}"),
        (Analyst, "/api/schools?cursor={0}"),
        (Analyst, "/api/schools?unassigned={0}"),
        (Analyst, "/api/scores?level={0}"),
        (Analyst, "/api/scores?period={0}"),
        (Analyst, "/api/scores?region={0}"),
        (Analyst, "/api/scores?level=school&district={0}"),
        (Analyst, "/api/scores?run={0}"),
        (Analyst, "/api/scores?classes={0}"),
        (Analyst, "/api/scores?domain={0}"),
        (Analyst, "/api/scores?indicator={0}"),
        (Analyst, "/api/scores/district/751110000?run={0}"),
        (Analyst, "/api/periods?run={0}"),
        (Analyst, "/api/districts?region={0}"),
        (Analyst, "/api/regions?simplify={0}"),
        (Analyst, "/api/score-runs?limit={0}"),
        (Analyst, "/tiles/districts/4/11/5.mvt?period={0}"),
        (Analyst, "/tiles/schools/12/2922/1529.mvt?period={0}"),
        (Analyst, "/ogc?f={0}"),
        (Analyst, "/ogc/collections?f={0}"),
        (Analyst, "/ogc/collections/districts/items?bbox={0}"),
        (Analyst, "/ogc/collections/districts/items?limit={0}"),
        (Analyst, "/ogc/collections/districts/items?offset={0}"),
        (Analyst, "/ogc/collections/districts/items?datetime={0}"),
        (Analyst, "/ogc/collections/districts/items?datetime=2024-01-01/{0}"),
        (Analyst, "/ogc/collections/districts/items?f={0}"),
        (Analyst, "/ogc/collections/districts/items?{0}=1"),
        (Analyst, "/ogc/collections/schools/items?bbox={0}"),
        (Analyst, "/ogc/collections/schools/items?datetime={0}"),
        (Analyst, "/ogc/collections/districts/items/751110000?datetime={0}"),
        (Analyst, "/ogc/collections/districts/items/751110000?f={0}"),
        (Steward, "/api/audit?actor={0}"),
        (Steward, "/api/audit?action={0}"),
        (Steward, "/api/audit?from={0}"),
        (Steward, "/api/audit?to={0}"),
        (Steward, "/api/audit?before={0}"),
        (Steward, "/api/audit?limit={0}"),
        (Steward, "/api/imports?limit={0}"),
        (Analyst, "/api/data-delivery?from={0}"),
        (Analyst, "/api/data-delivery?to={0}"),
        (Analyst, "/api/data-delivery?region={0}"),
        (Analyst, "/api/data-delivery?source={0}"),
        (Analyst, "/api/data-delivery?indicator={0}"),
    ];

    /// <summary>URLs with the payload as a path segment (a NUL cannot be sent in a path: servers refuse it before the app).</summary>
    private static readonly (string Caller, string Url)[] PathTargets =
    [
        (Analyst, "/tiles/{0}/4/11/5.mvt"),
        (Analyst, "/tiles/districts/{0}/11/5.mvt"),
        (Analyst, "/tiles/districts/4/{0}/5.mvt"),
        (Analyst, "/tiles/districts/4/11/{0}.mvt"),
        (Analyst, "/tiles/{0}.json"),
        (Analyst, "/api/scores/{0}/751110000"),
        (Analyst, "/api/scores/district/{0}"),
        (Analyst, "/api/scores/region/{0}"),
        (Analyst, "/api/scores/school/{0}"),
        (Analyst, "/api/score-runs/{0}"),
        (Analyst, "/ogc/collections/{0}"),
        (Analyst, "/ogc/collections/{0}/items"),
        (Analyst, "/ogc/collections/districts/items/{0}"),
        (Analyst, "/ogc/collections/schools/items/{0}"),
    ];

    /// <summary>Free-text filters, where no match is a fair answer: 200 with an empty list.</summary>
    private static bool FreeText(string url) => url.Contains("actor=", StringComparison.Ordinal) || url.Contains("action=", StringComparison.Ordinal);

    public static TheoryData<string, string, string> GetRequests()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var payload in Payloads.Keys)
        {
            foreach (var (caller, url) in QueryTargets)
            {
                // Known bug, shown by its own skipped test below.
                if (payload == "nul" && FreeText(url)) continue;
                data.Add(caller, url, payload);
            }
            if (payload == "nul") continue;
            foreach (var (caller, url) in PathTargets) data.Add(caller, url, payload);
        }
        return data;
    }

    private async Task<HttpResponseMessage> GetAsync(string caller, string url) => await (await app.ClientForAsync(caller)).GetAsync(url);

    /// <summary>
    /// The answer to an injected value: a 400 or 404 problem, or 414 for one that makes the URL longer than
    /// Limits:MaxUrlBytes (or, for a free-text filter, nothing found), with the payload never echoed as markup.
    /// </summary>
    private static async Task AssertHarmlessAsync(HttpResponseMessage response, string url)
    {
        var body = await response.Content.ReadAsStringAsync();
        var summary = $"{url[..Math.Min(120, url.Length)]} -> {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}";
        if (FreeText(url) && response.StatusCode == HttpStatusCode.OK)
        {
            Assert.True(body.Trim() == "[]", summary);
            return;
        }
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.RequestUriTooLong, summary);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", summary);
        // Echoed in a JSON problem that is never sniffed as HTML, a script payload is inert.
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Contains("nosniff"), summary);
    }

    [Theory]
    [MemberData(nameof(GetRequests))]
    public async Task An_injected_parameter_is_a_problem_and_changes_nothing(string caller, string url, string payload)
    {
        var before = await app.Database.WritesAsync();
        var target = string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Uri.EscapeDataString(Payloads[payload]));
        await AssertHarmlessAsync(await GetAsync(caller, target), target);
        Assert.Equal(before, await app.Database.WritesAsync());
    }

    [Theory]
    [InlineData(Planner75, "/api/schools?region={0}")]
    [InlineData(Planner75, "/api/scores?level=school&district={0}")]
    [InlineData(Planner75, "/ogc/collections/schools/items/{0}")]
    [InlineData(Anonymous, "/api/scores?level=district&region={0}")]
    public async Task An_injected_value_does_not_widen_a_scope(string caller, string url)
    {
        var target = string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Uri.EscapeDataString("750000000' OR '1'='1"));
        await AssertHarmlessAsync(await GetAsync(caller, target), target);
    }

    private static string Csv(params string[] fields) =>
        "entity_level,entity_code,indicator,period,value\n" + string.Join(",", fields.Select(f => "\"" + f.Replace("\"", "\"\"") + "\"")) + "\n";

    public static TheoryData<int, string> CsvFields()
    {
        var data = new TheoryData<int, string>();
        for (var field = 0; field < 5; field++)
            foreach (var payload in Payloads.Keys.Where(p => p != "nul"))
                data.Add(field, payload);
        return data;
    }

    [Theory]
    [MemberData(nameof(CsvFields))]
    public async Task An_indicator_upload_with_an_injected_field_is_rejected_and_stores_nothing(int field, string payload)
    {
        string[] row = ["district", "751110000", "suicides", "2025Q4", "1"];
        row[field] = Payloads[payload];
        var before = await app.Database.WritesAsync();
        var response = await (await app.ClientForAsync(Steward)).PostAsync("/api/imports/indicators", Upload("injected.csv", Csv(row)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await app.Database.WritesAsync());
    }

    [Theory]
    [InlineData("sql-or")]
    [InlineData("sql-drop")]
    [InlineData("sql-union")]
    [InlineData("script")]
    [InlineData("percent-00")]
    [InlineData("very-long")]
    public async Task An_injected_user_name_signs_nobody_in_and_creates_nobody(string payload)
    {
        var users = await app.Database.ScalarAsync<long>("SELECT count(*) FROM users");
        foreach (var path in new[] { "/api/auth/login", "/api/auth/token" })
        {
            var response = await app.CreateClient().PostAsJsonAsync(path, new { username = Payloads[payload], password = "' OR 1=1--" });
            var problem = await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.False(response.Headers.Contains("Set-Cookie"));
            Assert.False(problem.TryGetProperty("accessToken", out _));
        }
        var created = await (await app.ClientForAsync(Steward)).PostAsJsonAsync("/api/users",
            new { username = Payloads[payload], role = "analyst", password = "long-enough-password" });
        var refusal = await Json.ProblemAsync(created, HttpStatusCode.BadRequest);
        Assert.Equal("username", refusal.GetProperty("parameter").GetString());
        Assert.Equal(users, await app.Database.ScalarAsync<long>("SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task An_injected_weight_name_is_a_problem_and_makes_no_new_version()
    {
        var version = await app.Database.ScalarAsync<long>("SELECT max(id) FROM weight_versions");
        var steward = await app.ClientForAsync(Steward);
        foreach (var payload in Payloads.Values.Where(p => p != "\0"))
        {
            var body = new Dictionary<string, object> { ["indicators"] = new Dictionary<string, double> { [payload] = 1 } };
            await Json.ProblemAsync(await steward.PutAsJsonAsync("/api/weights", body), HttpStatusCode.BadRequest);
        }
        Assert.Equal(version, await app.Database.ScalarAsync<long>("SELECT max(id) FROM weight_versions"));
    }

    [Fact]
    public async Task A_NUL_in_an_audit_filter_is_a_problem()
    {
        foreach (var url in new[] { "/api/audit?actor=%00", "/api/audit?action=%00", "/api/audit?actor=steward%00" })
            await AssertHarmlessAsync(await GetAsync(Steward, url), url);
    }

    [Fact]
    public async Task A_forged_cursor_is_a_problem()
    {
        foreach (var cursor in new[] { "AA", "AAAA", Convert.ToBase64String(Encoding.UTF8.GetBytes("D75\0")).TrimEnd('=') })
        {
            var url = $"/api/schools?cursor={cursor}";
            await AssertHarmlessAsync(await GetAsync(Analyst, url), url);
        }
    }

    [Fact]
    public async Task An_indicator_upload_with_a_NUL_is_rejected_as_a_problem()
    {
        var before = await app.Database.WritesAsync();
        for (var field = 0; field < 5; field++)
        {
            string[] row = ["district", "751110000", "suicides", "2025Q4", "1"];
            row[field] = "1\0";
            var response = await (await app.ClientForAsync(Steward)).PostAsync("/api/imports/indicators", Upload("nul.csv", Csv(row)));
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"field {field}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(before, await app.Database.WritesAsync());
    }

    [Fact]
    public async Task A_NUL_in_a_sign_in_user_or_weight_text_is_a_problem()
    {
        var anonymous = app.CreateClient();
        await Json.ProblemAsync(await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "steward\0", password = "riskmap-demo" }), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "a\0b", password = "riskmap-demo" }), HttpStatusCode.Unauthorized);
        var steward = await app.ClientForAsync(Steward);
        await Json.ProblemAsync(await steward.PostAsJsonAsync("/api/users", new { username = "nul\0user", role = "analyst", password = "long-enough-password" }), HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await steward.PostAsJsonAsync("/api/users", new { username = "nul-display", displayName = "a\0b", role = "analyst", password = "long-enough-password" }), HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await steward.PostAsJsonAsync("/api/users", new { username = "nul-scope", role = "planner", scope = "75000000\0", password = "long-enough-password" }), HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await steward.PutAsJsonAsync("/api/weights", new { domains = new { protective = 1.0 }, note = "a\0b" }), HttpStatusCode.BadRequest);
    }
}
