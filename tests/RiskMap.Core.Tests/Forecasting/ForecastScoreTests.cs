using RiskMap.Core.Forecasting;

namespace RiskMap.Core.Tests.Forecasting;

public class ForecastScoreTests
{
    [Fact]
    public void Crps_of_a_geometric_forecast_matches_the_hand_sums()
    {
        // Mean 2, size 1: P(j) = (1/3)(2/3)^j, F(j) = 1 − (2/3)^(j+1).
        // y = 0: Σⱼ (2/3)^(2j+2) = (4/9)/(5/9) = 4/5.  y = 2: F(0)² + F(1)² + Σ_{j≥2} (4/9)^(j+1) = 1/9 + 25/81 + 64/405 = 26/45.
        var forecast = new NegativeBinomial(2, 1);

        Assert.Equal(0.8, forecast.Crps(0), 9);
        Assert.Equal(26.0 / 45, forecast.Crps(2), 9);
    }

    [Fact]
    public void Crps_of_a_poisson_forecast_and_a_point_mass_match_the_hand_values()
    {
        // Poisson(1), y = 1: e⁻² + Σ_{j≥1} (1 − F(j))² = 0.2119812705…
        Assert.Equal(0.21198127054027593, NegativeBinomial.WithDispersion(1, 0).Crps(1), 9);
        // A point mass at 0 scores |y − 0|.
        Assert.Equal(3, NegativeBinomial.WithDispersion(0, 0.3).Crps(3), 12);
    }

    [Fact]
    public void Quantiles_and_interval_coverage_of_a_count_follow_the_cumulative_probabilities()
    {
        var forecast = new NegativeBinomial(2, 1); // F(0) = 1/3, F(1) = 5/9, F(2) = 19/27 ≈ 0.7037, F(3) = 0.8025, F(4) = 0.8683

        Assert.Equal((0, 1, 5), forecast.Quantiles());
        // y = 0: its PIT lies in [0, 1/3]; the part inside [0.1, 0.9] is (1/3 − 0.1) / (1/3) = 0.7.
        Assert.Equal(0.7, forecast.IntervalCoverage(0), 9);
        Assert.Equal(1, forecast.IntervalCoverage(2), 9);
        Assert.Equal(0, forecast.IntervalCoverage(9), 9);
    }

    [Fact]
    public void Brier_score_and_average_precision_match_hand_worked_examples()
    {
        Assert.Equal((0.01 + 0.04) / 2, ForecastScores.Brier([0.9, 0.2], [true, false]), 12);
        // Ranked 0.9 ✓, 0.8 ✗, 0.7 ✓, 0.6 ✗: precision at the hits 1 and 2/3 → AP = (1 + 2/3) / 2.
        Assert.Equal(5.0 / 6, ForecastScores.AveragePrecision([0.9, 0.8, 0.7, 0.6], [true, false, true, false]), 12);
        // Tied probabilities are flagged together, whichever order they come in: 0.9 ✗, then {0.5 ✓, 0.5 ✗} → 1/3.
        Assert.Equal(1.0 / 3, ForecastScores.AveragePrecision([0.9, 0.5, 0.5], [false, true, false]), 12);
        Assert.Equal(1.0 / 3, ForecastScores.AveragePrecision([0.9, 0.5, 0.5], [false, false, true]), 12);
        Assert.True(double.IsNaN(ForecastScores.AveragePrecision([0.4], [false])));
    }

    [Fact]
    public void Skill_is_one_minus_the_ratio_to_the_baseline()
    {
        Assert.Equal(0.2, BacktestRow.Skill(0.8, 1.0), 12);
        Assert.Equal(0.5, BacktestRow.SkillOfPrecision(0.75, 0.5), 12);
    }
}
