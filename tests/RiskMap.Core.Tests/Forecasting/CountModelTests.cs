using RiskMap.Core.Forecasting;

namespace RiskMap.Core.Tests.Forecasting;

public class CountModelTests
{
    [Fact]
    public void The_fit_recovers_the_simulated_seasonality_trend_level_and_unit_effects()
    {
        var simulated = new SimulatedCounts(units: 1500, periods: 12, seed: 7);

        var model = CountModel.Fit(simulated.Panel, origin: 11);

        for (var q = 1; q < 4; q++) Assert.InRange(model.Seasonality[q], SimulatedCounts.Seasonality[q] - 0.04, SimulatedCounts.Seasonality[q] + 0.04);
        Assert.InRange(model.TrendPerYear, SimulatedCounts.TrendPerYear - 0.04, SimulatedCounts.TrendPerYear + 0.04);
        Assert.InRange(model.Intercept, SimulatedCounts.Intercept - 0.1, SimulatedCounts.Intercept + 0.1);
        Assert.InRange(model.PriorVariance, SimulatedCounts.EffectVariance * 0.8, SimulatedCounts.EffectVariance * 1.2);
        Assert.InRange(model.Dispersion, SimulatedCounts.ExtraDispersion * 0.5, SimulatedCounts.ExtraDispersion * 1.5);
        var estimated = Enumerable.Range(0, simulated.Effects.Length).Select(model.Effect).ToArray();
        Assert.True(Correlation(estimated, simulated.Effects) > 0.9, $"correlation {Correlation(estimated, simulated.Effects):0.000}");
    }

    [Fact]
    public void The_80_percent_intervals_cover_between_75_and_85_percent_of_simulated_outcomes_one_and_two_quarters_ahead()
    {
        var simulated = new SimulatedCounts(units: 2000, periods: 12, seed: 11);

        var model = CountModel.Fit(simulated.Panel, origin: 9);

        foreach (var horizon in new[] { 1, 2 })
        {
            var coverage = Enumerable.Range(0, 2000)
                .Average(u => model.Forecast(u, horizon).IntervalCoverage(simulated.Panel.Count(u, 9 + horizon)));
            Assert.InRange(coverage, 0.75, 0.85);
        }
    }

    [Fact]
    public void A_unit_without_history_is_forecast_at_its_neighbours_level_when_effects_cluster()
    {
        // Units in pairs sharing an effect (0.5 or 2): neighbours explain each other, so ρ > 0; the last unit has no counts.
        var quarters = Enumerable.Range(0, 8).Select(t => new Indicators.Quarter(2024 + t / 4, t % 4 + 1)).ToArray();
        const int units = 41;
        var counts = new double[units * 8];
        for (var u = 0; u < units; u++)
            for (var t = 0; t < 8; t++)
                counts[u * 8 + t] = u == units - 1 ? double.NaN : (u / 2 % 2 == 0 ? 5 : 20);
        var neighbours = Enumerable.Range(0, units).Select(u => u == units - 1 ? new[] { 2, 3 } : new[] { u ^ 1 }).ToArray();
        var panel = new CountPanel([.. Enumerable.Range(0, units).Select(u => $"U{u}")], quarters, counts,
            [.. Enumerable.Repeat(1000.0, units)], neighbours);

        var model = CountModel.Fit(panel, origin: 7);

        Assert.True(model.NeighbourWeight > 0.9, $"ρ = {model.NeighbourWeight}");
        Assert.InRange(model.Forecast(units - 1, 1).Mean, 15, 25);
    }

    private static double Correlation(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        var sxy = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return sxy / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }
}
