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
}
