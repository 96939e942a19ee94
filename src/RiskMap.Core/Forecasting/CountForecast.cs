using RiskMap.Core.Indicators;

namespace RiskMap.Core.Forecasting;

/// <summary>
/// A unit's forecast count of one indicator for one quarter ahead of the latest: expected count, its rate per 1,000 of
/// the unit's latest pupils, and the predictive negative binomial (dispersion 1/k) with its 10/50/90 % quantiles.
/// </summary>
public sealed record CountForecast(string Unit, Quarter Period, int Horizon, ForecastMethod Method, double ExpectedCount,
    double? RatePer1000, double Dispersion, int Low, int Median, int High)
{
    /// <summary>Every unit's forecasts 1 and 2 quarters after the panel's latest quarter, by the method the backtest chose.</summary>
    public static IReadOnlyList<CountForecast> Latest(CountPanel panel, ForecastMethod method)
    {
        var origin = panel.Periods.Count - 1;
        var model = method == ForecastMethod.Model ? CountModel.Fit(panel, origin) : null;
        var result = new List<CountForecast>();
        foreach (var h in Backtest.Horizons)
        {
            var period = panel.Periods[origin];
            for (var step = 0; step < h; step++) period = period.Next();
            var baseline = model is null ? CountBaselines.Forecast(panel, origin, h, method) : null;
            for (var u = 0; u < panel.Units.Count; u++)
            {
                if ((model is not null ? model.Forecast(u, h) : baseline![u]) is not { } d) continue;
                var pupils = panel.Pupils[u];
                var (low, median, high) = d.Quantiles();
                result.Add(new CountForecast(panel.Units[u], period, h, method, d.Mean, pupils > 0 ? d.Mean / pupils * 1000 : null,
                    d.Dispersion, low, median, high));
            }
        }
        return result;
    }
}
