using Dapper;
using RiskMap.Core.Geography;
using RiskMap.Data.Forecasting;
using RiskMap.Data.HotSpots;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests.Forecasting;

/// <summary>What the forecasts read from the scored demo: counts in today's boundaries, neighbours and the published levels.</summary>
public class ForecastInputLoaderTests(ScoredDemoDatabase demo) : IClassFixture<ScoredDemoDatabase>
{
    [Fact]
    public async Task A_districts_counts_are_its_reported_counts_else_its_schools_and_its_neighbours_are_the_touching_districts()
    {
        var levels = await new ForecastInputLoader(demo.DataSource).LoadAsync();

        Assert.Equal([EntityLevel.School, EntityLevel.District, EntityLevel.Region], levels.Select(l => l.Level));
        var districts = levels.Single(l => l.Level == EntityLevel.District);
        var suicides = districts.Counts.Single(c => c.Indicator == "suicides").Panel;
        var almaty = suicides.Units.ToList().IndexOf("751110000");
        var last = suicides.Periods.Count - 1;
        await using var connection = await demo.DataSource.OpenConnectionAsync();
        // The district's own reported count where it has one, else the sum of its schools' (as scoring reads them).
        var expected = await connection.ExecuteScalarAsync<double>("""
            SELECT COALESCE(
                (SELECT value FROM observations_today
                 WHERE entity_level = 'district' AND entity_code = '751110000' AND indicator_code = 'suicides' AND period = @period),
                (SELECT sum(o.value) FROM observations_today o JOIN schools s ON s.code = o.entity_code
                 WHERE o.entity_level = 'school' AND o.indicator_code = 'suicides' AND o.period = @period AND s.district_kato = '751110000'))
            """, new { period = suicides.Periods[last].ToString() });
        Assert.Equal(expected, suicides.Count(almaty, last));
        var neighbours = suicides.Neighbours[almaty].Select(j => suicides.Units[j]).Order().ToArray();
        Assert.NotEmpty(neighbours);
        Assert.Equal((await QueenContiguity.OfAsync(connection, EntityLevel.District))["751110000"].Order(), neighbours);
        Assert.All(suicides.Neighbours[almaty], j => Assert.Contains(almaty, suicides.Neighbours[j]));
    }

    [Fact]
    public async Task The_published_levels_and_the_level_4_bound_come_from_the_published_run()
    {
        var districts = (await new ForecastInputLoader(demo.DataSource).LoadAsync()).Single(l => l.Level == EntityLevel.District).Scores!;

        await using var connection = await demo.DataSource.OpenConnectionAsync();
        var high = await connection.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM score_results WHERE run_id = (SELECT run_id FROM published_score_run) AND level = 'district' AND class >= 4
            """);
        var bound = await connection.ExecuteScalarAsync<double[]>(
            "SELECT score_run_class_thresholds((SELECT run_id FROM published_score_run), 'district')");
        Assert.Equal(high, districts.Levels.LongCount(l => l >= 4));
        Assert.Equal(bound![2], districts.HighThreshold);
        Assert.True(high > 0);
    }
}
