using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RiskMap.Core.Alerts;
using RiskMap.Data.Alerts;

namespace RiskMap.Web.Hosting.OpenApi;

/// <summary>
/// The alert rules are read and written with their own JSON options (<see cref="AlertRuleJson"/>), which spell enums as
/// kebab-case strings ("previous-quarter"); the schemas of the enums in a rule set say so, with the values those options
/// write, so a generated client sends and reads the strings rather than numbers.
/// </summary>
internal sealed class AlertRuleEnumSchemas : IOpenApiSchemaTransformer
{
    private static readonly HashSet<Type> RuleEnums = EnumsIn(typeof(AlertRuleSet), []);

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (!RuleEnums.Contains(type)) return Task.CompletedTask;
        schema.Type = schema.Type is { } nullable && nullable.HasFlag(JsonSchemaType.Null) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Format = null;
        schema.Enum = Enum.GetValues(type).Cast<object>().Select(value => Spelled(value, type)).ToList();
        if (schema.Default is JsonValue number && number.TryGetValue<int>(out var value)) schema.Default = Spelled(Enum.ToObject(type, value), type);
        return Task.CompletedTask;
    }

    private static JsonNode Spelled(object value, Type type) => JsonSerializer.SerializeToNode(value, type, AlertRuleJson.Options)!;

    private static HashSet<Type> EnumsIn(Type type, HashSet<Type> seen)
    {
        var enums = new HashSet<Type>();
        if (!seen.Add(type)) return enums;
        foreach (var property in type.GetProperties())
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var element = propertyType.IsGenericType ? propertyType.GetGenericArguments()[0] : propertyType.GetElementType() ?? propertyType;
            element = Nullable.GetUnderlyingType(element) ?? element;
            if (element.IsEnum) enums.Add(element);
            else if (element.Namespace?.StartsWith("RiskMap.", StringComparison.Ordinal) == true) enums.UnionWith(EnumsIn(element, seen));
        }
        return enums;
    }
}
