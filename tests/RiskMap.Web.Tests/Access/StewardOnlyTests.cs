using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// The data steward's operations (imports, weights, recomputes, users, the audit log): 401 for the public, 403 for every
/// other role, and a refused request changes nothing.
/// </summary>
public class StewardOnlyTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    public static TheoryData<string, string> EndpointsAndCallers()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in new[] { "list imports", "import", "change weights", "recompute", "list users", "create user", "change user", "read audit" })
            foreach (var caller in All)
                data.Add(endpoint, caller);
        return data;
    }

    private async Task<string> ExistingObservationCsvAsync()
    {
        var (level, code, indicator, period, value) = (await app.Database.QueryAsync<(string, string, string, string, double)>(
            "SELECT entity_level, entity_code, indicator_code, period, value FROM observations ORDER BY entity_code, indicator_code, period LIMIT 1"))[0];
        return $"entity_level,entity_code,indicator,period,value\n{level},{code},{indicator},{period},{value.ToString("R", CultureInfo.InvariantCulture)}\n";
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string endpoint, string caller) => endpoint switch
    {
        "list imports" => await client.GetAsync("/api/imports"),
        "import" => await client.PostAsync("/api/imports/indicators", Upload("same.csv", await ExistingObservationCsvAsync())),
        "change weights" => await client.PutAsJsonAsync("/api/weights", new { domains = new { protective = 1.5 }, note = $"by {caller}" }),
        "recompute" => await client.PostAsync("/api/score-runs", null),
        "list users" => await client.GetAsync("/api/users"),
        "create user" => await client.PostAsJsonAsync("/api/users", new { username = $"made-by-{caller}", role = "analyst", password = "long-enough-password" }),
        "change user" => await client.PatchAsJsonAsync($"/api/users/{ChangeTarget}", new { role = "planner", scope = Astana }),
        "read audit" => await client.GetAsync("/api/audit"),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    };

    /// <summary>A planner of Almaty city for "change user" to move, so that no demo user's sessions end.</summary>
    private const string ChangeTarget = "steward-only-target";

    private async Task EnsureChangeTargetAsync()
    {
        var users = app.Database.Services.GetRequiredService<RiskMap.Data.Access.UserStore>();
        if (await users.FindAsync(ChangeTarget) is null)
        {
            await users.CreateAsync(new RiskMap.Data.Access.NewUser(ChangeTarget, ChangeTarget, RiskMap.Core.Access.Role.Planner, Almaty,
                new RiskMap.Web.Features.Access.Passwords().Hash("long-enough-password")));
        }
    }

    /// <summary>What each operation would change, to show that a refused request changed nothing.</summary>
    private Task<string> StateAsync() => app.Database.ScalarAsync<string>("""
        SELECT concat_ws('|',
            (SELECT count(*) FROM import_batches), (SELECT max(id) FROM weight_versions), (SELECT count(*) FROM users),
            (SELECT string_agg(concat_ws(',', role, scope_region, disabled, security_stamp), ';' ORDER BY id) FROM users),
            (SELECT count(*) FROM audit_log WHERE action IN ('import', 'weights-changed', 'recompute-requested', 'user-created', 'user-role-changed')))
        """);

    [Theory]
    [MemberData(nameof(EndpointsAndCallers))]
    public async Task Only_the_steward_may_and_a_refusal_changes_nothing(string endpoint, string caller)
    {
        var client = await app.ClientForAsync(caller);
        await EnsureChangeTargetAsync();
        var before = await StateAsync();
        var response = await SendAsync(client, endpoint, caller);
        if (caller != Steward)
        {
            var problem = await RefusalAsync(response, caller);
            Assert.False(problem.TryGetProperty("version", out _));
            Assert.Equal(before, await StateAsync());
            return;
        }
        var expected = endpoint switch
        {
            "import" or "create user" => HttpStatusCode.Created,
            "recompute" => HttpStatusCode.Accepted,
            _ => HttpStatusCode.OK,
        };
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{endpoint}: expected {expected}, got {response.StatusCode}: {body}");
        if (endpoint is "import" or "change weights" or "create user" or "change user") Assert.NotEqual(before, await StateAsync());
    }

    [Fact]
    public async Task The_users_list_shows_roles_and_scopes_but_never_a_password_hash()
    {
        var body = await (await (await app.ClientForAsync(Steward)).GetAsync("/api/users")).Content.ReadAsStringAsync();
        Assert.Contains("\"planner-75\"", body);
        Assert.Contains(Almaty, body);
        Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AQAAAA", body); // the start of an ASP.NET Core Identity hash
    }

    [Theory]
    [InlineData("planner", null, "scope")]
    [InlineData("planner", "751110000", "scope")]
    [InlineData("analyst", "750000000", "scope")]
    [InlineData("administrator", null, "role")]
    public async Task A_user_whose_scope_does_not_fit_the_role_is_not_created(string role, string? scope, string parameter)
    {
        var steward = await app.ClientForAsync(Steward);
        var username = $"misfit-{role}-{scope ?? "none"}";
        var problem = await Json.ProblemAsync(
            await steward.PostAsJsonAsync("/api/users", new { username, role, scope, password = "long-enough-password" }), HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM users WHERE username = @username", new { username }));
    }

    [Fact]
    public async Task A_forged_or_unsigned_bearer_token_is_the_public_and_is_refused()
    {
        var token = (await (await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = Steward, password = "riskmap-demo" }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
        var parts = token.Split('.');
        // Claims an analyst's role with the steward's signature, then no signature at all ("alg": "none").
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(parts[1]));
        var forgedPayload = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(payload.Replace("\"steward\"", "\"analyst\"")));
        var none = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode("""{"alg":"none","typ":"JWT"}"""u8.ToArray());
        foreach (var forged in new[] { $"{parts[0]}.{forgedPayload}.{parts[2]}", $"{none}.{parts[1]}.", token[..^4] + "AAAA" })
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", forged);
            var response = await client.GetAsync("/api/audit");
            await RefusalAsync(response, Anonymous);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
            await RefusalAsync(await client.GetAsync($"/api/schools?region={Almaty}"), Anonymous);
        }
    }
}
