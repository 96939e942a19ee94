using System.Text.Json.Serialization;
using RiskMap.Core.HotSpots;

namespace RiskMap.Core.Alerts;

/// <summary>(b) A unit is an emerging hot spot of one of the categories (by default new or intensifying).</summary>
public sealed record EmergingHotSpotRule(IReadOnlyList<EmergingCategory> Categories) : IAlertRule
{
    public const string RuleCode = "emerging-hot-spot";

    public static readonly IReadOnlyList<EmergingCategory> DefaultCategories = [EmergingCategory.NewHotSpot, EmergingCategory.IntensifyingHotSpot];

    [JsonIgnore]
    public string Code => RuleCode;

    public IEnumerable<AlertFinding> Evaluate(AlertInputs inputs) =>
        from unit in inputs.HotSpots
        where Categories.Contains(unit.Category)
        select new AlertFinding(Code, unit.Level, unit.Code, null, null, unit.Category);

    public IEnumerable<string> Problems()
    {
        if (Categories.Count == 0) yield return "emergingHotSpot.categories must name at least one category.";
        // A warning is about rising risk: cold spots and "no pattern" are not one.
        if (Categories.Any(c => !c.Code().EndsWith("-hot-spot", StringComparison.Ordinal)))
            yield return "emergingHotSpot.categories may name hot spot categories only.";
    }
}
