namespace RiskMap.Web.Features.Alerts.Webhooks;

public static class WebhookServices
{
    /// <summary>The delivery loop (off with Webhooks:Enabled false) and its HTTP client, which follows no redirect: a delivery goes only to the registered URL.</summary>
    public static IServiceCollection AddAlertWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient(WebhookDeliveryLoop.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        if (configuration.GetValue("Webhooks:Enabled", true)) services.AddHostedService<WebhookDeliveryLoop>();
        return services;
    }
}
