using Microsoft.Extensions.DependencyInjection;
using RiskMap.Data.Access;
using RiskMap.Data.Scoring;
using RiskMap.Data.Vintages;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests.Vintages;

public class VintageSwitchTests(TwoVintagesDatabase db) : IClassFixture<TwoVintagesDatabase>
{
    private const string Placement = "SELECT md5(string_agg(concat_ws(',', code, district_kato, region_kato), '|' ORDER BY code)) FROM schools";

    private static AuditEntry By(string actor) => new(actor, "steward", AuditLog.Actions.VintageSwitched, null, new Dictionary<string, object?>(), null);

    private Task<VintageSwitchOutcome> UseAsync(int vintage, string actor = "test") =>
        db.Services.GetRequiredService<VintageSwitch>().UseAsync(vintage, By(actor));

    private async Task<long> RecomputeAsync()
    {
        var outcome = await db.Services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "test");
        Assert.Equal(ScoreRunStatus.Succeeded, outcome.Status);
        return outcome.RunId!.Value;
    }

    private Task<long> PublishedRegionScoresAsync() => db.ScalarAsync<long>("""
        SELECT count(DISTINCT r.code) FROM score_results r JOIN published_score_run p ON p.run_id = r.run_id
        JOIN regions g ON g.kato = r.code WHERE r.level = 'region'
        """);

    [Fact]
    public async Task The_switch_moves_map_schools_and_scores_together_and_back()
    {
        var placement2024 = await db.ScalarAsync<string>(Placement);
        var version = await db.ScalarAsync<long>("SELECT version FROM boundary_version");

        Assert.Equal(VintageSwitchStatus.Switched, (await UseAsync(2018, "steward-a")).Status);

        Assert.Equal((17L, 216L), (await db.ScalarAsync<long>("SELECT count(*) FROM regions"), await db.ScalarAsync<long>("SELECT count(*) FROM districts")));
        Assert.Equal("Nur-Sultan (city)", await db.ScalarAsync<string>("SELECT name_en FROM regions WHERE kato = '710000000'"));
        Assert.NotEqual(placement2024, await db.ScalarAsync<string>(Placement));
        Assert.Equal(0L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM schools s WHERE NOT EXISTS (SELECT 1 FROM boundary_units u WHERE u.vintage = 2018 AND u.level = 'district' AND u.kato = s.district_kato)"));
        // No 2024 score is shown on the 2018 shapes; tiles and boundary caches are keyed anew; the switch is audited.
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM published_score_run"));
        Assert.True(await db.ScalarAsync<long>("SELECT version FROM boundary_version") > version);
        Assert.Equal("{\"to\": 2018, \"from\": 2024}", await db.ScalarAsync<string>(
            "SELECT details::text FROM audit_log WHERE action = 'vintage-switched' AND actor = 'steward-a'"));

        var run2018 = await RecomputeAsync();
        Assert.Equal(2018, await db.ScalarAsync<int>("SELECT boundary_vintage FROM score_runs WHERE id = @run2018", new { run2018 }));
        Assert.Equal(17, await PublishedRegionScoresAsync());

        Assert.Equal(VintageSwitchStatus.Switched, (await UseAsync(2024)).Status);
        Assert.Equal(20L, await db.ScalarAsync<long>("SELECT count(*) FROM regions"));
        Assert.Equal("Astana (city)", await db.ScalarAsync<string>("SELECT name_en FROM regions WHERE kato = '710000000'"));
        Assert.Equal(placement2024, await db.ScalarAsync<string>(Placement));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM published_score_run"));
        await RecomputeAsync();
        Assert.Equal(20, await PublishedRegionScoresAsync());
    }

    [Fact]
    public async Task A_switch_is_refused_listing_the_users_and_programmes_on_units_the_vintage_lacks_and_changes_nothing()
    {
        // Abai region (100000000) was created in 2022: 2018 has no such unit.
        await db.ExecuteAsync("""
            INSERT INTO users (username, display_name, role, scope_region, password_hash) VALUES ('planner-abai', 'Abai planner', 'planner', '100000000', 'x')
            """);
        try
        {
            var before = await db.DataFingerprintAsync();
            var outcome = await UseAsync(2018);
            Assert.Equal(VintageSwitchStatus.Refused, outcome.Status);
            Assert.Contains(new VintageDependent("user", "planner-abai", "region", "100000000"), outcome.Dependents);
            Assert.Equal(before, await db.DataFingerprintAsync());
            Assert.Equal(2024, await db.ScalarAsync<int>("SELECT current_boundary_vintage()"));
        }
        finally
        {
            await db.ExecuteAsync("DELETE FROM users WHERE username = 'planner-abai'");
        }
    }

    [Fact]
    public async Task A_run_made_on_the_old_vintage_cannot_be_published_on_the_new_one()
    {
        var old = await db.ScalarAsync<long>("SELECT max(id) FROM score_runs WHERE boundary_vintage = 2024 AND status = 'succeeded'");
        await db.ExecuteAsync("UPDATE boundary_vintages SET is_current = false WHERE vintage = 2024");
        try
        {
            var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
                db.ExecuteAsync("INSERT INTO published_score_run (run_id) VALUES (@old) ON CONFLICT (singleton) DO UPDATE SET run_id = EXCLUDED.run_id", new { old }));
            Assert.Equal(Npgsql.PostgresErrorCodes.CheckViolation, refused.SqlState);
        }
        finally
        {
            await db.ExecuteAsync("UPDATE boundary_vintages SET is_current = true WHERE vintage = 2024");
        }
    }
}
