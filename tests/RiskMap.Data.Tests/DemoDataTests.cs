using System.Globalization;
using RiskMap.Data.Demo;
using RiskMap.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace RiskMap.Data.Tests;

public class DemoDataTests(DemoDatabase db) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task The_demo_has_the_real_units_and_each_region_s_real_number_of_schools_all_inside_districts()
    {
        Assert.Equal(20, await db.ScalarAsync<long>("SELECT count(*) FROM regions"));
        Assert.Equal(224, await db.ScalarAsync<long>("SELECT count(*) FROM districts"));
        Assert.Equal(7_687, await db.ScalarAsync<long>("SELECT count(*) FROM schools WHERE source = 'demo'"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM schools WHERE district_kato IS NULL"));

        var expected = File.ReadAllLines(GeoData.File("kz_adm1_schools_2022.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => long.Parse(f[4], CultureInfo.InvariantCulture));
        var actual = (await db.QueryAsync<(string Region, long Schools)>("SELECT region_kato, count(*) FROM schools GROUP BY 1"))
            .ToDictionary(r => r.Region, r => r.Schools);
        Assert.Equal(expected.Where(e => e.Key != "000000000").OrderBy(e => e.Key), actual.OrderBy(a => a.Key));
    }

    [Fact]
    public async Task Pupils_and_yearly_counts_are_calibrated_to_the_national_figures()
    {
        Assert.InRange(await db.ScalarAsync<long>("SELECT sum(pupils) FROM schools"), 3_600_000, 3_800_000);
        var yearly = (await db.QueryAsync<(string Indicator, double Total)>(
                "SELECT indicator_code, sum(value) FROM observations WHERE period LIKE '2024%' GROUP BY 1"))
            .ToDictionary(r => r.Indicator, r => r.Total);
        foreach (var (indicator, national) in new[] { ("suicides", 155.0), ("suicide_attempts", 309.0), ("offences_by_minors", 1_735.0),
                     ("offences_against_minors", 2_005.0), ("sexual_offences_against_minors", 719.0) })
        {
            Assert.InRange(yearly[indicator], national * 0.8, national * 1.2);
        }
    }

    [Fact]
    public async Task Eight_quarters_cover_every_indicator_with_some_values_missing_and_a_few_clear_hotspots()
    {
        Assert.Equal(Enumerable.Range(0, 8).Select(i => DemoObservationGenerator.Nth(i).ToString()),
            await db.QueryAsync<string>("SELECT DISTINCT period FROM observations ORDER BY 1"));
        Assert.Equal(await db.ScalarAsync<long>("SELECT count(*) FROM indicators"),
            await db.ScalarAsync<long>("SELECT count(DISTINCT indicator_code) FROM observations"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM observations WHERE source <> 'demo'"));
        var missing = await db.ScalarAsync<long>("""
            SELECT count(*) FROM schools s CROSS JOIN (SELECT DISTINCT period FROM observations) p
            WHERE NOT EXISTS (SELECT 1 FROM observations o WHERE o.entity_code = s.code AND o.period = p.period
                              AND o.indicator_code = 'screening_high_risk_share')
            """);
        Assert.InRange(missing, 1, 7_687 * 8 / 10);

        // A hotspot: a district whose rate of offences against minors is over twice the national rate.
        var hotspots = await db.ScalarAsync<long>("""
            WITH rates AS (SELECT entity_code, sum(value) / max(denominator) AS rate FROM observations
                           WHERE indicator_code = 'offences_against_minors' GROUP BY 1)
            SELECT count(*) FROM rates WHERE rate > 2 * (SELECT sum(rate * 1) / count(*) FROM rates)
            """);
        Assert.InRange(hotspots, 1, 30);
    }

    [Fact]
    public async Task Loading_again_changes_nothing()
    {
        var before = await db.DataFingerprintAsync();
        var steps = await db.Services.GetRequiredService<DemoDataLoader>().LoadAsync(GeoData.Directory);
        Assert.Empty(steps);
        Assert.Equal(before, await db.DataFingerprintAsync());
    }
}
