using System.Text.Json;
using Dapper;
using RiskMap.Core.Geography;
using RiskMap.Core.HotSpots;
using RiskMap.Data.HotSpots;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests.HotSpots;

/// <summary>
/// The demo's districts with a run of twelve quarters of composite scores written by hand (the demo has eight, too few for a
/// trend): everywhere about 3, except Almaty city's eight districts, rising together from 4.0 by 0.3 a quarter; Shymkent's
/// five, at 9 in the final quarter only; and one district far from both at 6 throughout, among neighbours at about 3.
/// </summary>
public sealed class EmergingHistoryDatabase : DemoDatabase
{
    public static readonly string[] Periods = [.. Enumerable.Range(0, 12).Select(i => $"{2023 + i / 4}Q{i % 4 + 1}")];

    public long Run { get; private set; }

    /// <summary>The lone high district: the one with most neighbours outside the Almaty and Shymkent areas (regions 75, 19, 79, 61).</summary>
    public string Lone { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = await DataSource.OpenConnectionAsync();
        var neighbours = await QueenContiguity.OfAsync(connection, EntityLevel.District);
        static bool Near(string kato) => kato[..2] is "75" or "19" or "79" or "61";
        Lone = neighbours.Where(d => !Near(d.Key) && !d.Value.Any(Near)).MaxBy(d => d.Value.Length).Key;

        var random = new Random(20261207);
        var rows = from period in Enumerable.Range(0, Periods.Length)
                   from code in neighbours.Keys.Order(StringComparer.Ordinal)
                   select (code, Periods[period], code[..2] switch
                   {
                       "75" => 4.0 + 0.3 * period,
                       "79" when period == Periods.Length - 1 => 9.0,
                       _ when code == Lone => 6.0,
                       _ => 3.0 + random.NextDouble() - 0.5,
                   });
        var (codes, periods, scores) = (rows.Select(r => r.code).ToArray(), rows.Select(r => r.Item2).ToArray(), rows.Select(r => r.Item3).ToArray());

        await using var transaction = await connection.BeginTransactionAsync();
        Run = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO score_runs (methodology_version, methodology, weight_version_id, indicator_codes, indicator_weights, domain_codes,
                                    domain_weights, input_watermark, trigger, requested_by, status, finished_at, periods)
            VALUES ('riskmap-2.0', '{}', (SELECT min(id) FROM weight_versions), '{}', '{}', '{}', '{}', 0, 'manual', 'hand', 'succeeded', now(), @Periods)
            RETURNING id
            """, new { Periods }, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO score_results (run_id, level, code, period, score, domain_scores, contributions, indicator_scores, reliability, low_reliability, rank)
            SELECT @Run, 'district', code, period, score, '{}', '{}', '{}', 1, false, 0
            FROM unnest(@codes::text[], @periods::text[], @scores::float8[]) AS t (code, period, score)
            """, new { Run, codes, periods, scores }, transaction);
        await EmergingHotSpotWriter.WriteAsync(connection, transaction, Run, Periods);
        await transaction.CommitAsync();
    }
}

public class EmergingHotSpotHistoryTests(EmergingHistoryDatabase db) : IClassFixture<EmergingHistoryDatabase>
{
    private async Task<Dictionary<string, (EmergingCategory Category, int?[] Bins, double? TrendZ)>> DistrictsAsync() =>
        (await db.QueryAsync<(string Code, string Category, string Bins, double? TrendZ)>(
            "SELECT code, category, array_to_json(bins)::text, trend_z FROM emerging_hot_spots WHERE run_id = @Run AND level = 'district'", new { db.Run }))
        .ToDictionary(r => r.Code, r => (EmergingCategories.FromCode(r.Category), JsonSerializer.Deserialize<int?[]>(r.Bins)!, r.TrendZ));

    [Fact]
    public async Task A_block_of_neighbouring_districts_rising_together_is_an_intensifying_hot_spot()
    {
        var districts = await DistrictsAsync();

        Assert.Equal(224, districts.Count);
        // Almaly's neighbours are all Almaty city's: hot in every quarter, its Gi* rising with the block.
        Assert.Equal(EmergingCategory.IntensifyingHotSpot, districts["751110000"].Category);
        Assert.True(districts["751110000"].TrendZ > 2);
        Assert.All(districts.Where(d => d.Key.StartsWith("75", StringComparison.Ordinal)), d =>
        {
            Assert.Contains(d.Value.Category, new[] { EmergingCategory.IntensifyingHotSpot, EmergingCategory.PersistentHotSpot });
            Assert.True(d.Value.Bins[^1] >= 2, $"{d.Key} is hot at 95 % in the final quarter");
        });
        Assert.All(districts.Values, d => Assert.Equal(EmergingHistoryDatabase.Periods.Length, d.Bins.Length));
    }

    [Fact]
    public async Task A_block_high_in_the_final_quarter_only_is_a_new_hot_spot()
    {
        var districts = await DistrictsAsync();

        // Karatau: three of its four neighbours are Shymkent's.
        Assert.Equal(EmergingCategory.NewHotSpot, districts["791710000"].Category);
        Assert.All(districts.Where(d => d.Key.StartsWith("79", StringComparison.Ordinal)), d =>
            Assert.Contains(d.Value.Category, new[] { EmergingCategory.NewHotSpot, EmergingCategory.NoPattern }));
    }

    [Fact]
    public async Task A_lone_high_district_among_low_ones_is_not_a_hot_spot()
    {
        var districts = await DistrictsAsync();

        Assert.Equal(EmergingCategory.NoPattern, districts[db.Lone].Category);
        Assert.All(districts[db.Lone].Bins, bin => Assert.True(bin < 2));
        // Nothing is a hot or cold spot where nothing clusters: every district away from the two cities has no pattern.
        Assert.All(districts.Where(d => d.Key[..2] is not ("75" or "19" or "79" or "61")), d => Assert.Equal(EmergingCategory.NoPattern, d.Value.Category));
    }
}
