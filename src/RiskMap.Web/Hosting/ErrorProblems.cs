using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace RiskMap.Web.Hosting;

/// <summary>
/// Every error answer is an RFC 9457 problem with a machine-readable <c>code</c>: answers the endpoints write
/// themselves carry their own; the framework's (an unknown path, a wrong method, a body that cannot be read, an
/// unexpected error) get the status's reason as code ("method-not-allowed"), and a body or parameter that cannot be
/// bound says why.
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
        return services;
    }

    /// <summary>"Request Header Fields Too Large" → "request-header-fields-too-large".</summary>
    private static string CodeOf(int status) =>
        ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason ? reason.ToLowerInvariant().Replace(' ', '-') : "error";

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
