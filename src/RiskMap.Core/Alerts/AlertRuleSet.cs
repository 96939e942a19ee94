using System.Text.Json.Serialization;

namespace RiskMap.Core.Alerts;

/// <summary>
/// The data steward's alert rules, one version of them: each rule with its settings, or null where it is switched off.
/// </summary>
/// <remarks>A rule missing from a stored version (one saved before the rule existed) is switched off in it.</remarks>
public sealed record AlertRuleSet(ClearRiseRule? ClearRise, EmergingHotSpotRule? EmergingHotSpot, ProgrammeTargetRiseRule? ProgrammeTargetRise,
    ForecastHighRiskRule? ForecastHighRisk = null)
{
    public static readonly AlertRuleSet Default = new(new ClearRiseRule(), new EmergingHotSpotRule(EmergingHotSpotRule.DefaultCategories),
        new ProgrammeTargetRiseRule(), new ForecastHighRiskRule());

    /// <summary>The codes of every rule there is, switched on or not.</summary>
    public static readonly IReadOnlyList<string> Codes = [ClearRiseRule.RuleCode, EmergingHotSpotRule.RuleCode, ProgrammeTargetRiseRule.RuleCode,
        ForecastHighRiskRule.RuleCode];

    [JsonIgnore]
    public IReadOnlyList<IAlertRule> Enabled => new IAlertRule?[] { ClearRise, EmergingHotSpot, ProgrammeTargetRise, ForecastHighRisk }.OfType<IAlertRule>().ToList();

    public IReadOnlyList<string> Problems() => [.. Enabled.SelectMany(r => r.Problems())];

    /// <summary>Every enabled rule's findings, at most one per rule and unit.</summary>
    public IReadOnlyList<AlertFinding> Evaluate(AlertInputs inputs) =>
        [.. Enabled.SelectMany(r => r.Evaluate(inputs)).DistinctBy(f => (f.Rule, f.Level, f.Code))];
}
