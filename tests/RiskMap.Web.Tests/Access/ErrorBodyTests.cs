using System.Net;
using System.Text;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// Every error answer is an RFC 9457 problem with a code, also those the framework gives: a body or parameter that
/// cannot be read, an unknown path, a wrong method, an over-long URL, over-large headers.
/// </summary>
[Collection(HygieneAppCollection.Name)]
public class ErrorBodyTests(ScoredDemoApp app)
{
    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        var shown = body.Length > 300 ? body[..300] + "…" : body;
        Assert.True(response.StatusCode == status, $"{what}: {response.StatusCode} {shown}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: '{response.Content.Headers.ContentType}' {shown}");
        var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("code").GetString()), $"{what}: no code in {shown}");
    }

    private static HttpRequestMessage Post(string url, string body, string mediaType = "application/json") =>
        new(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    public static TheoryData<string, HttpStatusCode> BadBodies => new()
    {
        { "{\"title\": \"unfinished", HttpStatusCode.BadRequest },
        { "not json at all", HttpStatusCode.BadRequest },
        { "{\"title\": 5, \"indicators\": 5, \"startQuarter\": \"2025Q1\", \"endQuarter\": \"2025Q4\"}", HttpStatusCode.BadRequest },
        { "[1, 2, 3]", HttpStatusCode.BadRequest },
        { "", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_body_that_cannot_be_read_is_a_problem_and_stores_nothing(string body, HttpStatusCode status)
    {
        var planner = await app.ClientAsAsync(Callers.Planner75);
        const string Stored = "SELECT (SELECT count(*) FROM programmes) * 1000 + (SELECT count(*) FROM weight_versions)";
        var before = await app.Database.ScalarAsync<long>(Stored);
        await AssertProblemAsync(await planner.SendAsync(Post("/api/programmes", body)), status, body);
        await AssertProblemAsync(await (await app.ClientAsAsync(Callers.Steward)).SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/weights")
            { Content = new StringContent(body, Encoding.UTF8, "application/json") }), status, "weights: " + body);
        Assert.Equal(before, await app.Database.ScalarAsync<long>(Stored));
    }

    [Fact]
    public async Task Framework_refusals_are_problems_with_a_code()
    {
        var planner = await app.ClientAsAsync(Callers.Planner75);
        await AssertProblemAsync(await planner.SendAsync(Post("/api/programmes", "title=x", "text/plain")), HttpStatusCode.UnsupportedMediaType, "text/plain body");
        await AssertProblemAsync(await planner.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound, "unknown path");
        await AssertProblemAsync(await planner.DeleteAsync("/api/regions"), HttpStatusCode.MethodNotAllowed, "wrong method");
        await AssertProblemAsync(await planner.GetAsync("/api/score-runs/99999999999999999999"), HttpStatusCode.NotFound, "id beyond a long");
    }

    [Fact]
    public async Task An_over_long_URL_and_over_large_headers_are_problems()
    {
        var client = app.CreateClient();
        await AssertProblemAsync(await client.GetAsync("/api/indicators?pad=" + new string('a', 9000)), HttpStatusCode.RequestUriTooLong, "long URL");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/indicators");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('b', 40_000));
        await AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.RequestHeaderFieldsTooLarge, "large headers");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/indicators?pad=" + new string('a', 7000))).StatusCode);
    }
}

/// <summary>The service on a loopback port, so that Kestrel's own limits apply.</summary>
public sealed class KestrelApp : RiskMapWebFactory<TestDatabase>
{
    public HttpClient Client { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        Client = new HttpClient { BaseAddress = ClientOptions.BaseAddress };
    }
}

/// <summary>Kestrel answers over-long requests itself, with no body: its limits lie above the service's, which answer with problems.</summary>
public class KestrelLimitTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Fact]
    public async Task Kestrel_leaves_the_URL_and_header_limits_to_the_service()
    {
        await ErrorBodyTests.AssertProblemAsync(await app.Client.GetAsync("/api/indicators?pad=" + new string('a', 12_000)), HttpStatusCode.RequestUriTooLong, "long URL");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/indicators");
        for (var i = 0; i < 5; i++) request.Headers.TryAddWithoutValidation($"X-Padding-{i}", new string('b', 8_000));
        await ErrorBodyTests.AssertProblemAsync(await app.Client.SendAsync(request), HttpStatusCode.RequestHeaderFieldsTooLarge, "large headers");
        // Beyond four times the limit Kestrel still refuses the request itself.
        Assert.Equal(HttpStatusCode.RequestUriTooLong, (await app.Client.GetAsync("/api/indicators?pad=" + new string('a', 40_000))).StatusCode);
    }
}
