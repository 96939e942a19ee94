namespace RiskMap.Core.Forecasting;

/// <summary>
/// The one rule that decides which forecast a level publishes: the method with the lowest mean CRPS of counts over the
/// backtest's horizons; the model is published only when it is strictly better than every baseline (a tie goes to the
/// simpler baseline), and among baselines a tie goes to the first in <see cref="CountBaselines.All"/>.
/// </summary>
public static class ForecastWinner
{
    public static ForecastMethod Of(IEnumerable<BacktestRow> levelRows)
    {
        var meanCrps = levelRows.Where(r => !double.IsNaN(r.Crps)).GroupBy(r => r.Method).ToDictionary(g => g.Key, g => g.Average(r => r.Crps));
        var bestBaseline = CountBaselines.All.Where(meanCrps.ContainsKey).OrderBy(m => meanCrps[m]).Cast<ForecastMethod?>().FirstOrDefault();
        if (bestBaseline is not { } baseline) return meanCrps.ContainsKey(ForecastMethod.Model) ? ForecastMethod.Model : CountBaselines.All[0];
        return meanCrps.TryGetValue(ForecastMethod.Model, out var model) && model < meanCrps[baseline] ? ForecastMethod.Model : baseline;
    }

    /// <summary>
    /// The composite's method under a level's published method: the score model with the count model, the last score with
    /// the last value, and the unit's mean score with either mean baseline (a score has no mean-of-four forecast; its
    /// nearest is the unit's mean).
    /// </summary>
    public static ForecastMethod ForComposite(ForecastMethod published) => published switch
    {
        ForecastMethod.Model => ForecastMethod.Model,
        ForecastMethod.LastValue => ForecastMethod.LastValue,
        _ => ForecastMethod.HistoricalMean,
    };
}
