using Microsoft.Extensions.DependencyInjection;
using RiskMap.Core.Geography;
using RiskMap.Data.Access;
using RiskMap.Data.Vintages;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests.Vintages;

public class UnitRetirementTests(TwoVintagesDatabase db) : IClassFixture<TwoVintagesDatabase>
{
    private Task<UnitRetirementOutcome> RetireAsync(int vintage, EntityLevel level, string kato) =>
        db.Services.GetRequiredService<UnitRetirement>().RetireAsync(vintage, level, kato,
            new AuditEntry("steward-r", "steward", AuditLog.Actions.UnitRetired, null, new Dictionary<string, object?>(), null));

    [Fact]
    public async Task A_district_of_the_current_vintage_is_refused_while_a_user_works_in_it_then_leaves_the_map_with_its_schools_placed_again()
    {
        var district = await db.ScalarAsync<string>(
            "SELECT district_kato FROM schools WHERE district_kato IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
        var region = await db.ScalarAsync<string>("SELECT region_kato FROM districts WHERE kato = @district", new { district });
        var schools = await db.ScalarAsync<long>("SELECT count(*) FROM schools WHERE district_kato = @district", new { district });
        Assert.True(schools > 0);
        await db.ExecuteAsync("""
            INSERT INTO users (username, display_name, role, scope_region, scope_district, password_hash)
            VALUES ('education-retire', 'Education department', 'education', @region, @district, 'x')
            """, new { region, district });

        var before = await db.DataFingerprintAsync();
        var refused = await RetireAsync(2024, EntityLevel.District, district);
        Assert.Equal(UnitRetirementStatus.Refused, refused.Status);
        Assert.Equal([new VintageDependent("user", "education-retire", "district", district)], refused.Dependents);
        Assert.Equal(before, await db.DataFingerprintAsync());

        await db.ExecuteAsync("DELETE FROM users WHERE username = 'education-retire'");
        var version = await db.ScalarAsync<long>("SELECT version FROM boundary_version");
        Assert.Equal(UnitRetirementStatus.Retired, (await RetireAsync(2024, EntityLevel.District, district)).Status);

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM districts WHERE kato = @district", new { district }));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM schools WHERE district_kato = @district", new { district }));
        // Its schools stay in their region, outside every district left.
        Assert.Equal(schools, await db.ScalarAsync<long>(
            "SELECT count(*) FROM schools WHERE district_kato IS NULL AND region_kato = @region", new { region }));
        Assert.True(await db.ScalarAsync<bool>(
            "SELECT retired_at IS NOT NULL FROM boundary_units WHERE vintage = 2024 AND level = 'district' AND kato = @district", new { district }));
        Assert.True(await db.ScalarAsync<long>("SELECT version FROM boundary_version") > version);
        Assert.Equal($$"""{"kato": "{{district}}", "level": "district", "vintage": 2024}""", await db.ScalarAsync<string>(
            "SELECT details::text FROM audit_log WHERE action = 'unit-retired' AND actor = 'steward-r'"));
        Assert.Equal(223, (await db.Services.GetRequiredService<VintageQueries>().ListAsync()).Single(v => v.Vintage == 2024).Districts);
        Assert.Equal(UnitRetirementStatus.AlreadyRetired, (await RetireAsync(2024, EntityLevel.District, district)).Status);
    }

    [Fact]
    public async Task A_region_of_the_current_vintage_is_refused_while_its_districts_are_not_retired()
    {
        var refused = await RetireAsync(2024, EntityLevel.Region, "750000000");
        Assert.Equal(UnitRetirementStatus.Refused, refused.Status);
        var districts = await db.ScalarAsync<long>(
            "SELECT count(*) FROM boundary_units WHERE vintage = 2024 AND level = 'district' AND region_kato = '750000000' AND retired_at IS NULL");
        Assert.True(districts > 0);
        Assert.Equal(districts, refused.Dependents.Count(d => d is { Kind: "district", Level: "region", Kato: "750000000" }));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM regions WHERE kato = '750000000'"));
    }

    [Fact]
    public async Task A_unit_of_another_vintage_is_retired_without_touching_the_map_and_an_unknown_one_is_reported()
    {
        var map = await db.ScalarAsync<string>("SELECT md5(string_agg(kato || name_en, '|' ORDER BY kato)) FROM districts");
        var placement = await db.ScalarAsync<string>("SELECT md5(string_agg(concat_ws(',', code, district_kato), '|' ORDER BY code)) FROM schools");
        var district = await db.ScalarAsync<string>("SELECT min(kato) FROM boundary_units WHERE vintage = 2018 AND level = 'district'");

        Assert.Equal(UnitRetirementStatus.Retired, (await RetireAsync(2018, EntityLevel.District, district)).Status);

        Assert.Equal(215, (await db.Services.GetRequiredService<VintageQueries>().ListAsync()).Single(v => v.Vintage == 2018).Districts);
        Assert.Equal(map, await db.ScalarAsync<string>("SELECT md5(string_agg(kato || name_en, '|' ORDER BY kato)) FROM districts"));
        Assert.Equal(placement, await db.ScalarAsync<string>("SELECT md5(string_agg(concat_ws(',', code, district_kato), '|' ORDER BY code)) FROM schools"));
        Assert.Equal(UnitRetirementStatus.Unknown, (await RetireAsync(2018, EntityLevel.District, "999999999")).Status);
    }
}
