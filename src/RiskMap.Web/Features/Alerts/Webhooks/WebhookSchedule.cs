using Hangfire;
using RiskMap.Web.Features.Jobs;

namespace RiskMap.Web.Features.Alerts.Webhooks;

/// <summary>
/// The recurring webhook delivery (<see cref="WebhookDeliveryJob"/>), registered by every instance as it starts, about
/// every Webhooks:PollSeconds (5; at least a second). Hangfire enqueues each occurrence once, whichever instances run.
/// </summary>
public sealed class WebhookSchedule(IRecurringJobManager recurringJobs, IConfiguration configuration) : IHostedService
{
    public const string Job = "alert-webhooks";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<WebhookDeliveryJob>(Job, job => job.DeliverAsync(CancellationToken.None),
            BackgroundJobs.Every((int)Math.Round(configuration.GetValue("Webhooks:PollSeconds", 5.0))));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
