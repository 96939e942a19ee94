using RiskMap.Core.Forecasting;
using RiskMap.Core.Indicators;

namespace RiskMap.Core.Tests.Forecasting;

public class CountForecastTests
{
    [Fact]
    public void Every_unit_gets_its_next_two_quarters_with_rate_per_1000_of_its_latest_pupils_and_ordered_quantiles()
    {
        var simulated = new SimulatedCounts(units: 50, periods: 8, seed: 9); // 2023Q1 … 2024Q4

        var forecasts = CountForecast.Latest(simulated.Panel, ForecastMethod.Model);

        Assert.Equal(100, forecasts.Count);
        Assert.Equal([new Quarter(2025, 1), new Quarter(2025, 2)], forecasts.Select(f => f.Period).Distinct().Order());
        foreach (var f in forecasts)
        {
            var pupils = simulated.Panel.Pupils[int.Parse(f.Unit[1..])];
            Assert.Equal(f.ExpectedCount / pupils * 1000, f.RatePer1000!.Value, 12);
            Assert.True(f.Low <= f.Median && f.Median <= f.High, $"{f.Low} {f.Median} {f.High}");
            Assert.True(f.Dispersion > 0);
        }
    }

    [Fact]
    public void A_level_publishing_a_baseline_gets_the_baselines_forecast()
    {
        var quarters = Enumerable.Range(0, 5).Select(t => new Quarter(2024 + t / 4, t % 4 + 1)).ToArray();
        var panel = new CountPanel(["A"], quarters, [1, 2, 3, 4, 7], [500], [[]]);

        var forecasts = CountForecast.Latest(panel, ForecastMethod.LastValue);

        Assert.All(forecasts, f => Assert.Equal(7, f.ExpectedCount));
        Assert.All(forecasts, f => Assert.Equal(ForecastMethod.LastValue, f.Method));
        Assert.Equal(14, forecasts[0].RatePer1000!.Value, 12);
    }
}
