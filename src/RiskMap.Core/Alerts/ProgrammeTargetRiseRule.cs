using System.Text.Json.Serialization;

namespace RiskMap.Core.Alerts;

/// <summary>(c) A unit a programme targets in the quarter, whose composite score rose clearly: the measures may not be working.</summary>
public sealed record ProgrammeTargetRiseRule(RiseComparison Compare = RiseComparison.Either) : IAlertRule
{
    public const string RuleCode = "programme-target-rise";

    [JsonIgnore]
    public string Code => RuleCode;

    public IEnumerable<AlertFinding> Evaluate(AlertInputs inputs) =>
        from unit in inputs.Risks
        where inputs.ProgrammeTargets.Contains(new ProgrammeTarget(unit.Level, unit.Code))
        let rise = ClearRise.Of(unit, Compare)
        where rise is not null
        select new AlertFinding(Code, unit.Level, unit.Code, unit.Score, rise, null);

    public IEnumerable<string> Problems() => [];
}
