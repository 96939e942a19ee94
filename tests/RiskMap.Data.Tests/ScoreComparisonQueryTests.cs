using Microsoft.Extensions.DependencyInjection;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Data.Scoring;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

/// <summary>The comparison of two hand-made runs (<see cref="ComparedRunsDatabase"/>), worked out by hand.</summary>
public class ScoreComparisonQueryTests(ComparedRunsDatabase db) : IClassFixture<ComparedRunsDatabase>
{
    private ScoreComparisonQueries Comparisons => db.Services.GetRequiredService<ScoreComparisonQueries>();

    private static readonly AccessScope Analyst = AccessScope.For("analyst", Role.Analyst);

    [Fact]
    public async Task Each_unit_has_its_risk_level_and_rank_under_both_runs_and_the_summary_counts_the_changes()
    {
        var comparison = (await Comparisons.CompareAsync(db.BaseRun, db.OtherRun, EntityLevel.Region, null, Analyst))!;

        Assert.Equal("2025Q4", comparison.Period);
        var r = db.Regions;
        // (code, base level, other level, base rank, other rank): largest level change first, then the largest rank change, then by code
        // (Astana 710000000 before Almaty 750000000).
        Assert.Equal(
            [(r[3], 3, 1, 3, 4), (r[2], 1, 2, 4, 3), (r[1], 4, 3, 2, 2), (r[0], 4, 5, 1, 1)],
            comparison.Units.Select(u => (u.Code, u.BaseClass!.Value, u.OtherClass!.Value, u.BaseRank!.Value, u.OtherRank!.Value)));
        Assert.All(comparison.Units, u => Assert.Equal((u.OtherClass - u.BaseClass, u.OtherRank - u.BaseRank), (u.ClassChange, u.RankChange)));

        var summary = comparison.Summary;
        Assert.Equal((4, 4, 2, 2), (summary.Units, summary.ChangedClass, summary.Higher, summary.Lower));
        Assert.Equal([new ClassShift(1, 3), new ClassShift(2, 1)], summary.Shifts);
        Assert.Equal((0.5, 1), (summary.MedianRankChange, summary.MaxRankChange));

        Assert.Equal([1, 0, 1, 2, 0], comparison.Base.Classes);
        Assert.Equal([1, 1, 1, 0, 1], comparison.Other.Classes);
        Assert.Equal([new QuarterStability("2025Q4", 4, 3, 0.75)], comparison.Base.Stability);
        Assert.Equal([new QuarterStability("2025Q4", 4, 1, 0.25)], comparison.Other.Stability);
        Assert.Equal((1.5, 1.0), (comparison.Base.MedianRankBandWidth, comparison.Other.MedianRankBandWidth));
        Assert.Equal(("riskmap-1.0", "riskmap-2.0"), (comparison.Base.MethodologyVersion, comparison.Other.MethodologyVersion));
    }

    [Fact]
    public async Task A_planner_compares_only_their_own_region_ranked_among_their_scope_without_national_rank_bands()
    {
        var planner = AccessScope.For("planner-75", Role.Planner, ComparedRunsDatabase.Almaty);
        var comparison = (await Comparisons.CompareAsync(db.BaseRun, db.OtherRun, EntityLevel.Region, "2025Q3", planner))!;

        var unit = Assert.Single(comparison.Units);
        Assert.Equal((ComparedRunsDatabase.Almaty, 5, 5, 1, 1), (unit.Code, unit.BaseClass, unit.OtherClass, unit.BaseRank, unit.OtherRank));
        Assert.Equal([0, 0, 0, 0, 1], comparison.Base.Classes);
        Assert.Equal([new QuarterStability("2025Q4", 1, 1, 1.0)], comparison.Base.Stability);
        Assert.Null(comparison.Base.MedianRankBandWidth);
    }

    [Fact]
    public async Task A_quarter_the_runs_do_not_share_or_an_unknown_run_is_refused()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Comparisons.CompareAsync(db.BaseRun, db.OtherRun, EntityLevel.Region, "2025Q1", Analyst));
        Assert.Equal("period", e.ParamName);
        Assert.Null(await Comparisons.CompareAsync(db.BaseRun, db.OtherRun + 1000, EntityLevel.Region, null, Analyst));
        Assert.Equal(db.OtherRun, await Comparisons.LatestRunAsync("riskmap-2.0"));
    }
}
