using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RiskMap.Core.Imports;
using RiskMap.Core.Localization;
using RiskMap.Data.Imports;
using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;
using RiskMap.TestSupport;
using RiskMap.Core.Geography;
using RiskMap.Data.Access;
using RiskMap.Data.Vintages;

namespace RiskMap.Data.Tests.Vintages;

/// <summary>
/// The crosswalk between the real 2018 districts and the demo's 2024 ones, as PostGIS stored it at the 2018 import, and
/// the history of 2018's quarters carried through it into today's districts.
/// </summary>
public sealed class CrosswalkTests(TwoVintagesDatabase db) : IClassFixture<TwoVintagesDatabase>, IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static AuditEntry By(string action) => new("steward", "steward", action, null, new Dictionary<string, object?>(), null);

    private Task<IReadOnlyList<CrosswalkRow>> DistrictsAsync(int from = 2018, int to = 2024) =>
        db.Services.GetRequiredService<BoundaryCrosswalk>().ReadAsync(from, to, EntityLevel.District);

    [Fact]
    public async Task Every_2018_district_is_shared_out_whole_by_area_and_by_pupils()
    {
        var rows = await DistrictsAsync();
        var sources = await db.QueryAsync<string>(
            "SELECT kato FROM boundary_units WHERE vintage = 2018 AND level = 'district' AND retired_at IS NULL ORDER BY kato");
        Assert.Equal(sources, rows.Select(r => r.SourceKato).Distinct().Order(StringComparer.Ordinal));
        foreach (var source in rows.GroupBy(r => r.SourceKato))
        {
            Assert.True(Math.Abs(source.Sum(r => r.AreaShare) - 1) < 1e-6, $"area shares of {source.Key} add up to {source.Sum(r => r.AreaShare)}");
            if (source.Any(r => r.PupilShare is not null))
                Assert.True(Math.Abs(source.Sum(r => r.PupilShare!.Value) - 1) < 1e-6, $"pupil shares of {source.Key} add up to {source.Sum(r => r.PupilShare)}");
        }
        // A source without schools has no pupil shares at all, never a partial set.
        Assert.All(rows.GroupBy(r => r.SourceKato), source => Assert.True(source.All(r => r.PupilShare is null) || source.All(r => r.PupilShare is not null)));
        Assert.Equal(await db.ScalarAsync<long>("SELECT count(DISTINCT source_kato) FROM boundary_crosswalk WHERE level = 'district' AND from_vintage = 2024"),
            await db.ScalarAsync<long>("SELECT count(*) FROM boundary_units WHERE vintage = 2024 AND level = 'district' AND retired_at IS NULL"));
    }

    [Fact]
    public async Task A_district_drawn_alike_in_both_vintages_maps_one_to_one_with_share_1()
    {
        // Kokshetau city: the same KATO code, and its 2018 and 2024 outlines differ by far less than 0.1 % of its area.
        Assert.True(await db.ScalarAsync<bool>("""
            SELECT ST_Area(ST_SymDifference(a.geom, b.geom)::geography) < 0.001 * ST_Area(a.geom::geography)
            FROM boundary_units a JOIN boundary_units b ON b.level = a.level AND b.kato = a.kato AND b.vintage = 2024
            WHERE a.level = 'district' AND a.kato = '111000000' AND a.vintage = 2018
            """));
        var row = Assert.Single(await DistrictsAsync(), r => r.SourceKato == "111000000");
        Assert.Equal(("111000000", "Kokshetau", 1.0, (double?)1.0), (row.TargetKato, row.TargetNameEn, row.AreaShare, row.PupilShare));
    }

    [Fact]
    public async Task A_district_split_in_two_maps_to_both_halves_by_the_ratio_of_their_areas()
    {
        // Urzhar (636400000) of 2018 was split: Urzhar (104600000) and Maqanshy (104500000) of the new Abai region.
        var shares = (await DistrictsAsync()).Where(r => r.SourceKato == "636400000").ToDictionary(r => r.TargetKato);
        Assert.Equal(["104500000", "104600000"], shares.Keys.Order(StringComparer.Ordinal));
        var areas = (await db.QueryAsync<(string Kato, double Km2)>("""
            SELECT t.kato, ST_Area(ST_Intersection(s.geom, t.geom)::geography) / 1e6
            FROM boundary_units s JOIN boundary_units t ON t.level = 'district' AND t.vintage = 2024 AND t.kato IN ('104500000', '104600000')
            WHERE s.level = 'district' AND s.vintage = 2018 AND s.kato = '636400000'
            """)).ToDictionary(a => a.Kato, a => a.Km2);
        foreach (var (kato, km2) in areas)
            Assert.Equal(km2 / areas.Values.Sum(), shares[kato].AreaShare, 9);
        Assert.InRange(shares["104600000"].AreaShare, 0.55, 0.65);
        Assert.Equal("Maqanshy", shares["104500000"].TargetNameEn);
        Assert.Equal("Urzhar", shares["104500000"].SourceNameEn);
    }

    [Fact]
    public async Task Retiring_a_unit_of_2018_takes_it_out_of_the_crosswalk_and_deleting_the_vintages_units_deletes_theirs()
    {
        Assert.Contains(await DistrictsAsync(), r => r.SourceKato == "356000000");
        var retired = await db.Services.GetRequiredService<UnitRetirement>().RetireAsync(2018, EntityLevel.District, "356000000",
            By(AuditLog.Actions.UnitRetired));
        Assert.Equal(UnitRetirementStatus.Retired, retired.Status);
        Assert.DoesNotContain(await DistrictsAsync(), r => r.SourceKato == "356000000");
        Assert.DoesNotContain(await DistrictsAsync(2024, 2018), r => r.TargetKato == "356000000");

        // As a vintage's deletion deletes its units: in a transaction rolled back, so the other tests keep 2018.
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        const string Rows = "SELECT count(*) FROM boundary_crosswalk WHERE level = 'district' AND 2018 IN (from_vintage, to_vintage)";
        Assert.True(await connection.ExecuteScalarAsync<long>(Rows, transaction: transaction) > 0);
        await connection.ExecuteAsync("DELETE FROM boundary_units WHERE vintage = 2018 AND level = 'district'", transaction: transaction);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>(Rows, transaction: transaction));
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task Quarters_in_force_in_2018_take_2018_codes_and_reach_todays_district_by_pupil_shares_in_values_counts_and_scores()
    {
        var dates = await db.Services.GetRequiredService<VintageDates>().SetAsync(2018, new DateOnly(2018, 1, 1), new DateOnly(2023, 12, 31),
            By(AuditLog.Actions.VintageDatesSet));
        Assert.Equal(VintageDatesStatus.Set, dates.Status);

        // A 2024-only district in a 2018 quarter, and a 2018-only one in a 2024 quarter: each refused, naming the vintage and quarter.
        var before = await db.DataFingerprintAsync();
        var refused = await ImportFailures.RejectedAsync(db, ImportKind.Indicators, _files.Write("wrong-vintage.csv", """
            entity_level,entity_code,indicator,period,value
            district,104500000,suicides,2023Q4,3
            district,636400000,suicides,2024Q1,3
            """));
        Assert.Equal([(2, "104500000", "district not in the 2018 boundaries in force in Q4 2023"), (3, "636400000", "district not in the 2024 boundaries in force in Q1 2024")],
            refused.Select(i => (i.Row ?? 0, i.Value, ImportProblemTexts.Describe(i.Detail!, Language.En, OptionSpelling.CommandLine))).Order());
        Assert.Equal("района нет в границах 2018 г., действовавших в период «4 квартал 2023 г.»",
            ImportProblemTexts.Describe(refused.Single(i => i.Row == 2).Detail!, Language.Ru, OptionSpelling.CommandLine));
        Assert.Equal(before, await db.DataFingerprintAsync());

        // Konaiev (191000000) of 2024 was drawn from parts of 2018's Talgar, Enbekshikazakh and Ile (and Kerbulak, without pupils there).
        await db.ImportAsync(ImportKind.Indicators, _files.Write("2018.csv", """
            entity_level,entity_code,indicator,period,value
            district,196200000,suicides,2023Q4,8
            district,194000000,suicides,2023Q4,6
            district,196800000,suicides,2023Q4,4
            district,196200000,chronic_absence_share,2023Q4,10
            district,194000000,chronic_absence_share,2023Q4,20
            district,196800000,chronic_absence_share,2023Q4,40
            """));
        var weights = (await db.QueryAsync<(string Source, double Weight)>("""
            SELECT source_kato, COALESCE(pupil_share, area_share) FROM boundary_crosswalk
            WHERE level = 'district' AND from_vintage = 2018 AND to_vintage = 2024 AND target_kato = '191000000'
              AND source_kato IN ('196200000', '194000000', '196800000')
            """)).ToDictionary(w => w.Source, w => w.Weight);
        Assert.Equal(3, weights.Count);
        var (talgar, enbekshikazakh, ile) = (weights["196200000"], weights["194000000"], weights["196800000"]);
        // By hand: counts are share-weighted sums, a percentage (no denominators) the share-weighted mean.
        var suicides = 8 * talgar + 6 * enbekshikazakh + 4 * ile;
        var absence = (10 * talgar + 20 * enbekshikazakh + 40 * ile) / (talgar + enbekshikazakh + ile);

        var values = db.Services.GetRequiredService<IndicatorValueQueries>();
        Assert.Equal(suicides, (await values.ReadAsync(EntityLevel.District, "suicides", "2023Q4", ["191000000"]))["191000000"].Value, 9);
        Assert.Equal(absence, (await values.ReadAsync(EntityLevel.District, "chronic_absence_share", "2023Q4", ["191000000"]))["191000000"].Value, 9);
        var count = (await db.Services.GetRequiredService<CountQueries>().HierarchyAsync("suicides", "2023Q4")).Single(r => r.Code == "191000000");
        Assert.Equal((Math.Max(Math.Round(suicides), 1), (int?)2018), (count.Value, count.CarriedFrom));
        // A 2024 quarter stays as observed.
        Assert.Null((await db.Services.GetRequiredService<CountQueries>().HierarchyAsync("suicides", "2025Q4")).Single(r => r.Code == "191000000").CarriedFrom);

        var run = await db.Services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "test");
        Assert.Equal(ScoreRunStatus.Succeeded, run.Status);
        Assert.Equal(1L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM score_results WHERE run_id = @run AND level = 'district' AND code = '191000000' AND period = '2023Q4' AND score IS NOT NULL
            """, new { run = run.RunId }));
    }
}
