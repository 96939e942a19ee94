using System.Text;
using System.Text.Json;
using RiskMap.Core.Alerts;
using RiskMap.Data.Alerts;

namespace RiskMap.Web.Features.Alerts.Webhooks;

/// <summary>
/// The loop in the web host that delivers alerts to the webhook subscribers: every poll it queues the alerts raised in
/// each subscriber's scope, then sends whatever is due, each as JSON signed with the subscriber's secret
/// (<see cref="WebhookSignature"/>), retrying a failure with exponential backoff. Its state is in the database
/// (<see cref="WebhookStore"/>), so a restart picks up where it stopped, and several instances share the work.
/// Settings: Webhooks:PollSeconds (5), FirstRetrySeconds (30), MaxRetrySeconds (3600), MaxAttempts (8), TimeoutSeconds (10).
/// </summary>
public sealed class WebhookDeliveryLoop(WebhookStore store, AlertQueries alerts, IHttpClientFactory clients, IConfiguration configuration,
    ILogger<WebhookDeliveryLoop> logger) : BackgroundService
{
    public const string ClientName = "webhooks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TimeSpan Poll => TimeSpan.FromSeconds(configuration.GetValue("Webhooks:PollSeconds", 5.0));

    private WebhookBackoff Backoff => new(TimeSpan.FromSeconds(configuration.GetValue("Webhooks:FirstRetrySeconds", 30.0)),
        TimeSpan.FromSeconds(configuration.GetValue("Webhooks:MaxRetrySeconds", 3600.0)), configuration.GetValue("Webhooks:MaxAttempts", 8));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Poll);
        do
        {
            try
            {
                await store.QueueNewAlertsAsync();
                while (!stoppingToken.IsCancellationRequested && await store.DeliverNextAsync(d => SendAsync(d, stoppingToken), Backoff, alerts))
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a while: the next tick tries again, nothing is lost.
                logger.LogWarning(e, "Delivering alert webhooks failed; trying again in {Poll}.", Poll);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<AttemptOutcome> SendAsync(DueDelivery delivery, CancellationToken stoppingToken)
    {
        var body = JsonSerializer.Serialize(new { delivery = delivery.Id, attempt = delivery.Attempt, alert = delivery.Alert }, Json);
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
}
