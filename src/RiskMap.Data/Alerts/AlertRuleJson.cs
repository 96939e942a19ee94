using System.Text.Json;
using System.Text.Json.Serialization;
using RiskMap.Core.Alerts;

namespace RiskMap.Data.Alerts;

/// <summary>
/// The one JSON form of the alert rules, stored with each version and served to the steward: camelCase names and
/// kebab-case values ("previous-quarter", "new-hot-spot"); unknown names and nulls where a value is needed are refused.
/// </summary>
public static class AlertRuleJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    public static string Serialize(AlertRuleSet rules) => JsonSerializer.Serialize(rules, Options);

    /// <exception cref="JsonException">Not a rule set.</exception>
    public static AlertRuleSet Deserialize(string json) =>
        JsonSerializer.Deserialize<AlertRuleSet>(json, Options) ?? throw new JsonException("The alert rules are null.");
}
