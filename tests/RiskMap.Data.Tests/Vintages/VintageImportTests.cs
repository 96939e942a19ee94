using Microsoft.Extensions.DependencyInjection;
using RiskMap.Data.Imports;
using RiskMap.Data.Scoring;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests.Vintages;

/// <summary>Issue 15: the real 2018 boundaries imported over the scored 2024 demo.</summary>
public class VintageImportTests(ScoredDemoDatabase demo) : IClassFixture<ScoredDemoDatabase>
{
    private const string NamesAndPlacement = """
        SELECT md5(concat_ws('#',
            (SELECT string_agg(concat_ws(',', kato, name_en, name_ru, vintage, ST_AsEWKB(geom)), '|' ORDER BY kato) FROM regions),
            (SELECT string_agg(concat_ws(',', kato, name_en, name_ru, vintage, ST_AsEWKB(geom)), '|' ORDER BY kato) FROM districts),
            (SELECT string_agg(concat_ws(',', code, district_kato, region_kato), '|' ORDER BY code) FROM schools)))
        """;

    [Fact]
    public async Task Importing_2018_after_2024_changes_no_2024_unit_no_school_s_district_and_publishes_no_run()
    {
        var before = await demo.ScalarAsync<string>(NamesAndPlacement);
        var published = await demo.ScalarAsync<long>("SELECT run_id FROM published_score_run");

        var regions = await demo.ImportAsync(ImportKind.Boundaries, GeoData.File("kz_adm1_2018.geojson"), new ImportOptions { Level = Core.Geography.EntityLevel.Region });
        var districts = await demo.ImportAsync(ImportKind.Boundaries, GeoData.File("kz_adm2_2018.geojson"), new ImportOptions { Level = Core.Geography.EntityLevel.District });

        Assert.Equal(before, await demo.ScalarAsync<string>(NamesAndPlacement));
        Assert.Equal(("Astana (city)", "Konaiev"), (
            await demo.ScalarAsync<string>("SELECT name_en FROM regions WHERE kato = '710000000'"),
            await demo.ScalarAsync<string>("SELECT name_en FROM districts WHERE kato = '191000000'")));
        Assert.Equal((20L, 224L), (await demo.ScalarAsync<long>("SELECT count(*) FROM regions"), await demo.ScalarAsync<long>("SELECT count(*) FROM districts")));

        // Both vintages are kept, each whole, and 2024 stays current.
        Assert.Equal((17, 216), (regions.Counts.Inserted, districts.Counts.Inserted));
        Assert.Equal(
            [(2018, "district", 216L), (2018, "region", 17L), (2024, "district", 224L), (2024, "region", 20L)],
            await demo.QueryAsync<(int, string, long)>("SELECT vintage, level, count(*) FROM boundary_units GROUP BY 1, 2 ORDER BY 1, 2"));
        Assert.Equal("Nur-Sultan (city)", await demo.ScalarAsync<string>(
            "SELECT name_en FROM boundary_units WHERE level = 'region' AND kato = '710000000' AND vintage = 2018"));
        Assert.Equal(2024, await demo.ScalarAsync<int>("SELECT current_boundary_vintage()"));

        // Nothing the scores read changed: the import watch has nothing to recompute.
        var outcome = await demo.Services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Import, "test");
        Assert.Equal(ScoreRunStatus.Unchanged, outcome.Status);
        Assert.Equal(published, await demo.ScalarAsync<long>("SELECT run_id FROM published_score_run"));
    }
}
