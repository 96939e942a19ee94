using System.Text.Json;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.Alerts;

/// <summary>
/// Webhook deliveries as Hangfire jobs with two instances of the service on one database: every alert reaches its
/// subscriber once, and a delivery under way on an instance that stops is made by the other, never lost.
/// </summary>
public sealed class WebhookClusterTests : IAsyncLifetime
{
    private readonly BoundariesDatabase _db = new();
    private readonly List<ClusterNode> _nodes = [];

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Webhooks:PollSeconds"] = "1",
        ["Webhooks:FirstRetrySeconds"] = "1",
        ["Webhooks:TimeoutSeconds"] = "120",
    };

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await _db.DisposeAsync();
    }

    private ClusterNode Start(string name)
    {
        var node = new ClusterNode(_db.ConnectionString, name, Settings);
        node.CreateClient();
        _nodes.Add(node);
        return node;
    }

    /// <summary>A national subscriber (it sees every region's alerts), registered before any alert.</summary>
    private Task<long> SubscribeAsync(LoopbackReceiver receiver) => _db.ScalarAsync<long>("""
        INSERT INTO webhook_subscribers (url, region_kato, secret, from_alert_id, created_by)
        VALUES (@Url, NULL, repeat('s', 40), 0, 'test') RETURNING id
        """, new { receiver.Url });

    /// <summary>A clear-rise alert for each region, as a published run raises them.</summary>
    private Task<IReadOnlyList<long>> RaiseForEveryRegionAsync(string period) => _db.QueryAsync<long>("""
        INSERT INTO alerts (rule, level, code, period, score, change, run_id, rule_version_id)
        SELECT 'clear-rise', 'region', kato, @period, 7.5, 0.9, 1, 1 FROM regions RETURNING id
        """, new { period });

    private static List<long> Received(LoopbackReceiver receiver) =>
        [.. receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("alert").GetProperty("id").GetInt64())];

    [Fact]
    public async Task Two_instances_deliver_every_alert_exactly_once()
    {
        Start("node-a");
        Start("node-b");
        await using var receiver = new LoopbackReceiver();
        var subscriber = await SubscribeAsync(receiver);

        var raised = await RaiseForEveryRegionAsync("2001Q1");
        await Eventually.HoldsAsync(async () => await _db.ScalarAsync<long>(
            "SELECT count(*) FROM webhook_deliveries WHERE subscriber_id = @subscriber AND status = 'delivered'", new { subscriber }) == raised.Count,
            "every alert delivered");

        Assert.Equal(20, raised.Count);
        Assert.Equal(raised.Order(), Received(receiver).Order());
        Assert.Equal(raised.Count, await _db.ScalarAsync<long>(
            "SELECT count(*) FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.subscriber_id = @subscriber",
            new { subscriber }));
    }

    [Fact]
    public async Task A_delivery_under_way_on_an_instance_that_stops_is_made_by_the_other()
    {
        var first = Start("node-a");
        var release = new TaskCompletionSource();
        await using var receiver = new LoopbackReceiver { HoldFirst = release };
        var subscriber = await SubscribeAsync(receiver);
        var alert = (await _db.QueryAsync<long>("""
            INSERT INTO alerts (rule, level, code, period, score, change, run_id, rule_version_id)
            SELECT 'clear-rise', 'region', min(kato), '2002Q1', 7.5, 0.9, 1, 1 FROM regions RETURNING id
            """))[0];
        await Eventually.HoldsAsync(() => Task.FromResult(!receiver.Requests.IsEmpty), "the delivery to be under way on node-a");

        Start("node-b");
        await first.DisposeAsync();
        _nodes.Remove(first);
        release.SetResult();

        await Eventually.HoldsAsync(async () => await _db.ScalarAsync<string>(
            "SELECT status FROM webhook_deliveries WHERE subscriber_id = @subscriber", new { subscriber }) == "delivered", "the delivery made by node-b");
        // Sent again, not lost; the attempt cut short left no trace but the receiver's, so the log holds one attempt.
        Assert.Equal([alert, alert], Received(receiver));
        Assert.Equal(1, await _db.ScalarAsync<long>(
            "SELECT count(*) FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.subscriber_id = @subscriber",
            new { subscriber }));
    }
}
