using System.Net;
using System.Net.Http.Json;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.Access;

/// <summary>An instance that allows 3 sign-ins per client address and minute, with only the users the test creates.</summary>
public sealed class SignInLimitApp : RiskMapWebFactory<TestDatabase>
{
    public const int PerMinute = 3;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Access:SignInsPerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public class SignInRateLimitTests(SignInLimitApp app) : IClassFixture<SignInLimitApp>
{
    [Fact]
    public async Task Sign_ins_beyond_the_limit_get_429_for_login_and_token_alike_and_never_reach_the_password_check()
    {
        await TestUsers.EnsureAsync(app.Database, "analyst");
        for (var i = 0; i < SignInLimitApp.PerMinute; i++)
        {
            var path = i % 2 == 0 ? "/api/auth/token" : "/api/auth/login";
            await Json.ReadAsync(await app.CreateClient().PostAsJsonAsync(path, new { username = "analyst", password = "riskmap-demo" }), HttpStatusCode.OK);
        }

        foreach (var (path, password) in new[] { ("/api/auth/login", "riskmap-demo"), ("/api/auth/token", "riskmap-demo"), ("/api/auth/login", "wrong-password") })
        {
            var response = await app.CreateClient().PostAsJsonAsync(path, new { username = "analyst", password });
            var problem = await Json.ProblemAsync(response, HttpStatusCode.TooManyRequests);
            Assert.Equal("rate-limited", problem.GetProperty("code").GetString());
            Assert.True(response.Headers.RetryAfter is not null, "429 without Retry-After");
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }

        // Refused attempts are not sign-in attempts: nothing audited, no failure counted towards the lockout.
        Assert.Equal(SignInLimitApp.PerMinute, await app.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action IN ('login', 'login-failed')"));
        Assert.Equal(0, await app.Database.ScalarAsync<int>("SELECT failed_logins FROM users WHERE username = 'analyst'"));
        // Other requests are not limited.
        Assert.False((await Json.GetAsync(app.CreateClient(), "/api/auth/me")).GetProperty("authenticated").GetBoolean());
    }
}
