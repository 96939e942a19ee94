namespace RiskMap.Web.Tests.Alerts;

/// <summary>The scored demo with webhook deliveries polled often and retried after 1 s, 2 s, 4 s…, for the webhook tests.</summary>
public sealed class WebhookApp : ScoredDemoApp
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Webhooks:PollSeconds"] = "0.2",
        ["Webhooks:FirstRetrySeconds"] = FirstRetry.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Webhooks:MaxRetrySeconds"] = "30",
        ["Webhooks:MaxAttempts"] = "5",
    };
}
