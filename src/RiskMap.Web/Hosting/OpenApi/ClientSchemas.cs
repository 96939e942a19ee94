using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RiskMap.Web.Hosting.OpenApi;

/// <summary>
/// Rewrites two schema shapes that OpenAPI 3.0 cannot say without "nullable" lacking a "type" beside it, and that
/// generated clients turn into union types. A number the JSON options would also read from a string (types number and
/// string, with a digits pattern) is the number the service writes; a nullable object (oneOf null and a reference) is
/// a nullable object of that reference (allOf).
/// </summary>
internal sealed class ClientSchemas : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    private const JsonSchemaType Numbers = JsonSchemaType.Integer | JsonSchemaType.Number;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & Numbers) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }

    /// <summary>The nullable objects are made after the schema transformers run: as properties of the components.</summary>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var properties = document.Components?.Schemas?.Values.SelectMany(s => s.Properties?.Values ?? []).OfType<OpenApiSchema>() ?? [];
        foreach (var property in properties)
        {
            if (property.OneOf is not [_, _] oneOf || oneOf.Count(IsNull) != 1 || oneOf.OfType<OpenApiSchemaReference>().SingleOrDefault() is not { } reference) continue;
            property.OneOf = null;
            property.AllOf = [reference];
            property.Type = JsonSchemaType.Object | JsonSchemaType.Null;
        }
        return Task.CompletedTask;
    }

    private static bool IsNull(IOpenApiSchema schema) => schema.Type == JsonSchemaType.Null;
}
