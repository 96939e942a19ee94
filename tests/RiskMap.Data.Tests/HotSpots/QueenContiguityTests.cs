using RiskMap.Core.Geography;
using RiskMap.Data.HotSpots;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests.HotSpots;

/// <summary>Queen contiguity of the real geokz 2024 districts and regions (the demo's boundaries) from PostGIS.</summary>
public class QueenContiguityTests(DemoDatabase db) : IClassFixture<DemoDatabase>
{
    private async Task<IReadOnlyDictionary<string, string[]>> OfAsync(EntityLevel level)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        return await QueenContiguity.OfAsync(connection, level);
    }

    [Fact]
    public async Task Every_one_of_the_224_districts_has_a_neighbour_and_each_pair_is_listed_on_both_sides()
    {
        var districts = await OfAsync(EntityLevel.District);

        Assert.Equal(224, districts.Count);
        Assert.Empty(districts.Where(d => d.Value.Length == 0).Select(d => d.Key));
        Assert.All(districts, d => Assert.All(d.Value, n => Assert.Contains(d.Key, districts[n])));
        Assert.All(districts, d => Assert.DoesNotContain(d.Key, d.Value));
    }

    [Fact]
    public async Task Almaty_citys_districts_touch_each_other_as_on_the_map()
    {
        var districts = await OfAsync(EntityLevel.District);
        var city = districts.Keys.Where(k => k.StartsWith("75", StringComparison.Ordinal)).ToHashSet();

        Assert.Equal(8, city.Count);
        // Almaly, in the centre: Alatau, Auezov, Bostandyk, Zhetysu and Medeu around it; Nauryzbay and Turksib do not touch it.
        Assert.Equal(["751210000", "751310000", "751410000", "751510000", "751710000"], districts["751110000"]);
        // The city is one piece: every district reached from Almaly through the city's own districts.
        var reached = new HashSet<string> { "751110000" };
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var next))
            foreach (var neighbour in districts[next].Where(city.Contains))
                if (reached.Add(neighbour)) queue.Enqueue(neighbour);
        Assert.Equal(city, reached);
        // And it is nowhere near Astana.
        Assert.DoesNotContain(districts["751110000"], n => n.StartsWith("71", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Neighbours_parted_by_a_gap_in_the_boundary_file_within_the_tolerance_are_neighbours()
    {
        // Two of Astana's districts share a street but lie 36 m apart in the geokz file: ST_Intersects alone parts them.
        var apart = await db.ScalarAsync<bool>(
            "SELECT NOT ST_Intersects(a.geom, b.geom) FROM districts a, districts b WHERE a.kato = '711410000' AND b.kato = '711510000'");
        Assert.True(apart);

        var districts = await OfAsync(EntityLevel.District);

        Assert.Contains("711510000", districts["711410000"]);
    }

    [Fact]
    public async Task Almaty_city_borders_only_Almaty_region_among_the_20_regions()
    {
        var regions = await OfAsync(EntityLevel.Region);

        Assert.Equal(20, regions.Count);
        Assert.Equal(["190000000"], regions["750000000"]);
        Assert.Empty(regions.Where(r => r.Value.Length == 0).Select(r => r.Key));
    }
}
