using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.Alerts;

/// <summary>
/// An instance killed (<c>kill -9</c>, a process of its own) while a receiver holds its webhook request open: another
/// instance delivers the alert, the delivery log shows one delivered attempt and nothing left under way, and the
/// receiver sees the same delivery twice (why receivers must be idempotent, README "Alerts").
/// </summary>
public sealed class WebhookCrashTests() : KilledNodeTest<BoundariesDatabase>(new Dictionary<string, string>
{
    ["Webhooks:PollSeconds"] = "1",
    ["Webhooks:FirstRetrySeconds"] = "1",
    // Longer than any wait here: the held request must still be open when its instance is killed.
    ["Webhooks:TimeoutSeconds"] = "600",
})
{
    [Fact]
    public async Task A_delivery_held_open_when_its_instance_is_killed_is_made_by_another_and_logged_once()
    {
        using var nodeA = await NodeA.StartedClientAsync();
        await TestUsers.EnsureAsync(Db, "steward");
        nodeA.UseToken(await TestUsers.TokenAsync(nodeA, "steward"));
        var release = new TaskCompletionSource();
        await using var receiver = new LoopbackReceiver { HoldFirst = release };
        var subscriber = (await Json.ReadAsync(await nodeA.PostAsJsonAsync("/api/alert-webhooks", new { url = receiver.Url, region = (string?)null }),
            HttpStatusCode.Created)).GetProperty("subscriber").GetProperty("id").GetInt64();
        var alert = (await Db.QueryAsync<long>("""
            INSERT INTO alerts (rule, level, code, period, score, change, run_id, rule_version_id)
            SELECT 'clear-rise', 'region', min(kato), '2002Q1', 7.5, 0.9, 1, 1 FROM regions RETURNING id
            """))[0];
        await Eventually.HoldsAsync(() => Task.FromResult(!receiver.Requests.IsEmpty), "the delivery to be under way on node-a");

        await NodeA.KillAsync();
        release.SetResult();
        var nodeB = NodeB.CreateClient();
        nodeB.UseToken(await TestUsers.TokenAsync(nodeB, "steward"));

        JsonElement delivery = default;
        await Eventually.HoldsAsync(async () =>
        {
            delivery = (await Json.GetAsync(nodeB, $"/api/alert-webhooks/{subscriber}/deliveries")).EnumerateArray().Single();
            return delivery.GetProperty("status").GetString() == "delivered";
        }, "node-b to deliver the alert");

        // The attempt cut short by the kill left nothing in the log: one attempt, answered 200, nothing due again.
        Assert.Equal(alert, delivery.GetProperty("alertId").GetInt64());
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal([200], delivery.GetProperty("log").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("nextAttemptAt").ValueKind);
        // The receiver saw the same delivery twice: once from the killed instance, once from node-b.
        var bodies = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, b => Assert.Equal(delivery.GetProperty("id").GetInt64(), b.GetProperty("delivery").GetInt64()));
        Assert.All(bodies, b => Assert.Equal(alert, b.GetProperty("alert").GetProperty("id").GetInt64()));
    }
}
