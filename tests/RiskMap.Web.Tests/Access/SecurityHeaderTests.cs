using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// Security headers on every kind of response, refusals and errors included: a Content-Security-Policy that allows
/// scripts from the app's own origin only and no framing, and no MIME sniffing.
/// </summary>
public class SecurityHeaderTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"{what} ({(int)response.StatusCode}) has no Content-Security-Policy");
        var directives = string.Join(";", values).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToList());
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff), $"{what} has no X-Content-Type-Options");
        Assert.Equal("nosniff", Assert.Single(nosniff));
    }

    [Theory]
    [InlineData(Anonymous, "/", HttpStatusCode.OK)]
    [InlineData(Anonymous, "/js/map/app.js", HttpStatusCode.OK)]
    [InlineData(Anonymous, "/api/auth/me", HttpStatusCode.OK)]
    [InlineData(Anonymous, "/api/scores?level=district", HttpStatusCode.OK)]
    [InlineData(Anonymous, "/api/schools", HttpStatusCode.Unauthorized)]
    [InlineData(Anonymous, "/api/audit", HttpStatusCode.Unauthorized)]
    [InlineData(Steward, "/api/schools", HttpStatusCode.Forbidden)]
    [InlineData(Planner71, "/api/scores/school/D751110000-001", HttpStatusCode.Forbidden)]
    [InlineData(Analyst, "/api/scores?level=nation", HttpStatusCode.BadRequest)]
    [InlineData(Analyst, "/api/schools?limit=5", HttpStatusCode.OK)]
    [InlineData(Anonymous, "/tiles/regions/4/11/5.mvt", HttpStatusCode.OK)]
    [InlineData(Anonymous, "/ogc?f=html", HttpStatusCode.OK)]
    [InlineData(Analyst, "/ogc/collections/districts/items?f=html", HttpStatusCode.OK)]
    [InlineData(Anonymous, "/ogc/collections/rivers", HttpStatusCode.NotFound)]
    [InlineData(Anonymous, "/no-such-page", HttpStatusCode.NotFound)]
    public async Task Every_response_carries_the_security_headers(string caller, string url, HttpStatusCode status)
    {
        var response = await (await app.ClientForAsync(caller)).GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response, url);
    }

    [Fact]
    public async Task Sign_in_answers_carry_the_security_headers()
    {
        var failed = await app.CreateClient().PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new { username = "nobody-at-all", password = "nothing-at-all" }));
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        AssertSecurityHeaders(failed, "failed sign-in");
        var cookie = app.CreateClient();
        var signedIn = await cookie.PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new { username = Steward, password = "riskmap-demo" }));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        AssertSecurityHeaders(signedIn, "sign-in");
        var forged = await cookie.PutAsync("/api/weights", System.Net.Http.Json.JsonContent.Create(new { note = "no header" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        AssertSecurityHeaders(forged, "anti-forgery refusal");
    }

    [Fact]
    public async Task The_HTML_of_the_web_app_and_the_OGC_pages_runs_no_inline_script()
    {
        foreach (var url in new[] { "/", "/ogc?f=html", "/ogc/collections?f=html" })
        {
            var html = await (await app.CreateClient().GetAsync(url)).Content.ReadAsStringAsync();
            var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?<attributes>[^>]*)>(?<body>.*?)</script>",
                System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            // Under script-src 'self' an inline script would not run: every script is a file of the app's own origin,
            // except a JSON data block (the map page's current run), which is never run and must be plain JSON.
            Assert.All(scripts, s =>
            {
                if (s.Groups["attributes"].Value.Contains("type=\"application/json\""))
                {
                    using var data = System.Text.Json.JsonDocument.Parse(s.Groups["body"].Value);
                    return;
                }
                Assert.Contains("src=\"/", s.Groups["attributes"].Value);
                Assert.True(string.IsNullOrWhiteSpace(s.Groups["body"].Value), $"{url} has an inline script");
            });
            Assert.DoesNotMatch(" on[a-z]+=\"", html);
        }
    }

    /// <summary>Throws for one path, to see what an unexpected error looks like.</summary>
    private sealed class FailingPath : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            next(builder);
            builder.Use((HttpContext context, RequestDelegate rest) =>
                context.Request.Path == "/test-failure" ? throw new InvalidOperationException("test failure") : rest(context));
        };
    }

    [Fact]
    public async Task An_unexpected_error_carries_the_security_headers_too()
    {
        using var failing = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, FailingPath>()));
        var response = await failing.CreateClient().GetAsync("/test-failure");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(response, "/test-failure");
    }
}
