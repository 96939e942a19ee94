namespace RiskMap.Core.Forecasting;

/// <summary>The simple forecasts the model must beat, fitted on the quarters up to the origin like the model.</summary>
public enum ForecastMethod
{
    /// <summary><see cref="CountModel"/> and, for the composite, <see cref="ScoreModel"/>.</summary>
    Model,
    /// <summary>The last quarter's value again.</summary>
    LastValue,
    /// <summary>The mean of the last four quarters.</summary>
    LastFourMean,
    /// <summary>The unit's mean over all its quarters.</summary>
    HistoricalMean,
}

/// <summary>
/// Baseline count forecasts as negative binomials: the mean is the baseline's point value; the dispersion is the level's,
/// the method-of-moments value of the baseline's own errors over the quarters before the origin (so each baseline is
/// given its honest spread, not a Poisson's, which would lose on CRPS for being too sure).
/// </summary>
public static class CountBaselines
{
    public static IReadOnlyList<ForecastMethod> All { get; } = [ForecastMethod.LastValue, ForecastMethod.LastFourMean, ForecastMethod.HistoricalMean];

    /// <summary>Forecasts per unit for the method at the origin and horizon (null where the unit has no history).</summary>
    public static NegativeBinomial?[] Forecast(CountPanel panel, int origin, int horizon, ForecastMethod method)
    {
        var units = panel.Units.Count;
        double numerator = 0, denominator = 0;
        // The dispersion from the same forecast made at every earlier origin with a target up to the origin.
        for (var o = 0; o + horizon <= origin; o++)
            for (var u = 0; u < units; u++)
            {
                if (!panel.Observed(u, o + horizon) || PointValue(panel, u, o, method) is not { } m) continue;
                var y = panel.Count(u, o + horizon);
                numerator += (y - m) * (y - m) - m;
                denominator += m * m;
            }
        var dispersion = denominator <= 0 ? 0 : Math.Clamp(numerator / denominator, 0, 10);
        var forecasts = new NegativeBinomial?[units];
        for (var u = 0; u < units; u++)
            if (PointValue(panel, u, origin, method) is { } mean) forecasts[u] = NegativeBinomial.WithDispersion(mean, dispersion);
        return forecasts;
    }

    private static double? PointValue(CountPanel panel, int unit, int origin, ForecastMethod method)
    {
        var from = method switch
        {
            ForecastMethod.LastValue => origin,
            ForecastMethod.LastFourMean => Math.Max(0, origin - 3),
            ForecastMethod.HistoricalMean => 0,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a baseline."),
        };
        double sum = 0;
        var n = 0;
        for (var t = from; t <= origin; t++)
        {
            if (!panel.Observed(unit, t)) continue;
            sum += panel.Count(unit, t);
            n++;
        }
        return n == 0 ? null : sum / n;
    }
}
