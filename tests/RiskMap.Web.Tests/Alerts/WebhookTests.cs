using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RiskMap.TestSupport;
using RiskMap.Web.Tests.Access;

namespace RiskMap.Web.Tests.Alerts;

/// <summary>
/// Alert webhooks against receivers on 127.0.0.1: deliveries are signed with the subscriber's secret, stay within the
/// subscriber's scope, and are retried with growing delays, every attempt in the delivery log.
/// </summary>
public class WebhookTests(WebhookApp app) : IClassFixture<WebhookApp>
{
    private const string Url = "/api/alert-webhooks";

    private async Task<(long Id, string Secret)> RegisterAsync(LoopbackReceiver receiver, string? region)
    {
        var steward = await app.ClientAsAsync("steward");
        var registered = await Json.ReadAsync(await steward.PostAsJsonAsync(Url, new { url = receiver.Url, region }), HttpStatusCode.Created);
        return (registered.GetProperty("subscriber").GetProperty("id").GetInt64(), registered.GetProperty("secret").GetString()!);
    }

    /// <summary>Raises a clear-rise alert by hand, as a published run would.</summary>
    private Task RaiseAsync(string level, string code, string period) => app.Database.ExecuteAsync("""
        INSERT INTO alerts (rule, level, code, period, score, change, run_id, rule_version_id)
        VALUES ('clear-rise', @level, @code, @period, 7.5, 0.9, @FirstRun, 1)
        """, new { level, code, period, app.FirstRun });

