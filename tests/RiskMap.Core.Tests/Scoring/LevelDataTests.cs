using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

public class LevelDataTests
{
    [Fact]
    public void A_value_is_carried_forward_at_most_lookback_quarters_and_marked_stale()
    {
        var data = new LevelData(["s"], ["d"], [100], indicators: 1, periods: 10);
        data.Set(0, 0, 0, 7, 50);
        data.CarryForward(4);

        for (var t = 1; t <= 4; t++)
        {
            Assert.Equal(7, data.Values[data.Cell(t, 0, 0)]);
            Assert.Equal(50, data.Denominators[data.Cell(t, 0, 0)]);
            Assert.True(data.IsStale(data.Cell(t, 0, 0)));
        }
        for (var t = 5; t < 10; t++) Assert.True(double.IsNaN(data.Values[data.Cell(t, 0, 0)]), $"quarter {t}");
        Assert.False(data.IsStale(data.Cell(0, 0, 0)));
    }

    [Fact]
    public void The_latest_report_is_carried_and_a_carried_value_is_never_carried_again()
    {
        var data = new LevelData(["s"], ["d"], [100], indicators: 1, periods: 10);
        data.Set(0, 0, 0, 1, null);
        data.Set(3, 0, 0, 2, null);
        data.CarryForward(2);

        double[] expected = [1, 1, 1, 2, 2, 2, double.NaN, double.NaN, double.NaN, double.NaN];
        bool[] stale = [false, true, true, false, true, true, false, false, false, false];
        for (var t = 0; t < 10; t++)
        {
            Assert.Equal(expected[t], data.Values[data.Cell(t, 0, 0)]);
            Assert.Equal(stale[t], data.IsStale(data.Cell(t, 0, 0)));
        }
    }

    [Fact]
    public void A_lookback_of_zero_carries_nothing()
    {
        var data = new LevelData(["s"], ["d"], [100], indicators: 1, periods: 3);
        data.Set(0, 0, 0, 1, null);
        data.CarryForward(0);
        Assert.True(double.IsNaN(data.Values[data.Cell(1, 0, 0)]));
    }

    [Fact]
    public void A_districts_rate_is_summed_events_over_summed_pupils_not_the_mean_of_school_rates()
    {
        // s1: 2 events / 40 pupils (50 ‰), s2: 6 / 400 (15 ‰); own denominators win over pupils (s3: 3 / 100, not / 900).
        var schools = new LevelData(["s1", "s2", "s3", "s4"], ["X", "X", "Y", "Y"], [40, 400, 900, 100], indicators: 2, periods: 1);
        schools.Set(0, 0, 0, 2, null);
        schools.Set(0, 0, 1, 6, null);
        schools.Set(0, 0, 2, 3, 100);
        schools.Set(0, 1, 0, 10, null);
        schools.Set(0, 1, 1, 20, null);
        schools.Set(0, 1, 2, 50, null);
        schools.Set(0, 1, 3, 80, null);
        var districts = new LevelData(["X", "Y"], ["R", "R"], [440, 1000], indicators: 2, periods: 1);
        districts.AggregateFrom(schools, [true, false]);

        var x = districts.Cell(0, 0, 0);
        Assert.Equal(8, districts.Values[x]);
        Assert.Equal(440, districts.Denominators[x]);
        Assert.NotEqual((2 / 40.0 + 6 / 400.0) / 2, districts.Values[x] / districts.Denominators[x]);
        Assert.Equal(3, districts.Values[districts.Cell(0, 0, 1)]); // s4 reports nothing and takes no part
        Assert.Equal(100, districts.Denominators[districts.Cell(0, 0, 1)]);

        // Non-count indicator: pupil-weighted mean (40·10 + 400·20)/440 and (900·50 + 100·80)/1000.
        Assert.Equal(8400.0 / 440, districts.Values[districts.Cell(0, 1, 0)], 1e-12);
        Assert.Equal(53, districts.Values[districts.Cell(0, 1, 1)], 1e-12);
        Assert.True(double.IsNaN(districts.Denominators[districts.Cell(0, 1, 0)]));
        Assert.False(districts.IsStale(x));
    }

    [Fact]
    public void A_direct_observation_wins_over_the_aggregate_and_a_stale_child_makes_the_aggregate_stale()
    {
        var schools = new LevelData(["s1", "s2", "s3"], ["X", "Y", null], [100, 100, 100], indicators: 1, periods: 2);
        schools.Set(0, 0, 0, 5, null);
        schools.Set(0, 0, 1, 1, null);
        schools.Set(1, 0, 1, 2, null);
        schools.Set(1, 0, 2, 99, null); // no parent: ignored
        schools.CarryForward(4); // s1's value reaches quarter 1, stale
        var districts = new LevelData(["X", "Y"], ["R", "R"], [100, 100], indicators: 1, periods: 2);
        districts.Set(0, 0, 0, 40, 1000);
        districts.AggregateFrom(schools, [true]);

        Assert.Equal(40, districts.Values[districts.Cell(0, 0, 0)]);
        Assert.Equal(1000, districts.Denominators[districts.Cell(0, 0, 0)]);
        Assert.Equal(5, districts.Values[districts.Cell(1, 0, 0)]);
        Assert.True(districts.IsStale(districts.Cell(1, 0, 0)));
        Assert.Equal(2, districts.Values[districts.Cell(1, 0, 1)]);
        Assert.False(districts.IsStale(districts.Cell(1, 0, 1)));
    }
}
