using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using RiskMap.Data;

namespace RiskMap.Web.Hosting;

/// <summary>
/// Every error answer is an RFC 9457 problem with a machine-readable <c>code</c>: answers the endpoints write
/// themselves carry their own; the framework's (an unknown path, a wrong method, a body that cannot be read, an
/// unexpected error) get the status's reason as code ("method-not-allowed"), and a body or parameter that cannot be
/// bound says why; a database that cannot take the request is a 503 with <c>Retry-After</c>.
/// </summary>
public static class ErrorProblems
{
    public static IServiceCollection AddErrorProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (!problem.Extensions.ContainsKey("code") && problem.Status is { } status) problem.Extensions["code"] = CodeOf(status);
        });
        // Binding failures become exceptions, so that the handler below can say what could not be read.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnreadableRequest>();
        services.AddExceptionHandler<DatabaseUnavailable>();
        return services;
    }

    /// <summary>"Request Header Fields Too Large" → "request-header-fields-too-large".</summary>
    private static string CodeOf(int status) =>
        ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason ? reason.ToLowerInvariant().Replace(' ', '-') : "error";

    /// <summary>
    /// The database cannot take the request now (no connection came free in time, the server refused one or is
    /// restarting): a 503 telling the client when to try again, never a 500.
    /// </summary>
    private sealed class DatabaseUnavailable(ConnectionPoolOptions pool, ILogger<DatabaseUnavailable> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (!DatabaseFaults.IsUnavailable(exception)) return false;
            logger.LogWarning("Database unavailable for {Path}: {Error}", context.Request.Path, exception.Message);
            context.Response.Headers.RetryAfter = pool.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service busy",
                detail: $"The database cannot take this request now. Try again in {pool.RetryAfterSeconds} s.",
                extensions: new Dictionary<string, object?> { ["code"] = "database-unavailable" })
                .ExecuteAsync(context);
            return true;
        }
    }

    /// <summary>A request whose body or parameters the framework could not read: its status (400, 413, 415) with the reason.</summary>
    private sealed class UnreadableRequest : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad) return false;
            var detail = bad.InnerException is JsonException json
                ? $"The request body is not the JSON this endpoint expects: {json.Message}"
                : bad.Message;
            await Results.Problem(statusCode: bad.StatusCode, title: "Unreadable request", detail: detail,
                extensions: new Dictionary<string, object?> { ["code"] = bad.StatusCode == StatusCodes.Status400BadRequest ? "unreadable-request" : CodeOf(bad.StatusCode) })
                .ExecuteAsync(context);
            return true;
        }
    }
}
