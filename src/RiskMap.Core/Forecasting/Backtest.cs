namespace RiskMap.Core.Forecasting;

/// <summary>
/// Rolling-origin evaluation: every quarter with at least <see cref="MinHistory"/> quarters up to and including it is an
/// origin; each method is fitted on the quarters up to the origin only and scored on the quarters one and two ahead
/// that have been observed. Every method is scored on the same cases (those every method could forecast).
/// </summary>
public static class Backtest
{
    public const int MinHistory = 4;

    public static IReadOnlyList<int> Horizons { get; } = [1, 2];

    private static readonly ForecastMethod[] Methods = [ForecastMethod.Model, .. CountBaselines.All];

    public static IReadOnlyList<BacktestRow> Run(string level, IReadOnlyList<CountPanel> counts, ScorePanel? scores)
    {
        var tallies = Horizons.ToDictionary(h => h, _ => Methods.ToDictionary(m => m, _ => new Tally()));
        foreach (var panel in counts)
        {
            var periods = panel.Periods.Count;
            for (var origin = MinHistory - 1; origin + Horizons[0] < periods; origin++)
            {
                var model = CountModel.Fit(panel, origin);
                foreach (var h in Horizons.Where(h => origin + h < periods))
                {
                    var baselines = CountBaselines.All.ToDictionary(m => m, m => CountBaselines.Forecast(panel, origin, h, m));
                    for (var u = 0; u < panel.Units.Count; u++)
                    {
                        if (!panel.Observed(u, origin + h) || baselines.Values.Any(b => b[u] is null)) continue;
                        var y = panel.Count(u, origin + h);
                        tallies[h][ForecastMethod.Model].AddCount(model.Forecast(u, h), y, panel.Pupils[u]);
                        foreach (var (method, forecasts) in baselines) tallies[h][method].AddCount(forecasts[u]!.Value, y, panel.Pupils[u]);
                    }
                }
            }
        }
        if (scores is not null) AddEntries(scores, tallies);
        return [.. Horizons.SelectMany(h => Methods.Select(m => tallies[h][m].Row(level, h, m)))];
    }

    private static void AddEntries(ScorePanel scores, Dictionary<int, Dictionary<ForecastMethod, Tally>> tallies)
    {
        ForecastMethod[] methods = [ForecastMethod.Model, ForecastMethod.LastValue, ForecastMethod.HistoricalMean];
        for (var origin = MinHistory - 1; origin + Horizons[0] < scores.Periods; origin++)
            foreach (var h in Horizons.Where(h => origin + h < scores.Periods))
            {
                var forecasts = methods.ToDictionary(m => m, m => ScoreModel.Forecast(scores, origin, h, m));
                for (var u = 0; u < scores.Units.Count; u++)
                {
                    if (scores.HighOrVeryHigh(u, origin) || scores.Levels[u * scores.Periods + origin + h] == 0) continue;
                    if (forecasts.Values.Any(f => f[u] is null)) continue;
                    var entered = scores.HighOrVeryHigh(u, origin + h);
                    foreach (var (method, f) in forecasts)
                        tallies[h][method].AddEntry(f[u]!.Value.HighOrVeryHighProbability(scores.HighThreshold), entered);
                }
            }
    }

    private sealed class Tally
    {
        private int _n;
        private double _crps, _rateError, _coverage;
        private readonly List<double> _probabilities = [];
        private readonly List<bool> _outcomes = [];

        public void AddCount(NegativeBinomial forecast, double observed, double pupils)
        {
            _n++;
            _crps += forecast.Crps(observed);
            _rateError += Math.Abs(forecast.Mean - observed) / pupils * 1000;
            _coverage += forecast.IntervalCoverage(observed);
        }

        public void AddEntry(double probability, bool entered)
        {
            _probabilities.Add(probability);
            _outcomes.Add(entered);
        }

        public BacktestRow Row(string level, int horizon, ForecastMethod method) => new(level, horizon, method, _n,
            _n == 0 ? double.NaN : _crps / _n, _n == 0 ? double.NaN : _rateError / _n, _n == 0 ? double.NaN : _coverage / _n,
            _outcomes.Count, _outcomes.Count(o => o),
            ForecastScores.Brier(_probabilities, _outcomes), ForecastScores.AveragePrecision(_probabilities, _outcomes));
    }
}
