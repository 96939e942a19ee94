using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RiskMap.Web.Hosting.OpenApi;

/// <summary>
/// Puts an example on every operation of the OpenAPI document: parameter values, a request body where there is one, and
/// for each documented status a response recorded from the demo (openapi-examples.json, keyed "METHOD /route"). A
/// response documented without a media type gets the one the example was served with, and a status the endpoint does not
/// declare (the OGC endpoints negotiate HTML or JSON themselves) is added.
/// </summary>
internal sealed class OperationExamples : IOpenApiOperationTransformer
{
    public const string ResourceName = "RiskMap.Web.openapi-examples.json";

    private static readonly Lazy<JsonObject> All = new(Load);

    public static JsonObject Load()
    {
        using var stream = typeof(OperationExamples).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        return JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>"GET /api/imports/batches/{id}" for the route "api/imports/batches/{id:long}/".</summary>
    public static string Key(string method, string route) => $"{method.ToUpperInvariant()} {OpenApiRoutes.Path(route)}";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (description.HttpMethod is null || description.RelativePath is null) return Task.CompletedTask;
        if (All.Value[Key(description.HttpMethod, description.RelativePath)] is not JsonObject example) return Task.CompletedTask;

        if (example["parameters"] is JsonObject parameters && operation.Parameters is not null)
        {
            foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
            {
                if (parameter.Name is not null && parameters[parameter.Name] is { } value) parameter.Example = value.DeepClone();
            }
        }
        if (example["requestBody"] is { } body && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values) media.Example = body.DeepClone();
        }
        if (example["responses"] is JsonObject responses && operation.Responses is not null)
        {
            foreach (var (status, recorded) in responses)
            {
                if (recorded is not JsonObject response || response["contentType"]?.GetValue<string>() is not { Length: > 0 } contentType) continue;
                if (!operation.Responses.TryGetValue(status, out var documented))
                {
                    operation.Responses[status] = documented = new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(int.Parse(status, CultureInfo.InvariantCulture)) };
                }
                if (documented is not OpenApiResponse target) continue;
                target.Content ??= new Dictionary<string, OpenApiMediaType>();
                if (!target.Content.TryGetValue(contentType, out var media)) target.Content[contentType] = media = new OpenApiMediaType();
                if (response["value"] is { } value)
                {
                    media.Examples ??= new Dictionary<string, IOpenApiExample>();
                    media.Examples[$"{status}"] = new OpenApiExample { Summary = $"{description.HttpMethod} {response["request"]}", Value = value.DeepClone() };
                }
            }
        }
        return Task.CompletedTask;
    }
}
