using System.Text.Json.Serialization;

namespace RiskMap.Core.Alerts;

/// <summary>(a) A unit's composite score rose clearly; with <paramref name="MinimumScore"/> only where the score is now at least that.</summary>
public sealed record ClearRiseRule(RiseComparison Compare = RiseComparison.Either, double? MinimumScore = null) : IAlertRule
{
    public const string RuleCode = "clear-rise";

    [JsonIgnore]
    public string Code => RuleCode;

    public IEnumerable<AlertFinding> Evaluate(AlertInputs inputs) =>
        from unit in inputs.Risks
        where unit.Score is { } score && (MinimumScore is not { } minimum || score >= minimum)
        let rise = ClearRise.Of(unit, Compare)
        where rise is not null
        select new AlertFinding(Code, unit.Level, unit.Code, unit.Score, rise, null);

    public IEnumerable<string> Problems()
    {
        if (MinimumScore is < 0 or > 10 || MinimumScore is double.NaN) yield return "clearRise.minimumScore must be a score from 0 to 10.";
    }
}
