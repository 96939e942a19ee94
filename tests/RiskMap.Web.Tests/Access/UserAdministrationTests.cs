using System.Net;
using System.Net.Http.Json;
using RiskMap.Core.Access;
using RiskMap.Data.Access;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// The steward's changes of a user (PATCH /api/users/{username}) refuse what does not fit as problems and then change
/// nothing: the user keeps their role, scope and sessions.
/// </summary>
public class UserAdministrationTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Password = "correct-horse-battery";

    /// <summary>What a refused change must leave alone: the row (security stamp included) and the audit log.</summary>
    private Task<string> StateAsync(string username) => app.Database.ScalarAsync<string>("""
        SELECT concat_ws('|', (SELECT concat_ws(',', role, scope_region, scope_district, disabled, security_stamp) FROM users WHERE username = @username),
                              (SELECT count(*) FROM audit_log WHERE target = @username AND action LIKE 'user-%'))
        """, new { username });

    [Theory]
    [InlineData("""{"role":"administrator"}""", "role")]
    [InlineData("""{"role":"planner","scope":"751110000"}""", "scope")]
    [InlineData("""{"role":"analyst","scope":"750000000"}""", "scope")]
    [InlineData("""{"role":"education"}""", "scope")]
    [InlineData("""{"scope":"999999999"}""", "scope")]
    [InlineData("""{"scope":"7500\u00000000"}""", "scope")]
    [InlineData("""{}""", "disabled")]
    public async Task A_change_that_does_not_fit_is_a_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        const string username = "misfit-change";
        var client = await app.ClientForNewUserAsync(username, Role.Planner, Almaty, Password);
        var before = await StateAsync(username);

        var steward = await app.ClientForAsync(Steward);
        var response = await steward.PatchAsync($"/api/users/{username}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("parameter").GetString());

        Assert.Equal(before, await StateAsync(username));
        await Json.GetAsync(client, $"/api/schools?region={Almaty}&limit=1");
    }

    [Fact]
    public async Task An_unknown_user_is_a_404()
    {
        var steward = await app.ClientForAsync(Steward);
        var problem = await Json.ProblemAsync(await steward.PatchAsJsonAsync("/api/users/nobody-here", new { disabled = true }), HttpStatusCode.NotFound);
        Assert.Equal("not-found", problem.GetProperty("code").GetString());
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE target = 'nobody-here'"));
    }

    [Theory]
    [InlineData("""{"disabled":true}""")]
    [InlineData("""{"role":"analyst"}""")]
    public async Task A_steward_cannot_lock_themself_out(string body)
    {
        var steward = await app.ClientForNewUserAsync("lone-steward", Role.Steward, null, Password);
        var before = await StateAsync("lone-steward");

        var problem = await Json.ProblemAsync(
            await steward.PatchAsync("/api/users/LONE-steward", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.Conflict);
        Assert.Equal("own-account", problem.GetProperty("code").GetString());
        Assert.Equal(before, await StateAsync("lone-steward"));
        await Json.GetAsync(steward, "/api/users");
    }

    [Fact]
    public async Task Enabling_clears_a_lockout()
    {
        await app.ClientForNewUserAsync("locked-out", Role.Analyst, null, Password);
        for (var attempt = 0; attempt < 5; attempt++)
            await Json.ProblemAsync(await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "locked-out", password = "not-it" }),
                HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "locked-out", password = Password }),
            HttpStatusCode.Unauthorized);

        var steward = await app.ClientForAsync(Steward);
        var enabled = await Json.ReadAsync(await steward.PatchAsJsonAsync("/api/users/locked-out", new { disabled = false }), HttpStatusCode.OK);
        Assert.False(enabled.GetProperty("locked").GetBoolean());
        await Json.ReadAsync(await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "locked-out", password = Password }), HttpStatusCode.OK);
        var entry = (await Json.GetAsync(steward, $"/api/audit?action={AuditLog.Actions.UserEnabled}")).EnumerateArray()
            .Single(e => e.GetProperty("target").GetString() == "locked-out");
        Assert.True(entry.GetProperty("details").GetProperty("wasLocked").GetBoolean());
    }
}
