namespace RiskMap.Core.Alerts;

/// <summary>
/// One kind of early warning: a pure function of a published run's latest quarter (<see cref="AlertInputs"/>) to the units
/// it warns about. A new kind of warning is one more class and one more setting in <see cref="AlertRuleSet"/>.
/// </summary>
public interface IAlertRule
{
    /// <summary>The rule as stored with its alerts and served: "clear-rise", "emerging-hot-spot", …</summary>
    string Code { get; }

    IEnumerable<AlertFinding> Evaluate(AlertInputs inputs);

    /// <summary>What is wrong with the rule's settings, empty when nothing is.</summary>
    IEnumerable<string> Problems();
}
