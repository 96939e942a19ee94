using RiskMap.Core.HotSpots;

namespace RiskMap.Core.Forecasting;

/// <summary>A unit's composite score some quarters ahead as a normal distribution on the 0–10 scale.</summary>
public readonly record struct ScoreForecast(double Mean, double Spread)
{
    private const double Z90 = 1.2815515655446004;

    /// <summary>The 80 % interval (10 % and 90 % points), kept within the scale.</summary>
    public double Low => Math.Clamp(Mean - Z90 * Spread, 0, 10);

    public double High => Math.Clamp(Mean + Z90 * Spread, 0, 10);

    /// <summary>
    /// The probability that the score reaches the lower bound of level 4. The published level also has hysteresis (a
    /// unit keeps its level until it strays beyond a margin); the forecast asks about the score, not about the margin.
    /// </summary>
    public double HighOrVeryHighProbability(double threshold) =>
        Spread <= 0 ? (Mean >= threshold ? 1 : 0) : NormalDistribution.UpperTail((threshold - Mean) / Spread);
}
