using System.Text;
using System.Text.Json;
using Hangfire;
using RiskMap.Core.Alerts;
using RiskMap.Core.Localization;
using RiskMap.Data.Alerts;

namespace RiskMap.Web.Features.Alerts.Webhooks;

/// <summary>
/// The Hangfire job that delivers alerts to the webhook subscribers (<see cref="WebhookSchedule"/> runs it every
/// Webhooks:PollSeconds): it queues the alerts raised in each subscriber's scope, then sends whatever is due, each as
/// JSON signed with the subscriber's secret (<see cref="WebhookSignature"/>), a failure tried again after its backoff.
/// Every state is in the database (<see cref="WebhookStore"/>), so a job on any instance carries on where another
/// stopped, even one killed mid-delivery. Settings: Webhooks:FirstRetrySeconds (30), MaxRetrySeconds (3600),
/// MaxAttempts (8), TimeoutSeconds (10).
/// </summary>
public sealed class WebhookDeliveryJob(WebhookStore store, AlertQueries alerts, IHttpClientFactory clients, IConfiguration configuration,
    ILogger<WebhookDeliveryJob> logger)
{
    public const string ClientName = "webhooks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private WebhookBackoff Backoff => new(TimeSpan.FromSeconds(configuration.GetValue("Webhooks:FirstRetrySeconds", 30.0)),
        TimeSpan.FromSeconds(configuration.GetValue("Webhooks:MaxRetrySeconds", 3600.0)), configuration.GetValue("Webhooks:MaxAttempts", 8));

    /// <summary>Not retried by Hangfire: the next occurrence is the retry, and each delivery keeps its own backoff.</summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Deliver alert webhooks")]
    public async Task DeliverAsync(CancellationToken cancellationToken)
    {
        var delivered = await store.DeliverDueAsync(d => SendAsync(d, cancellationToken), Backoff, alerts, cancellationToken);
        if (delivered > 0) logger.LogInformation("Alert webhooks: {Count} attempts made.", delivered);
    }

    private async Task<AttemptOutcome> SendAsync(DueDelivery delivery, CancellationToken stoppingToken)
    {
        var body = JsonSerializer.Serialize(new { delivery = delivery.Id, attempt = delivery.Attempt, alert = delivery.Alert, text = Texts(delivery.Alert) },
            Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(delivery.Secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(configuration.GetValue("Webhooks:TimeoutSeconds", 10.0)));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            return new AttemptOutcome((int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Webhook delivery {Delivery} to {Url} failed: {Error}", delivery.Id, delivery.Url, e.Message);
            return new AttemptOutcome(null, e is OperationCanceledException ? "timed out" : e.Message);
        }
    }

    /// <summary>What a receiver shows a person, in Kazakh, Russian and English: the rule, and for a forecast its probability and quarter.</summary>
    private static Dictionary<string, string> Texts(Alert alert) => Languages.All.ToDictionary(l => l.Code(), l =>
        alert is { Probability: { } probability, Horizon: { } horizon }
            ? $"{AlertTexts.Rule(alert.Rule, l)}. {AlertTexts.Outlook(alert.Period, horizon, probability, l)}"
            : AlertTexts.Rule(alert.Rule, l));
}
