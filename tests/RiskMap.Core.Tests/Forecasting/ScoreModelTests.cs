using RiskMap.Core.Forecasting;

namespace RiskMap.Core.Tests.Forecasting;

public class ScoreModelTests
{
    /// <summary>sᵤₜ = mᵤ + 0.6 (sᵤ,ₜ₋₁ − mᵤ) + N(0, 0.5²), mᵤ spread over 2–8; the level-4 bound at 6.</summary>
    private static ScorePanel Simulate(int units, int periods, int seed)
    {
        var random = new Random(seed);
        var scores = new double[units * periods];
        var levels = new int[scores.Length];
        for (var u = 0; u < units; u++)
        {
            var mean = 2 + 6 * random.NextDouble();
            var s = mean;
            for (var t = 0; t < periods; t++)
            {
                s = mean + 0.6 * (s - mean) + 0.5 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                scores[u * periods + t] = s;
                levels[u * periods + t] = s >= 6 ? 4 : 2;
            }
        }
        return new ScorePanel([.. Enumerable.Range(0, units).Select(u => $"U{u}")], periods, scores, levels, highThreshold: 6);
    }

    [Fact]
    public void The_shrunk_ar1_is_calibrated_and_sharper_than_persistence_on_simulated_scores()
    {
        var panel = Simulate(units: 3000, periods: 12, seed: 4);

        var model = ScoreModel.Forecast(panel, origin: 10, horizon: 1, ForecastMethod.Model);
        var persistence = ScoreModel.Forecast(panel, origin: 10, horizon: 1, ForecastMethod.LastValue);

        var outcomes = Enumerable.Range(0, 3000).Select(u => panel.Score(u, 11)).ToArray();
        var covered = Enumerable.Range(0, 3000).Count(u => model[u]!.Value.Low <= outcomes[u] && outcomes[u] <= model[u]!.Value.High) / 3000.0;
        Assert.InRange(covered, 0.75, 0.85);
        Assert.True(model[0]!.Value.Spread < persistence[0]!.Value.Spread, $"{model[0]!.Value.Spread} vs {persistence[0]!.Value.Spread}");
        var brier = ForecastScores.Brier([.. Enumerable.Range(0, 3000).Select(u => model[u]!.Value.HighOrVeryHighProbability(6))],
            [.. outcomes.Select(s => s >= 6)]);
        var brierPersistence = ForecastScores.Brier([.. Enumerable.Range(0, 3000).Select(u => persistence[u]!.Value.HighOrVeryHighProbability(6))],
            [.. outcomes.Select(s => s >= 6)]);
        Assert.True(brier < brierPersistence, $"{brier} vs {brierPersistence}");
    }

    [Fact]
    public void The_probability_of_level_4_or_5_is_the_normal_tail_above_the_level_4_bound()
    {
        var forecast = new ScoreForecast(Mean: 5, Spread: 1);

        Assert.Equal(0.15865525393145707, forecast.HighOrVeryHighProbability(6), 12); // P(Z ≥ 1)
        Assert.Equal(5 - 1.2815515655446004, forecast.Low, 12);
        Assert.Equal(10, new ScoreForecast(9.5, 1).High);
    }
}
