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
    public async Task Pupils_and_each_calendar_year_s_counts_are_calibrated_to_the_national_figures()
    {
        Assert.InRange(await db.ScalarAsync<long>("SELECT sum(pupils) FROM schools"), 3_600_000, 3_800_000);
        var yearly = (await db.QueryAsync<(string Indicator, string Year, double Total)>(
                "SELECT indicator_code, left(period, 4), sum(value) FROM observations GROUP BY 1, 2"))
            .ToDictionary(r => (r.Indicator, r.Year), r => r.Total);
        foreach (var count in DemoObservationGenerator.Counts)
        {
            foreach (var year in new[] { "2023", "2024", "2025" })
            {
                // A few per cent for the missing values (3 % of school reports, three districts' last quarter), plus
                // three Poisson standard deviations, which is most of the spread for the rarer counts (suicides: ±12 a year).
                var allowed = 0.04 * count.PerYear + 3 * Math.Sqrt(count.PerYear);
                Assert.True(Math.Abs(yearly[(count.Indicator, year)] - count.PerYear) <= allowed,
                    $"{count.Indicator} in {year}: {yearly[(count.Indicator, year)]}, the table says {count.PerYear} (± {allowed:0})");
            }
        }
    }

    [Fact]
    public async Task School_counts_drop_in_the_summer_quarter_of_every_year()
    {
        var quarterly = (await db.QueryAsync<(string Indicator, string Period, double Total)>("""
                SELECT indicator_code, period, sum(value) FROM observations
                WHERE indicator_code IN ('bullying_reports', 'self_harm_referrals') GROUP BY 1, 2
                """)).ToDictionary(r => (r.Indicator, r.Period), r => r.Total);
        foreach (var indicator in new[] { "bullying_reports", "self_harm_referrals" })
        {
            foreach (var year in new[] { "2023", "2024", "2025" })
                Assert.True(quarterly[(indicator, year + "Q3")] < quarterly[(indicator, year + "Q2")],
                    $"{indicator} {year}: Q2 {quarterly[(indicator, year + "Q2")]}, Q3 {quarterly[(indicator, year + "Q3")]}");
        }
    }

    [Fact]
    public async Task The_rising_districts_rate_is_higher_in_the_last_year_than_in_the_first_and_the_falling_ones_lower()
    {
        var scenario = await db.Services.GetRequiredService<DemoDataLoader>().ScenarioAsync(GeoData.Directory);
        Assert.InRange(scenario.Rising.Count, 224 * 6 / 100, 224 * 10 / 100);
        Assert.NotEmpty(scenario.Falling);
        // Every district count per pupil, first year (2023) against last (2025), each group's districts taken together.
        var rates = (await db.QueryAsync<(string District, string Year, double Count, double Pupils)>("""
                SELECT entity_code, left(period, 4), sum(value), sum(denominator) FROM observations
                WHERE entity_level = 'district' AND indicator_code <> 'minors_on_police_register' AND period NOT LIKE '2024%'
                GROUP BY 1, 2
                """)).ToList();
        double Change(Func<string, bool> inGroup)
        {
            double Rate(string year) => rates.Where(r => inGroup(r.District) && r.Year == year).Sum(r => r.Count)
                                        / rates.Where(r => inGroup(r.District) && r.Year == year).Sum(r => r.Pupils);
            return Rate("2025") / Rate("2023");
        }
        var rising = Change(scenario.Rising.Contains);
        var falling = Change(scenario.Falling.Contains);
        var others = Change(d => !scenario.Rising.Contains(d) && !scenario.Falling.Contains(d) && !scenario.Hotspots.Contains(d));

        Assert.True(rising > 1.2 && rising > others, $"rising districts ×{rising:0.00}, the others ×{others:0.00}");
        Assert.True(falling < others, $"falling districts ×{falling:0.00}, the others ×{others:0.00}");
    }

    [Fact]
    public async Task Twelve_quarters_from_2023Q1_to_2025Q4_cover_every_indicator_with_some_values_missing_and_a_few_clear_hotspots()
    {
        string[] quarters = [.. Enumerable.Range(2023, 3).SelectMany(y => Enumerable.Range(1, 4).Select(q => $"{y}Q{q}"))];
        Assert.Equal(quarters, await db.QueryAsync<string>("SELECT DISTINCT period FROM observations ORDER BY 1"));
        Assert.Equal(await db.ScalarAsync<long>("SELECT count(*) FROM indicators"),
            await db.ScalarAsync<long>("SELECT count(DISTINCT indicator_code) FROM observations"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM observations WHERE source <> 'demo'"));
        var missing = await db.ScalarAsync<long>("""
            SELECT count(*) FROM schools s CROSS JOIN (SELECT DISTINCT period FROM observations) p
            WHERE NOT EXISTS (SELECT 1 FROM observations o WHERE o.entity_code = s.code AND o.period = p.period
                              AND o.indicator_code = 'screening_high_risk_share')
            """);
        Assert.InRange(missing, 1, 7_687 * quarters.Length / 10);

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
