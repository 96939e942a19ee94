using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// Signing in: the cookie for the web UI with anti-forgery on changes, bearer tokens for API clients, the same answer
/// for a wrong password, an unknown user and a locked account, and the lockout after five failures in a row.
/// </summary>
public class SignInTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Password = "correct-horse-battery";

    /// <summary>A user of this test alone, created by the steward through the API, so no demo user gets locked.</summary>
    private async Task CreateUserAsync(string username, string role = "analyst", string? scope = null)
    {
        var steward = await app.ClientForAsync(Steward);
        var response = await steward.PostAsJsonAsync("/api/users", new { username, role, scope, password = Password });
        await Json.ReadAsync(response, HttpStatusCode.Created);
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { username, password });

    private Task<long> WeightVersionAsync() => app.Database.ScalarAsync<long>("SELECT max(id) FROM weight_versions");

    private static HttpRequestMessage PutWeights(string? antiforgeryToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/weights") { Content = JsonContent.Create(new { domains = new { protective = 1.25 }, note = "cookie test" }) };
        if (antiforgeryToken is not null) request.Headers.Add("X-CSRF-TOKEN", antiforgeryToken);
        return request;
    }

    [Fact]
    public async Task The_sign_in_cookie_is_HTTP_only_same_site_and_says_who_is_signed_in()
    {
        var client = app.CreateClient();
        var login = await LoginAsync(client, Planner75, "riskmap-demo");
        var me = await Json.ReadAsync(login, HttpStatusCode.OK);
        Assert.Equal(("planner", Almaty, true), (me.GetProperty("role").GetString(), me.GetProperty("scopeRegion").GetString(), me.GetProperty("seesSchools").GetBoolean()));
        Assert.False(string.IsNullOrEmpty(me.GetProperty("antiforgeryToken").GetString()));

        var session = SetCookieHeaderValue.ParseList(login.Headers.GetValues("Set-Cookie").ToList()).Single(c => c.Name == "riskmap.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, session.SameSite);

        var again = await Json.GetAsync(client, "/api/auth/me");
        Assert.Equal((true, Planner75), (again.GetProperty("authenticated").GetBoolean(), again.GetProperty("username").GetString()));
        // The cookie opens school-level data like a token does.
        Assert.All(FeaturesOf(await Json.GetAsync(client, "/api/schools?limit=50")), f => Assert.Equal(Almaty, Property(f, "region_kato")));
    }

    [Fact]
    public async Task A_change_made_with_the_cookie_needs_the_anti_forgery_header()
    {
        var client = app.CreateClient();
        var token = (await Json.ReadAsync(await LoginAsync(client, Steward, "riskmap-demo"), HttpStatusCode.OK)).GetProperty("antiforgeryToken").GetString();
        var version = await WeightVersionAsync();

        var problem = await Json.ProblemAsync(await client.SendAsync(PutWeights(null)), HttpStatusCode.BadRequest);
        Assert.Equal("antiforgery", problem.GetProperty("code").GetString());
        problem = await Json.ProblemAsync(await client.SendAsync(PutWeights("not-the-token")), HttpStatusCode.BadRequest);
        Assert.Equal("antiforgery", problem.GetProperty("code").GetString());
        Assert.Equal(version, await WeightVersionAsync());

        var changed = await Json.ReadAsync(await client.SendAsync(PutWeights(token)), HttpStatusCode.OK);
        Assert.True(changed.GetProperty("version").GetInt64() > version);

        // The token from /api/auth/me does as well; and reading needs none.
        var fromMe = (await Json.GetAsync(client, "/api/auth/me")).GetProperty("antiforgeryToken").GetString();
        await Json.ReadAsync(await client.SendAsync(PutWeights(fromMe)), HttpStatusCode.OK);
        await Json.GetAsync(client, "/api/audit?limit=1");
    }

    [Fact]
    public async Task A_cookie_without_the_header_cannot_create_users_either()
    {
        var client = app.CreateClient();
        await Json.ReadAsync(await LoginAsync(client, Steward, "riskmap-demo"), HttpStatusCode.OK);
        var problem = await Json.ProblemAsync(
            await client.PostAsJsonAsync("/api/users", new { username = "csrf-victim", role = "analyst", password = Password }), HttpStatusCode.BadRequest);
        Assert.Equal("antiforgery", problem.GetProperty("code").GetString());
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM users WHERE username = 'csrf-victim'"));
    }

    [Fact]
    public async Task An_anti_forgery_token_belongs_to_its_own_session()
    {
        var planner = app.CreateClient();
        var plannerToken = (await Json.ReadAsync(await LoginAsync(planner, Planner75, "riskmap-demo"), HttpStatusCode.OK)).GetProperty("antiforgeryToken").GetString();
        var steward = app.CreateClient();
        await Json.ReadAsync(await LoginAsync(steward, Steward, "riskmap-demo"), HttpStatusCode.OK);
        var version = await WeightVersionAsync();
        var problem = await Json.ProblemAsync(await steward.SendAsync(PutWeights(plannerToken)), HttpStatusCode.BadRequest);
        Assert.Equal("antiforgery", problem.GetProperty("code").GetString());
        Assert.Equal(version, await WeightVersionAsync());
    }

    [Fact]
    public async Task A_bearer_token_needs_no_anti_forgery_header()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = Steward, password = "riskmap-demo" });
        var token = await Json.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("Bearer", token.GetProperty("tokenType").GetString());
        Assert.Equal(3600, token.GetProperty("expiresIn").GetInt32());
        Assert.False(response.Headers.Contains("Set-Cookie"), "a token request sets no cookie");

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var version = await WeightVersionAsync();
        await Json.ReadAsync(await client.SendAsync(PutWeights(null)), HttpStatusCode.OK);
        Assert.True(await WeightVersionAsync() > version);
        Assert.Null((await Json.GetAsync(client, "/api/auth/me")).GetProperty("antiforgeryToken").GetString());
    }

    [Fact]
    public async Task Signing_out_ends_the_cookie_session()
    {
        await CreateUserAsync("sign-out-user");
        var client = app.CreateClient();
        var token = (await Json.ReadAsync(await LoginAsync(client, "sign-out-user", Password), HttpStatusCode.OK)).GetProperty("antiforgeryToken").GetString();
        var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(logout)).StatusCode);
        Assert.False((await Json.GetAsync(client, "/api/auth/me")).GetProperty("authenticated").GetBoolean());
        await RefusalAsync(await client.GetAsync("/api/schools"), Anonymous);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer_and_no_cookie()
    {
        await CreateUserAsync("wrong-password-user");
        var answers = new List<(int Status, string? Title, string? Detail, string? Code)>();
        foreach (var (path, username) in new[]
                 {
                     ("/api/auth/login", "wrong-password-user"), ("/api/auth/login", "no-such-user"),
                     ("/api/auth/token", "wrong-password-user"), ("/api/auth/token", "no-such-user"),
                 })
        {
            var response = await app.CreateClient().PostAsJsonAsync(path, new { username, password = "not-the-password" });
            var problem = await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} {username} set a cookie");
            Assert.DoesNotContain("accessToken", problem.GetRawText());
            answers.Add(((int)response.StatusCode, problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString(),
                problem.GetProperty("code").GetString()));
        }
        Assert.Single(answers.Distinct());
        Assert.Equal("wrong-credentials", answers[0].Code);
        Assert.DoesNotContain("exist", answers[0].Detail!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Five_failures_in_a_row_lock_the_account_which_then_answers_like_an_unknown_user()
    {
        await CreateUserAsync("lockout-user");
        await CreateUserAsync("lockout-bystander");
        async Task<(HttpStatusCode, string?, string?, string?, string, bool)> AnswerAsync(string path, string username, string password)
        {
            var response = await app.CreateClient().PostAsJsonAsync(path, new { username, password });
            var problem = await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
            // Everything but the instance and trace id, which differ per request.
            var fields = string.Join(",", problem.EnumerateObject().Select(p => p.Name).Except(["traceId", "instance"]).Order());
            return (response.StatusCode, problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString(),
                problem.GetProperty("code").GetString(), fields, response.Headers.Contains("Set-Cookie"));
        }

        var unknown = await AnswerAsync("/api/auth/login", "no-such-user", Password);
        for (var attempt = 1; attempt <= 5; attempt++)
            Assert.Equal(unknown, await AnswerAsync("/api/auth/login", "lockout-user", $"wrong-{attempt}"));
        foreach (var path in new[] { "/api/auth/login", "/api/auth/token" })
        {
            // Locked: even the right password is refused, with the very answer an unknown user gets.
            Assert.Equal(await AnswerAsync(path, "no-such-user", Password), await AnswerAsync(path, "lockout-user", Password));
        }

        var users = await Json.GetAsync(await app.ClientForAsync(Steward), "/api/users");
        bool Locked(string name) => users.EnumerateArray().Single(u => u.GetProperty("username").GetString() == name).GetProperty("locked").GetBoolean();
        Assert.True(Locked("lockout-user"));
        Assert.False(Locked("lockout-bystander"));
        await Json.ReadAsync(await LoginAsync(app.CreateClient(), "lockout-bystander", Password), HttpStatusCode.OK);
        // The audit log keeps the true reasons.
        var reasons = await app.Database.QueryAsync<string>(
            "SELECT details->>'reason' FROM audit_log WHERE action = 'login-failed' AND actor = 'lockout-user' ORDER BY id");
        Assert.Equal(["wrong-credentials", "wrong-credentials", "wrong-credentials", "wrong-credentials", "account-locked", "account-locked", "account-locked"], reasons);
    }

    [Fact]
    public async Task Failures_that_are_not_in_a_row_do_not_lock()
    {
        await CreateUserAsync("sometimes-wrong");
        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 0; attempt < 4; attempt++)
                await Json.ProblemAsync(await LoginAsync(app.CreateClient(), "sometimes-wrong", "not-it-at-all"), HttpStatusCode.Unauthorized);
            await Json.ReadAsync(await LoginAsync(app.CreateClient(), "sometimes-wrong", Password), HttpStatusCode.OK);
        }
    }

    [Theory]
    [InlineData(null, "riskmap-demo", "username")]
    [InlineData("analyst", null, "password")]
    [InlineData("   ", "riskmap-demo", "username")]
    public async Task A_sign_in_without_username_or_password_is_a_400_problem(string? username, string? password, string parameter)
    {
        var problem = await Json.ProblemAsync(await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { username, password }), HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_user_name_is_matched_without_regard_to_case_or_spaces_but_the_password_exactly()
    {
        await CreateUserAsync("case-user");
        await Json.ReadAsync(await LoginAsync(app.CreateClient(), " CASE-User ", Password), HttpStatusCode.OK);
        await Json.ProblemAsync(await LoginAsync(app.CreateClient(), "case-user", Password.ToUpperInvariant()), HttpStatusCode.Unauthorized);
    }
}
