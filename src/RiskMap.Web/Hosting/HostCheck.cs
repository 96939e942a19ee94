namespace RiskMap.Web.Hosting;

/// <summary>
/// Answers only requests whose Host header names this service: <c>AllowedHosts</c> (hosts separated by ';', "*" for any),
/// by default the host of the <see cref="PublicOrigin"/> (with localhost and the loopback addresses when that is a
/// loopback host). It replaces ASP.NET Core's host filtering, whose refusal has no problem body.
/// </summary>
public static class HostCheck
{
    /// <summary>Lets ASP.NET Core's own filter pass every host, so that this check alone refuses, with a problem.</summary>
    public static IServiceCollection AddHostCheck(this IServiceCollection services) =>
        services.PostConfigure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => o.AllowedHosts = ["*"]);

    public static void UseHostCheck(this WebApplication app)
    {
        var configured = app.Configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var origin = app.Services.GetRequiredService<PublicOrigin>();
        HashSet<string>? allowed = null;
        app.Use(async (context, next) =>
        {
            // Resolved at the first request: the default origin is known once the server listens.
            allowed ??= new HashSet<string>(configured is { Length: > 0 } ? configured : Defaults(origin.Uri), StringComparer.OrdinalIgnoreCase);
            var host = context.Request.Host;
            if (!allowed.Contains("*") && host.HasValue && !allowed.Contains(host.Host))
            {
                await ApiProblems.BadHeader("Host", "The Host header does not name this service.").ExecuteAsync(context);
                return;
            }
            await next();
        });
    }

    private static string[] Defaults(Uri origin) =>
        origin.IsLoopback ? [origin.Host, "localhost", "127.0.0.1", "[::1]"] : [origin.Host];
}
