namespace RiskMap.Core.Forecasting;

/// <summary>
/// One method's backtest at one level and horizon, pooled over every origin, unit and count indicator: mean CRPS of the
/// counts (events), mean absolute error of the rates (per 1,000 pupils), the share of outcomes inside the 80 %
/// predictive interval, and for "enters level 4–5" (not 4–5 at the origin) the Brier score and average precision of the
/// composite's probability (NaN where the method makes no composite forecast or nobody entered).
/// </summary>
public sealed record BacktestRow(string Level, int Horizon, ForecastMethod Method, int Forecasts, double Crps, double RateMae,
    double Coverage, int Entries, int Entered, double Brier, double AveragePrecision)
{
    /// <summary>1 − model / baseline for a score where lower is better (CRPS, MAE, Brier): above 0, the model is better.</summary>
    public static double Skill(double model, double baseline) => baseline == 0 ? double.NaN : 1 - model / baseline;

    /// <summary>Skill for a score where higher is better (average precision): 1 − (1 − model) / (1 − baseline).</summary>
    public static double SkillOfPrecision(double model, double baseline) => Skill(1 - model, 1 - baseline);
}
