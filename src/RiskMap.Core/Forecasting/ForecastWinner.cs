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
    /// The one rule that decides which forecast of "enters risk level 4–5" a level publishes, from the backtest of that
    /// event (units not in level 4–5 at the origin), averaged over the horizons: the model when its Brier score is strictly
    /// lower than the best composite baseline's and its average precision is not lower; otherwise that baseline, the one
    /// with the lowest Brier score (a tie goes to the last value). Null when the backtest scored no entry: nothing
    /// to decide by.
    /// </summary>
    public static ForecastMethod? OfProbability(IEnumerable<BacktestRow> levelRows)
    {
        var rows = levelRows.Where(r => !double.IsNaN(r.Brier)).GroupBy(r => r.Method).ToDictionary(g => g.Key, g => g.ToList());
        var bestBaseline = CompositeBaselines.Where(rows.ContainsKey).OrderBy(m => rows[m].Average(r => r.Brier)).Cast<ForecastMethod?>().FirstOrDefault();
        if (bestBaseline is not { } baseline) return rows.ContainsKey(ForecastMethod.Model) ? ForecastMethod.Model : null;
        if (!rows.TryGetValue(ForecastMethod.Model, out var model)) return baseline;
        return model.Average(r => r.Brier) < rows[baseline].Average(r => r.Brier) &&
               !(MeanPrecision(model) < MeanPrecision(rows[baseline])) ? ForecastMethod.Model : baseline;
    }

    /// <summary>The composite's baselines (<see cref="ScoreModel"/>), the simpler first.</summary>
    private static readonly ForecastMethod[] CompositeBaselines = [ForecastMethod.LastValue, ForecastMethod.HistoricalMean];

    /// <summary>NaN (never lower, never higher) where no unit entered level 4–5 in any horizon.</summary>
    private static double MeanPrecision(IEnumerable<BacktestRow> rows) =>
        rows.Where(r => !double.IsNaN(r.AveragePrecision)).Select(r => r.AveragePrecision).DefaultIfEmpty(double.NaN).Average();

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
