using System.Text.Json.Serialization;
using RiskMap.Core.Forecasting;

namespace RiskMap.Core.Alerts;

/// <summary>
/// (d) An early warning: the published forecast gives a unit's composite risk level 4 or 5 <paramref name="Horizon"/>
/// quarters ahead a probability of at least <paramref name="Threshold"/>, while the unit is not in level 4 or 5 now (a
/// unit already there is not news).
/// </summary>
public sealed record ForecastHighRiskRule(double Threshold = 0.5, int Horizon = 1) : IAlertRule
{
    public const string RuleCode = "forecast-high-risk";

    [JsonIgnore]
    public string Code => RuleCode;

    public IEnumerable<AlertFinding> Evaluate(AlertInputs inputs)
    {
        var now = inputs.Risks.ToDictionary(r => (r.Level, r.Code));
        foreach (var forecast in inputs.Outlooks)
            if (forecast.Horizon == Horizon && forecast.Probability >= Threshold &&
                now.TryGetValue((forecast.Level, forecast.Code), out var unit) && unit.RiskLevel is >= 1 and <= 3)
                yield return new AlertFinding(Code, unit.Level, unit.Code, unit.Score, null, null, forecast.Probability, Horizon);
    }

    public IEnumerable<string> Problems()
    {
        if (!(Threshold is > 0 and < 1)) yield return "forecastHighRisk.threshold must be a probability above 0 and below 1.";
        if (!Backtest.Horizons.Contains(Horizon))
            yield return $"forecastHighRisk.horizon must be {string.Join(" or ", Backtest.Horizons)} quarters ahead.";
    }
}