    private static IEnumerable<JsonElement> Alerts(LoopbackReceiver receiver) =>
        receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("alert"));

    private static bool HasAlert(LoopbackReceiver receiver, string code, string period) =>
        Alerts(receiver).Any(a => a.GetProperty("code").GetString() == code && a.GetProperty("period").GetString() == period);

    [Fact]
    public async Task A_delivery_is_signed_with_the_subscribers_secret_over_the_timestamp_and_body()
    {
        await using var receiver = new LoopbackReceiver();
        var (_, secret) = await RegisterAsync(receiver, null);
        await RaiseAsync("district", Callers.AlmatyDistrict, "2001Q1");

        await Eventually.HoldsAsync(() => Task.FromResult(HasAlert(receiver, Callers.AlmatyDistrict, "2001Q1")), "the alert delivered");
        var request = receiver.Requests.First();
        var parts = request.Signature!.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.InRange(long.Parse(parts["t"]), DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        string Mac(string key, string body) =>
            Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"{parts["t"]}.{body}")));
        Assert.Equal(Mac(secret, request.Body), parts["v1"]);
        // Another secret, or a body changed on the way, does not give the signature.
        Assert.NotEqual(Mac(secret + "x", request.Body), parts["v1"]);
        Assert.NotEqual(Mac(secret, request.Body.Replace("7.5", "1.5")), parts["v1"]);
        // The secret is shown once: the list never holds it.
        var list = await (await app.ClientAsAsync("steward")).GetStringAsync(Url);
        Assert.DoesNotContain(secret, list);
    }

    [Fact]
    public async Task A_subscriber_scoped_to_region_75_never_receives_a_region_71_alert()
    {
        await using var almaty = new LoopbackReceiver();
        await using var national = new LoopbackReceiver();
        var (almatyId, _) = await RegisterAsync(almaty, Callers.Almaty);
        await RegisterAsync(national, null);
        await RaiseAsync("district", Callers.AstanaDistrict, "2002Q1");
        await RaiseAsync("school", Callers.AstanaSchool, "2002Q1");
        await RaiseAsync("district", Callers.AlmatyDistrict, "2002Q1");

        await Eventually.HoldsAsync(() => Task.FromResult(HasAlert(national, Callers.AstanaDistrict, "2002Q1") &&
            HasAlert(national, Callers.AstanaSchool, "2002Q1") && HasAlert(national, Callers.AlmatyDistrict, "2002Q1") &&
            HasAlert(almaty, Callers.AlmatyDistrict, "2002Q1")), "the alerts delivered");
        // The delivery queue was filled in one pass per subscriber, after the three alerts existed: Astana's would be there by now.
        Assert.All(Alerts(almaty), a => Assert.Equal(Callers.Almaty, a.GetProperty("regionKato").GetString()));
        Assert.Equal(0, await app.Database.ScalarAsync<long>("""
            SELECT count(*) FROM webhook_deliveries d JOIN alerts a ON a.id = d.alert_id
            WHERE d.subscriber_id = @almatyId AND a.code IN (@AstanaDistrict, @AstanaSchool)
            """, new { almatyId, Callers.AstanaDistrict, Callers.AstanaSchool }));
    }

    [Fact]
    public async Task A_receiver_answering_500_twice_then_200_gets_the_alert_on_the_third_try_with_growing_delays_and_the_log_shows_it()
    {
        await using var receiver = new LoopbackReceiver(500, 500);
        var (id, _) = await RegisterAsync(receiver, Callers.Almaty);
        await RaiseAsync("region", Callers.Almaty, "2003Q1");
        var steward = await app.ClientAsAsync("steward");

        JsonElement delivery = default;
        await Eventually.HoldsAsync(async () =>
        {
            var log = await Json.GetAsync(steward, $"{Url}/{id}/deliveries");
            delivery = log.EnumerateArray().FirstOrDefault();
            return delivery.ValueKind == JsonValueKind.Object && delivery.GetProperty("status").GetString() == "delivered";
        }, "the delivery delivered");

        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        var attempts = delivery.GetProperty("log").EnumerateArray().ToList();
        Assert.Equal([500, 500, 200], attempts.Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal(JsonValueKind.Null, attempts[2].GetProperty("nextAttemptAt").ValueKind);
        var requests = receiver.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(requests[0].Body.Replace("\"attempt\":1", ""), r.Body.Replace($"\"attempt\":{requests.IndexOf(r) + 1}", "")));
        var firstWait = requests[1].At - requests[0].At;
        var secondWait = requests[2].At - requests[1].At;
        Assert.True(firstWait >= WebhookApp.FirstRetry * 0.9, $"first retry after {firstWait}");
        Assert.True(secondWait >= WebhookApp.FirstRetry * 2 * 0.9, $"second retry after {secondWait}");
        // The delays the log scheduled grow; the waits seen add the delivery loop's polling on a busy machine to them.
        TimeSpan Scheduled(JsonElement attempt) => attempt.GetProperty("nextAttemptAt").GetDateTimeOffset() - attempt.GetProperty("attemptedAt").GetDateTimeOffset();
        Assert.True(Scheduled(attempts[1]) > Scheduled(attempts[0]), $"{Scheduled(attempts[1])} scheduled after {Scheduled(attempts[0])}");
        Assert.Equal(1, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'webhook-registered' AND target = @target", new { target = $"webhook {id}" }));
    }

    [Fact]
    public async Task Only_the_steward_registers_and_only_an_http_address_is_taken()
    {
        await Json.ProblemAsync(await (await app.ClientAsAsync("analyst")).PostAsJsonAsync(Url, new { url = "http://127.0.0.1:9/" }), HttpStatusCode.Forbidden);
        var steward = await app.ClientAsAsync("steward");
        var before = await app.Database.ScalarAsync<long>("SELECT count(*) FROM webhook_subscribers");
        foreach (var url in new[] { "file:///etc/passwd", "ftp://127.0.0.1/x", "127.0.0.1/hook", "http://user:pw@127.0.0.1/" })
            await Json.ProblemAsync(await steward.PostAsJsonAsync(Url, new { url }), HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await steward.PostAsJsonAsync(Url, new { url = "http://127.0.0.1:9/", region = "990000000" }), HttpStatusCode.NotFound);
        Assert.Equal(before, await app.Database.ScalarAsync<long>("SELECT count(*) FROM webhook_subscribers"));
    }
}
