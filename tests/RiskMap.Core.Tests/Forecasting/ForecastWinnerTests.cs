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
}
