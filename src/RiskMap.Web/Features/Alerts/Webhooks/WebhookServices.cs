namespace RiskMap.Web.Features.Alerts.Webhooks;

public static class WebhookServices
{
    /// <summary>
    /// The delivery job's HTTP client, which follows no redirect (a delivery goes only to the registered URL), and with
    /// the job server (<paramref name="jobServer"/>) its recurring schedule, unless Webhooks:Enabled is false.
    /// </summary>
    public static IServiceCollection AddAlertWebhooks(this IServiceCollection services, IConfiguration configuration, bool jobServer)
    {
        services.AddHttpClient(WebhookDeliveryJob.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddTransient<WebhookDeliveryJob>();
        if (jobServer && configuration.GetValue("Webhooks:Enabled", true)) services.AddHostedService<WebhookSchedule>();
        return services;
    }
}
