using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RiskMap.Web.Hosting.OpenApi;

/// <summary>
/// Problem details as the service sends them: the machine-readable <c>code</c> of its problems, and the extension
/// members RFC 9457 allows (a refused import's issues, a stale version's currentVersion, …), so clients keep them.
/// </summary>
internal sealed class ProblemSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.JsonTypeInfo.Type.IsAssignableTo(typeof(ProblemDetails)) || context.JsonPropertyInfo is not null) return Task.CompletedTask;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties.TryAdd("code", new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            Description = "What went wrong, for programs (e.g. sign-in-required, import-rejected, rate-limited).",
        });
        schema.AdditionalProperties = new OpenApiSchema();
        return Task.CompletedTask;
    }
}
