using Microsoft.Extensions.DependencyInjection;
using RiskMap.Data.Access;
using RiskMap.Data.Vintages;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests.Vintages;

public class VintageDeletionTests(TwoVintagesDatabase db) : IClassFixture<TwoVintagesDatabase>
{
    private static AuditEntry By(string action) => new("steward", "steward", action, null, new Dictionary<string, object?>(), null);

    private Task<VintageDeletionOutcome> DeleteAsync(int vintage) =>
        db.Services.GetRequiredService<VintageDeletion>().DeleteAsync(vintage, By(AuditLog.Actions.VintageDeleted));

    [Fact]
    public async Task Deleting_a_vintage_is_refused_while_observations_of_its_quarters_refer_to_it_then_allowed_and_never_the_current_one()
    {
        Assert.Equal(VintageDeletionStatus.Current, (await DeleteAsync(2024)).Status);

        var dates = db.Services.GetRequiredService<VintageDates>();
        Assert.Equal(VintageDatesStatus.Set, (await dates.SetAsync(2018, new DateOnly(2018, 1, 1), new DateOnly(2030, 12, 31), By(AuditLog.Actions.VintageDatesSet))).Status);
        var before = await db.DataFingerprintAsync();
        var refused = await DeleteAsync(2018);
        Assert.Equal(VintageDeletionStatus.Refused, refused.Status);
        var demoQuarters = await db.QueryAsync<string>("SELECT DISTINCT period FROM observations ORDER BY period");
        Assert.Equal(demoQuarters, refused.References.Where(r => r.Kind == "observations").Select(r => r.Reference));
        Assert.Equal(before, await db.DataFingerprintAsync());

        Assert.Equal(VintageDatesStatus.Set, (await dates.SetAsync(2018, null, null, By(AuditLog.Actions.VintageDatesSet))).Status);
        Assert.Equal(VintageDeletionStatus.Deleted, (await DeleteAsync(2018)).Status);

        Assert.Equal([2024], await db.QueryAsync<int>("SELECT vintage FROM boundary_vintages"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM boundary_units WHERE vintage = 2018"));
        Assert.Equal((20L, "Astana (city)"), (await db.ScalarAsync<long>("SELECT count(*) FROM regions"),
            await db.ScalarAsync<string>("SELECT name_en FROM regions WHERE kato = '710000000'")));
        Assert.Equal("{\"units\": 233, \"vintage\": 2018}", await db.ScalarAsync<string>("SELECT details::text FROM audit_log WHERE action = 'vintage-deleted'"));
        Assert.Equal(VintageDeletionStatus.Unknown, (await DeleteAsync(2018)).Status);
    }
}
