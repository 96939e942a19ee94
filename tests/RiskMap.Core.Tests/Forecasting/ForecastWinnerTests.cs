using RiskMap.Core.Forecasting;

namespace RiskMap.Core.Tests.Forecasting;

public class ForecastWinnerTests
{
    private static BacktestRow Row(ForecastMethod method, int horizon, double crps) =>
        new("district", horizon, method, 100, crps, 0, 0.8, 0, 0, double.NaN, double.NaN);

    [Fact]
    public void The_model_is_published_when_its_mean_crps_over_the_horizons_is_below_every_baseline()
    {
        var rows = new[]
        {
            Row(ForecastMethod.Model, 1, 0.90), Row(ForecastMethod.Model, 2, 1.00),
            Row(ForecastMethod.LastValue, 1, 1.20), Row(ForecastMethod.LastValue, 2, 1.30),
            Row(ForecastMethod.LastFourMean, 1, 0.80), Row(ForecastMethod.LastFourMean, 2, 1.11),
            Row(ForecastMethod.HistoricalMean, 1, 1.00), Row(ForecastMethod.HistoricalMean, 2, 1.00),
        };

        Assert.Equal(ForecastMethod.Model, ForecastWinner.Of(rows));
    }

    [Fact]
    public void A_tie_goes_to_the_baseline_and_a_better_baseline_is_published_instead_of_the_model()
    {
        Assert.Equal(ForecastMethod.HistoricalMean, ForecastWinner.Of([
            Row(ForecastMethod.Model, 1, 1.0), Row(ForecastMethod.LastValue, 1, 1.5),
            Row(ForecastMethod.LastFourMean, 1, 1.2), Row(ForecastMethod.HistoricalMean, 1, 1.0)]));
        Assert.Equal(ForecastMethod.LastFourMean, ForecastWinner.Of([
            Row(ForecastMethod.Model, 1, 1.3), Row(ForecastMethod.LastValue, 1, 1.5),
            Row(ForecastMethod.LastFourMean, 1, 1.2), Row(ForecastMethod.HistoricalMean, 1, 1.25)]));
    }

    private static BacktestRow Entries(ForecastMethod method, int horizon, double brier, double averagePrecision) =>
        new("district", horizon, method, 100, 1.0, 0, 0.8, 50, 5, brier, averagePrecision);

    [Fact]
    public void The_probability_of_level_4_or_5_follows_its_own_backtest_not_the_counts()
    {
        // The model wins the counts (CRPS) but a baseline forecasts entering level 4–5 better: the probability is the baseline's.
        BacktestRow[] rows =
        [
            Row(ForecastMethod.Model, 1, 0.9), Row(ForecastMethod.LastValue, 1, 1.2), Row(ForecastMethod.LastFourMean, 1, 1.1),
            Row(ForecastMethod.HistoricalMean, 1, 1.0),
            Entries(ForecastMethod.Model, 1, 0.080, 0.40), Entries(ForecastMethod.LastValue, 1, 0.070, 0.45),
            Entries(ForecastMethod.HistoricalMean, 1, 0.090, 0.30),
        ];

        Assert.Equal(ForecastMethod.Model, ForecastWinner.Of(rows));
        Assert.Equal(ForecastMethod.LastValue, ForecastWinner.OfProbability(rows));
    }

    [Fact]
    public void The_model_publishes_the_probability_only_when_it_beats_the_best_baseline_on_brier_score_and_average_precision()
    {
        Assert.Equal(ForecastMethod.Model, ForecastWinner.OfProbability([
            Entries(ForecastMethod.Model, 1, 0.060, 0.50), Entries(ForecastMethod.Model, 2, 0.070, 0.40),
            Entries(ForecastMethod.LastValue, 1, 0.065, 0.45), Entries(ForecastMethod.LastValue, 2, 0.080, 0.35),
            Entries(ForecastMethod.HistoricalMean, 1, 0.090, 0.30), Entries(ForecastMethod.HistoricalMean, 2, 0.090, 0.30)]));
        // A better Brier score with a worse ranking of the units is not a win; nor is a tie.
        Assert.Equal(ForecastMethod.HistoricalMean, ForecastWinner.OfProbability([
            Entries(ForecastMethod.Model, 1, 0.060, 0.30), Entries(ForecastMethod.LastValue, 1, 0.080, 0.45),
            Entries(ForecastMethod.HistoricalMean, 1, 0.070, 0.35)]));
        Assert.Equal(ForecastMethod.LastValue, ForecastWinner.OfProbability([
            Entries(ForecastMethod.Model, 1, 0.070, 0.50), Entries(ForecastMethod.LastValue, 1, 0.070, 0.45),
            Entries(ForecastMethod.HistoricalMean, 1, 0.070, 0.35)]));
    }

    [Fact]
    public void Without_an_entry_to_score_there_is_no_probability_winner()
    {
        Assert.Null(ForecastWinner.OfProbability([Row(ForecastMethod.Model, 1, 0.9), Row(ForecastMethod.LastValue, 1, 1.2)]));
    }
}
