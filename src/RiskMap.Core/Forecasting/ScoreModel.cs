namespace RiskMap.Core.Forecasting;

/// <summary>
/// Composite score forecasts, fitted per level on the quarters up to the origin. The model is a shrunk AR(1) on each
/// unit's published score: sᵤ,ₜ₊ₕ − mᵤ = φₕ (sᵤ,ₜ − mᵤ) + ε, with mᵤ the unit's mean score shrunk towards the level's
/// mean by Empirical Bayes (between-unit variance over between plus within-unit variance / n), φₕ fitted for each
/// horizon directly by pooled least squares (clipped to 0–1) and the spread of ε the pooled residuals' root mean square.
/// The baselines: the last score with the spread of h-quarter changes, and the unit's mean with the spread of scores
/// around it. Normal errors are a simplification a score that moves by small steps allows; the backtest checks it.
/// </summary>
public static class ScoreModel
{
    public static ScoreForecast?[] Forecast(ScorePanel panel, int origin, int horizon, ForecastMethod method)
    {
        var units = panel.Units.Count;
        var (means, meanVariances) = ShrunkMeans(panel, origin, method == ForecastMethod.Model);
        double phi = method switch
        {
            ForecastMethod.Model => Persistence(panel, origin, horizon, means),
            ForecastMethod.LastValue => 1,
            ForecastMethod.HistoricalMean => 0,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "No such composite forecast."),
        };
        double squares = 0;
        var n = 0;
        for (var u = 0; u < units; u++)
            for (var t = 0; t + horizon <= origin; t++)
            {
                var (from, to) = (panel.Score(u, t), panel.Score(u, t + horizon));
                if (double.IsNaN(from) || double.IsNaN(to) || double.IsNaN(means[u])) continue;
                var e = to - (means[u] + phi * (from - means[u]));
                squares += e * e;
                n++;
            }
        var residualVariance = n == 0 ? 0 : squares / n;
        var forecasts = new ScoreForecast?[units];
        for (var u = 0; u < units; u++)
        {
            var last = panel.Score(u, origin);
            if (double.IsNaN(last) || double.IsNaN(means[u])) continue;
            // The unit's mean is itself estimated: its uncertainty adds (1 − φ)² Var(m̂ᵤ) to the residuals', and a mean
            // of autocorrelated scores varies (1 + φ) / (1 − φ) times more than of independent ones.
            forecasts[u] = new ScoreForecast(means[u] + phi * (last - means[u]),
                Math.Sqrt(residualVariance + (1 - phi * phi) * meanVariances[u]));
        }
        return forecasts;
    }

    /// <summary>Each unit's mean score to the origin (shrunk when asked) and the variance of that estimate.</summary>
    private static (double[] Means, double[] Variances) ShrunkMeans(ScorePanel panel, int origin, bool shrink)
    {
        var units = panel.Units.Count;
        var means = new double[units];
        var counts = new int[units];
        double within = 0;
        var withinDegrees = 0;
        for (var u = 0; u < units; u++)
        {
            var values = Enumerable.Range(0, origin + 1).Select(t => panel.Score(u, t)).Where(s => !double.IsNaN(s)).ToArray();
            counts[u] = values.Length;
            means[u] = values.Length == 0 ? double.NaN : values.Average();
            if (values.Length < 2) continue;
            within += values.Sum(s => (s - means[u]) * (s - means[u]));
            withinDegrees += values.Length - 1;
        }
        var withinVariance = withinDegrees == 0 ? 0 : within / withinDegrees;
        var variances = Enumerable.Range(0, units).Select(u => counts[u] == 0 ? double.NaN : withinVariance / counts[u]).ToArray();
        var scored = Enumerable.Range(0, units).Where(u => counts[u] > 0).ToArray();
        if (!shrink || scored.Length < 2) return (means, variances);
        var grand = scored.Average(u => means[u]);
        var spreadOfMeans = scored.Sum(u => (means[u] - grand) * (means[u] - grand)) / (scored.Length - 1);
        var between = Math.Max(0, spreadOfMeans - scored.Average(u => withinVariance / counts[u]));
        var shrunk = (double[])means.Clone();
        foreach (var u in scored)
        {
            var noise = withinVariance / counts[u];
            var weight = between + noise <= 0 ? 1 : between / (between + noise);
            shrunk[u] = grand + weight * (means[u] - grand);
            variances[u] = weight * noise;
        }
        return (shrunk, variances);
    }

    private static double Persistence(ScorePanel panel, int origin, int horizon, double[] means)
    {
        double sxy = 0, sxx = 0;
        for (var u = 0; u < panel.Units.Count; u++)
            for (var t = 0; t + horizon <= origin; t++)
            {
                var (from, to) = (panel.Score(u, t), panel.Score(u, t + horizon));
                if (double.IsNaN(from) || double.IsNaN(to) || double.IsNaN(means[u])) continue;
                sxy += (from - means[u]) * (to - means[u]);
                sxx += (from - means[u]) * (from - means[u]);
            }
        return sxx <= 0 ? 0 : Math.Clamp(sxy / sxx, 0, 1);
    }
}
