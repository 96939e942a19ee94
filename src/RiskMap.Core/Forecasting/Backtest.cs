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
        // Each (indicator, origin) is fitted and scored on its own, in parallel; the tallies are then added up in a fixed
        // order, so the table is the same bit for bit however the work was spread.
        var cases = counts.SelectMany(panel => Enumerable.Range(MinHistory - 1, Math.Max(0, panel.Periods.Count - MinHistory))
            .Select(origin => (Panel: panel, Origin: origin))).ToArray();
        var partial = new Dictionary<int, Dictionary<ForecastMethod, Tally>>[cases.Length];
        Parallel.For(0, cases.Length, i => partial[i] = ScoreOrigin(cases[i].Panel, cases[i].Origin));
        var tallies = NewTallies();
        foreach (var part in partial)
            foreach (var h in Horizons)
                foreach (var m in Methods) tallies[h][m].Add(part[h][m]);
        if (scores is not null) AddEntries(scores, tallies);
        return [.. Horizons.SelectMany(h => Methods.Select(m => tallies[h][m].Row(level, h, m)))];
    }

    private static Dictionary<int, Dictionary<ForecastMethod, Tally>> NewTallies() =>
        Horizons.ToDictionary(h => h, _ => Methods.ToDictionary(m => m, _ => new Tally()));

    /// <summary>The model and the baselines fitted on the quarters up to <paramref name="origin"/>, scored on those after it.</summary>
    private static Dictionary<int, Dictionary<ForecastMethod, Tally>> ScoreOrigin(CountPanel panel, int origin)
    {
        var tallies = NewTallies();
        var periods = panel.Periods.Count;
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
        return tallies;
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
            var (crps, coverage) = forecast.Score(observed);
            _crps += crps;
            _rateError += Math.Abs(forecast.Mean - observed) / pupils * 1000;
            _coverage += coverage;
        }

        /// <summary>Adds another tally's counts (entries are added one by one, never merged).</summary>
        public void Add(Tally other)
        {
            _n += other._n;
            _crps += other._crps;
            _rateError += other._rateError;
            _coverage += other._coverage;
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
