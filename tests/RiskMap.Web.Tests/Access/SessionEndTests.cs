using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Net.Http.Headers;
using RiskMap.Core.Access;
using RiskMap.Data.Access;
using RiskMap.TestSupport;
using RiskMap.Web.Features.Access;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// Sessions end when they should: signing out ends every cookie and token of the user, and so do disabling (API and
/// command line), locking and a new role or scope. An ended, expired or invalid credential is answered 401 on every
/// endpoint — never silently the public view — and a dead cookie is cleared.
/// </summary>
public class SessionEndTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Password = "correct-horse-battery";
    private const string SchoolScores = "/api/scores?level=school";

    /// <summary>A user of this test alone, stored directly so that no demo user's sessions end.</summary>
    private async Task CreateUserAsync(string username, Role role = Role.Analyst, string? scope = null) =>
        await app.Database.Services.GetRequiredService<UserStore>().CreateAsync(new NewUser(username, username, role, scope, new Passwords().Hash(Password)));

    /// <summary>A browser-like client signed in with the cookie: its cookie header and its anti-forgery token.</summary>
    private async Task<(HttpClient Client, string Cookie, string Antiforgery)> SignInWithCookieAsync(string username)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password = Password });
        var me = await Json.ReadAsync(response, HttpStatusCode.OK);
        var session = SetCookieHeaderValue.ParseList(response.Headers.GetValues("Set-Cookie").ToList()).Single(c => c.Name == AccessSetup.SessionCookie);
        return (client, $"{session.Name}={session.Value}", me.GetProperty("antiforgeryToken").GetString()!);
    }

    private async Task<string> TokenAsync(string username)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username, password = Password });
        return (await Json.ReadAsync(response, HttpStatusCode.OK)).GetProperty("accessToken").GetString()!;
    }

    private HttpClient ReplayingCookie(string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private HttpClient WithToken(string token)
    {
        var client = app.CreateClient();
        client.UseToken(token);
        return client;
    }

    private Task<HttpClient> StewardAsync() => app.ClientForAsync(Callers.Steward);

    /// <summary>A 401 "sign in" problem (not the public view), with a WWW-Authenticate challenge.</summary>
    private static async Task<HttpResponseMessage> AssertSignedOutAsync(HttpResponseMessage response, string challenge)
    {
        var problem = await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("sign-in-required", problem.GetProperty("code").GetString());
        Assert.Contains(challenge, response.Headers.WwwAuthenticate.ToString());
        return response;
    }

    /// <summary>Whether the response tells the browser to drop the session cookie.</summary>
    private static bool ClearsSessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
        && SetCookieHeaderValue.ParseList(values.ToList()).Any(c => c.Name == AccessSetup.SessionCookie && c.Value == "" && c.Expires < DateTimeOffset.UtcNow);

    private Task<long> AuditCountAsync(string action, string target) =>
        app.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = @action AND target = @target", new { action, target });

    private static HttpRequestMessage Logout(string? antiforgery)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        if (antiforgery is not null) request.Headers.Add("X-CSRF-TOKEN", antiforgery);
        return request;
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused_with_401_and_cleared()
    {
        await CreateUserAsync("replay-user");
        var (client, cookie, antiforgery) = await SignInWithCookieAsync("replay-user");
        await Json.GetAsync(ReplayingCookie(cookie), SchoolScores);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(Logout(antiforgery))).StatusCode);
        Assert.False((await Json.GetAsync(client, "/api/auth/me")).GetProperty("authenticated").GetBoolean());

        var replayed = await AssertSignedOutAsync(await ReplayingCookie(cookie).GetAsync(SchoolScores), "Cookie");
        Assert.True(ClearsSessionCookie(replayed));
        Assert.True(ClearsSessionCookie(await AssertSignedOutAsync(await ReplayingCookie(cookie).GetAsync("/api/auth/me"), "Cookie")));
        Assert.Equal(1, await AuditCountAsync(AuditLog.Actions.Logout, "replay-user"));
    }

    [Fact]
    public async Task Signing_out_ends_every_cookie_and_token_of_the_user_on_every_device()
    {
        await CreateUserAsync("many-devices");
        var (browser, _, _) = await SignInWithCookieAsync("many-devices");
        var token = await TokenAsync("many-devices");
        var (other, _, otherAntiforgery) = await SignInWithCookieAsync("many-devices");
        await Json.GetAsync(browser, SchoolScores);
        await Json.GetAsync(WithToken(token), SchoolScores);

        Assert.Equal(HttpStatusCode.NoContent, (await other.SendAsync(Logout(otherAntiforgery))).StatusCode);

        await AssertSignedOutAsync(await WithToken(token).GetAsync(SchoolScores), "invalid_token");
        // The browser's cookie is refused once and cleared; the page then sees the public.
        Assert.True(ClearsSessionCookie(await AssertSignedOutAsync(await browser.GetAsync(SchoolScores), "Cookie")));
        var me = await Json.GetAsync(browser, "/api/auth/me");
        Assert.Equal(("public", false), (me.GetProperty("role").GetString(), me.GetProperty("authenticated").GetBoolean()));
        // A new sign-in works as before.
        await Json.GetAsync(WithToken(await TokenAsync("many-devices")), SchoolScores);
    }

    [Fact]
    public async Task Signing_out_with_a_bearer_token_ends_it()
    {
        await CreateUserAsync("token-sign-out");
        var client = WithToken(await TokenAsync("token-sign-out"));
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(Logout(null))).StatusCode);
        await AssertSignedOutAsync(await client.GetAsync(SchoolScores), "invalid_token");
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_cookie_and_token_at_the_next_request_and_enabling_lets_them_sign_in_again()
    {
        await CreateUserAsync("to-disable");
        var (browser, cookie, _) = await SignInWithCookieAsync("to-disable");
        var token = await TokenAsync("to-disable");
        await Json.GetAsync(browser, SchoolScores);

        var disabled = await Json.ReadAsync(await (await StewardAsync()).PatchAsJsonAsync("/api/users/to-disable", new { disabled = true }), HttpStatusCode.OK);
        Assert.True(disabled.GetProperty("disabled").GetBoolean());

        await AssertSignedOutAsync(await WithToken(token).GetAsync(SchoolScores), "invalid_token");
        await AssertSignedOutAsync(await ReplayingCookie(cookie).GetAsync(SchoolScores), "Cookie");
        await Json.ProblemAsync(await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "to-disable", password = Password }),
            HttpStatusCode.Unauthorized);
        Assert.Equal(1, await AuditCountAsync(AuditLog.Actions.UserDisabled, "to-disable"));

        await Json.ReadAsync(await (await StewardAsync()).PatchAsJsonAsync("/api/users/to-disable", new { disabled = false }), HttpStatusCode.OK);
        await Json.GetAsync(WithToken(await TokenAsync("to-disable")), SchoolScores);
        Assert.Equal(1, await AuditCountAsync(AuditLog.Actions.UserEnabled, "to-disable"));
    }

    [Fact]
    public async Task A_new_role_and_scope_end_the_sessions_and_a_new_sign_in_gets_the_new_scope()
    {
        await CreateUserAsync("moving-planner", Role.Planner, Almaty);
        var old = WithToken(await TokenAsync("moving-planner"));
        Assert.All(FeaturesOf(await Json.GetAsync(old, "/api/schools?limit=20")), f => Assert.Equal(Almaty, Property(f, "region_kato")));

        var moved = await Json.ReadAsync(
            await (await StewardAsync()).PatchAsJsonAsync("/api/users/moving-planner", new { role = "education", scope = AstanaDistrict }), HttpStatusCode.OK);
        Assert.Equal(("education", Astana, AstanaDistrict),
            (moved.GetProperty("role").GetString(), moved.GetProperty("scopeRegion").GetString(), moved.GetProperty("scopeDistrict").GetString()));

        await AssertSignedOutAsync(await old.GetAsync("/api/schools?limit=20"), "invalid_token");
        var renewed = WithToken(await TokenAsync("moving-planner"));
        var schools = FeaturesOf(await Json.GetAsync(renewed, "/api/schools?limit=20"));
        Assert.NotEmpty(schools);
        Assert.All(schools, f => Assert.Equal(AstanaDistrict, Property(f, "district_kato")));

        var entry = (await Json.GetAsync(await StewardAsync(), "/api/audit?action=user-role-changed")).EnumerateArray()
            .Single(e => e.GetProperty("target").GetString() == "moving-planner");
        Assert.Equal(("planner", "education"), (entry.GetProperty("details").GetProperty("from").GetProperty("role").GetString(),
            entry.GetProperty("details").GetProperty("to").GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Locking_an_account_ends_its_sessions()
    {
        await CreateUserAsync("soon-locked");
        var token = await TokenAsync("soon-locked");
        for (var attempt = 0; attempt < 5; attempt++)
            await Json.ProblemAsync(await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "soon-locked", password = "not-it" }),
                HttpStatusCode.Unauthorized);
        await AssertSignedOutAsync(await WithToken(token).GetAsync(SchoolScores), "invalid_token");
    }

    /// <summary>The service's own token issuer, on a clock that runs two hours behind.</summary>
    private sealed class PastClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddHours(-2);
    }

    [Fact]
    public async Task An_expired_or_unreadable_bearer_token_is_401_invalid_token_even_where_the_public_is_served()
    {
        await CreateUserAsync("expired-token");
        var user = (await app.Database.Services.GetRequiredService<UserStore>().FindAsync("expired-token"))!;
        var expired = new BearerTokens(app.Services.GetRequiredService<AccessOptions>(), NullLogger<BearerTokens>.Instance, new PastClock()).Issue(user);

        const string publicScores = "/api/scores?level=region";
        await Json.GetAsync(app.CreateClient(), publicScores);
        await AssertSignedOutAsync(await WithToken(expired).GetAsync(publicScores), "error=\"invalid_token\"");
        await AssertSignedOutAsync(await WithToken("not-a-token").GetAsync(publicScores), "error=\"invalid_token\"");
        var basic = app.CreateClient();
        basic.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "c3Rld2FyZDpyaXNrbWFwLWRlbW8=");
        await AssertSignedOutAsync(await basic.GetAsync(publicScores), "invalid_token");
    }

    private Task<(int ExitCode, string Output, string Error)> CliAsync(params string[] arguments) => RiskMapCli.RunAsync(app.Database.ConnectionString, arguments);

    [Fact]
    public async Task The_command_line_disables_enables_and_re_scopes_users_and_each_ends_their_sessions()
    {
        await CreateUserAsync("cli-user", Role.Planner, Almaty);
        var (_, cookie, _) = await SignInWithCookieAsync("cli-user");
        var token = await TokenAsync("cli-user");

        var (exitCode, _, error) = await CliAsync("users", "disable", "cli-user");
        Assert.True(exitCode == 0, error);
        await AssertSignedOutAsync(await WithToken(token).GetAsync("/api/schools?limit=1"), "invalid_token");
        await AssertSignedOutAsync(await ReplayingCookie(cookie).GetAsync("/api/schools?limit=1"), "Cookie");

        (exitCode, _, error) = await CliAsync("users", "enable", "cli-user");
        Assert.True(exitCode == 0, error);
        token = await TokenAsync("cli-user");
        (exitCode, _, error) = await CliAsync("users", "set-role", "cli-user", "--role", "planner", "--scope", Astana);
        Assert.True(exitCode == 0, error);
        await AssertSignedOutAsync(await WithToken(token).GetAsync("/api/schools?limit=1"), "invalid_token");
        Assert.All(FeaturesOf(await Json.GetAsync(WithToken(await TokenAsync("cli-user")), "/api/schools?limit=20")),
            f => Assert.Equal(Astana, Property(f, "region_kato")));

        var audited = await app.Database.QueryAsync<(string Action, string Actor)>(
            "SELECT action, actor FROM audit_log WHERE target = 'cli-user' AND action LIKE 'user-%' ORDER BY id");
        Assert.Equal([AuditLog.Actions.UserDisabled, AuditLog.Actions.UserEnabled, AuditLog.Actions.UserRoleChanged], audited.Select(a => a.Action));
        Assert.All(audited, a => Assert.StartsWith("cli:", a.Actor));

        (exitCode, _, error) = await CliAsync("users", "set-role", "cli-user", "--role", "planner", "--scope", AstanaDistrict);
        Assert.Equal(2, exitCode);
        Assert.Contains("region", error);
        (exitCode, _, error) = await CliAsync("users", "disable", "no-such-user");
        Assert.Equal(2, exitCode);
        Assert.Contains("no-such-user", error);
    }
}
