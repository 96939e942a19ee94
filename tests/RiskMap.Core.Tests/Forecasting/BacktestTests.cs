using RiskMap.Core.Forecasting;

namespace RiskMap.Core.Tests.Forecasting;

public class BacktestTests
{
    [Fact]
    public void A_forecast_made_at_an_origin_reads_nothing_after_it()
    {
        var simulated = new SimulatedCounts(units: 200, periods: 12, seed: 3);
        var altered = (double[])simulated.Panel.Counts.Clone();
        for (var u = 0; u < 200; u++)
            for (var t = 8; t < 12; t++) altered[u * 12 + t] = 1000;
        var panel = simulated.Panel;
        var alteredPanel = new CountPanel(panel.Units, panel.Periods, altered, panel.Pupils, panel.Neighbours);

        var model = CountModel.Fit(panel, origin: 7);
        var modelOfAltered = CountModel.Fit(alteredPanel, origin: 7);

        for (var u = 0; u < 200; u++)
        {
            Assert.Equal(model.Forecast(u, 1), modelOfAltered.Forecast(u, 1));
            foreach (var method in CountBaselines.All)
                Assert.Equal(CountBaselines.Forecast(panel, 7, 2, method)[u], CountBaselines.Forecast(alteredPanel, 7, 2, method)[u]);
        }
    }

    [Fact]
    public void On_series_with_persistent_unit_effects_the_model_beats_every_baseline_on_crps_and_is_published()
    {
        var simulated = new SimulatedCounts(units: 400, periods: 10, seed: 5);

        var rows = Backtest.Run("district", [simulated.Panel], scores: null);

        // Origins 3…8 for one quarter ahead (6 × 400 cases), 3…7 for two (5 × 400).
        Assert.Equal(2400, rows.Single(r => r.Horizon == 1 && r.Method == ForecastMethod.Model).Forecasts);
        Assert.Equal(2000, rows.Single(r => r.Horizon == 2 && r.Method == ForecastMethod.Model).Forecasts);
        foreach (var h in Backtest.Horizons)
        {
            var model = rows.Single(r => r.Horizon == h && r.Method == ForecastMethod.Model);
            foreach (var baseline in CountBaselines.All)
                Assert.True(model.Crps < rows.Single(r => r.Horizon == h && r.Method == baseline).Crps, $"h = {h}, {baseline}");
        }
        Assert.Equal(ForecastMethod.Model, ForecastWinner.Of(rows));
    }
}
