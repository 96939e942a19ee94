using RiskMap.Core.Indicators;

namespace RiskMap.Core.Forecasting;

/// <summary>
/// A unit's composite score forecast for one quarter ahead of the latest: the expected score and its 80 % interval by
/// <paramref name="Method"/>, and the probability of risk level 4 or 5 (the score reaching the level's lower bound of
/// "High") by <paramref name="ProbabilityMethod"/>, each the method its own backtest publishes.
/// </summary>
public sealed record CompositeForecast(string Unit, Quarter Period, int Horizon, ForecastMethod Method, double Score, double Low,
    double High, ForecastMethod ProbabilityMethod, double HighOrVeryHighProbability)
{
    /// <summary>Every unit's forecasts 1 and 2 quarters after <paramref name="latest"/>, the panel's last quarter.</summary>
    /// <param name="method">The level's published count method; see <see cref="ForecastWinner.ForComposite"/>.</param>
    /// <param name="probabilityMethod">The level's published method of the probability (<see cref="ForecastWinner.OfProbability"/>);
    /// null: the composite's.</param>
    public static IReadOnlyList<CompositeForecast> Latest(ScorePanel panel, Quarter latest, ForecastMethod method, ForecastMethod? probabilityMethod)
    {
        var composite = ForecastWinner.ForComposite(method);
        var probability = probabilityMethod ?? composite;
        var origin = panel.Periods - 1;
        var result = new List<CompositeForecast>();
        foreach (var h in Backtest.Horizons)
        {
            var period = latest;
            for (var step = 0; step < h; step++) period = period.Next();
            var forecasts = ScoreModel.Forecast(panel, origin, h, composite);
            var chances = probability == composite ? forecasts : ScoreModel.Forecast(panel, origin, h, probability);
            for (var u = 0; u < panel.Units.Count; u++)
                if (forecasts[u] is { } f && chances[u] is { } p)
                    result.Add(new CompositeForecast(panel.Units[u], period, h, composite, f.Mean, f.Low, f.High, probability,
                        p.HighOrVeryHighProbability(panel.HighThreshold)));
        }
        return result;
    }
}
