using System.Runtime.InteropServices;
using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Privacy;
using RiskMap.Core.Scoring;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Scoring;

/// <summary>
/// Two score runs side by side (typically one per methodology), so analysts can explain what a change of method does:
/// each unit's risk level and rank under each run and the differences, with summary figures. Every row comes from
/// <see cref="SeenScores"/> with the caller's scope, and only units the caller sees in full are compared (ranks exist
/// for no others).
/// </summary>
public sealed class ScoreComparisonQueries(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    private sealed class RunRow
    {
        public long Id { get; init; }
        public string MethodologyVersion { get; init; } = null!;
        public DateTime StartedAt { get; init; }
        public string[] Periods { get; init; } = null!;
        public bool Published { get; init; }
    }

    private sealed class UnitRow
    {
        public string Code { get; init; } = null!;
        public string NameKk { get; init; } = null!;
        public string NameRu { get; init; } = null!;
        public string? NameEn { get; init; }
        public string? RegionKato { get; init; }
        public string? DistrictKato { get; init; }
        public string Period { get; init; } = null!;
        public int? Class { get; init; }
        public int? Rank { get; init; }
        public int? RankLow { get; init; }
        public int? RankHigh { get; init; }
    }

    /// <summary>The newest succeeded run made with the method, or null.</summary>
    public async Task<long?> LatestRunAsync(string methodologyVersion)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long?>(
            "SELECT max(id) FROM score_runs WHERE status = 'succeeded' AND methodology_version = @methodologyVersion", new { methodologyVersion });
    }

    /// <param name="period">A quarter both runs cover; null: the latest such quarter.</param>
    /// <returns>Null when either run is unknown or did not succeed; throws <see cref="ArgumentException"/> (parameter
    /// <c>period</c>) when the runs share no quarter or not the one asked for.</returns>
    public async Task<ScoreComparison?> CompareAsync(long baseRun, long otherRun, EntityLevel level, string? period, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        if (await RunAsync(connection, baseRun) is not { } baseInfo || await RunAsync(connection, otherRun) is not { } otherInfo) return null;
        var common = baseInfo.Periods.Intersect(otherInfo.Periods).ToList();
        var quarter = period ?? common.LastOrDefault();
        if (quarter is null || !common.Contains(quarter))
            throw new ArgumentException(
                $"Runs {baseRun} and {otherRun} can be compared only in a quarter both cover: {(common.Count == 0 ? "they share none" : string.Join(", ", common))}.",
                nameof(period));

        var baseUnits = await UnitsAsync(connection, baseRun, level, scope);
        var otherUnits = await UnitsAsync(connection, otherRun, level, scope);
        var baseNow = baseUnits.Where(u => u.Period == quarter).ToDictionary(u => u.Code);
        var otherNow = otherUnits.Where(u => u.Period == quarter).ToDictionary(u => u.Code);
        var units = baseNow.Keys.Union(otherNow.Keys)
            .Select(code => Compare(baseNow.GetValueOrDefault(code), otherNow.GetValueOrDefault(code)))
            .OrderByDescending(u => Math.Abs(u.ClassChange ?? 0)).ThenByDescending(u => Math.Abs(u.RankChange ?? 0)).ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        return new ScoreComparison(level.ToCode(), quarter, Describe(baseInfo, baseUnits, quarter), Describe(otherInfo, otherUnits, quarter),
            Summarise(units), units);
    }

    private static UnitComparison Compare(UnitRow? under, UnitRow? other)
    {
        var unit = under ?? other!;
        return new UnitComparison(unit.Code, unit.NameKk, unit.NameRu, unit.NameEn, unit.RegionKato, unit.DistrictKato,
            under?.Class, other?.Class, other?.Class - under?.Class, under?.Rank, other?.Rank, other?.Rank - under?.Rank);
    }

    private static ComparisonSummary Summarise(IReadOnlyList<UnitComparison> units)
    {
        var both = units.Where(u => u.ClassChange is not null).ToList();
        var rankChanges = units.Where(u => u.RankChange is not null).Select(u => (double)Math.Abs(u.RankChange!.Value)).ToList();
        return new ComparisonSummary(
            both.Count,
            both.Count(u => u.ClassChange != 0),
            both.Count(u => u.ClassChange > 0),
            both.Count(u => u.ClassChange < 0),
            both.Where(u => u.ClassChange != 0).GroupBy(u => Math.Abs(u.ClassChange!.Value)).OrderBy(g => g.Key)
                .Select(g => new ClassShift(g.Key, g.Count())).ToList(),
            Median(rankChanges),
            rankChanges.Count == 0 ? null : (int)rankChanges.Max());
    }

    /// <summary>The run's level distribution in the quarter, its stability quarter by quarter and its rank-band width.</summary>
    private static ComparedRun Describe(RunRow run, IReadOnlyList<UnitRow> units, string quarter)
    {
        var byQuarter = units.Where(u => u.Class is not null).ToLookup(u => u.Period);
        var stability = run.Periods.Zip(run.Periods.Skip(1), (before, after) =>
        {
            var earlier = byQuarter[before].ToDictionary(u => u.Code, u => u.Class);
            var pairs = byQuarter[after].Where(u => earlier.ContainsKey(u.Code)).ToList();
            var changed = pairs.Count(u => earlier[u.Code] != u.Class);
            return new QuarterStability(after, pairs.Count, changed, pairs.Count == 0 ? null : (double)changed / pairs.Count);
        }).ToList();
        var classes = Enumerable.Range(1, 5).Select(riskClass => byQuarter[quarter].Count(u => u.Class == riskClass)).ToList();
        // Rank bands are made for the run's latest quarter, and shown only to callers who see the whole country.
        var widths = units.Where(u => u.RankLow is not null && u.RankHigh is not null).Select(u => (double)(u.RankHigh!.Value - u.RankLow!.Value)).ToList();
        return new ComparedRun(run.Id, run.MethodologyVersion, new DateTimeOffset(DateTime.SpecifyKind(run.StartedAt, DateTimeKind.Utc)),
            run.Published, classes, stability, Median(widths));
    }

    private static double? Median(List<double> values) =>
        values.Count == 0 ? null : Statistics.PercentileUnsorted(CollectionsMarshal.AsSpan(values), 0.5);

    private static Task<RunRow?> RunAsync(NpgsqlConnection connection, long run) =>
        connection.QuerySingleOrDefaultAsync<RunRow>("""
            SELECT r.id, r.methodology_version AS MethodologyVersion, r.started_at AS StartedAt, r.periods,
                   EXISTS (SELECT 1 FROM published_score_run p WHERE p.run_id = r.id) AS Published
            FROM score_runs r WHERE r.id = @run AND r.status = 'succeeded'
            """, new { run });

    /// <summary>Every quarter's composite level and rank of the units the caller sees in full.</summary>
    private async Task<IReadOnlyList<UnitRow>> UnitsAsync(NpgsqlConnection connection, long run, EntityLevel level, AccessScope scope) =>
        (await connection.QueryAsync<UnitRow>($"""
            WITH {SeenScores.Ctes(level, ScoreMeasure.Composite, everyQuarter: true)}
            SELECT s.code, s.name_kk AS NameKk, s.name_ru AS NameRu, s.name_en AS NameEn, s.region_kato AS RegionKato,
                   s.district_kato AS DistrictKato, s.period, s.class, s.rank, s.rank_low AS RankLow, s.rank_high AS RankHigh
            FROM seen_scores s WHERE s.detailed
            """, SeenScores.CompositeParameters(new { run }, scope, smallAreas))).ToList();
}

/// <param name="Base">The run compared from; <paramref name="Other"/> the run compared with it.</param>
public sealed record ScoreComparison(string Level, string Period, ComparedRun Base, ComparedRun Other, ComparisonSummary Summary,
    IReadOnlyList<UnitComparison> Units);

/// <param name="Classes">Units at each risk level 1–5 in the compared quarter.</param>
/// <param name="Stability">For each quarter after the run's first: of the units with a risk level in it and the quarter before, how many changed it.</param>
/// <param name="MedianRankBandWidth">The median of rank_high − rank_low over the run's latest quarter; null for callers who do not see the whole country.</param>
public sealed record ComparedRun(long Id, string MethodologyVersion, DateTimeOffset StartedAt, bool Published, IReadOnlyList<int> Classes,
    IReadOnlyList<QuarterStability> Stability, double? MedianRankBandWidth);

/// <param name="Share">Changed ÷ Units; null without units.</param>
public sealed record QuarterStability(string Period, int Units, int Changed, double? Share);

/// <param name="Units">Units with a risk level under both runs.</param>
/// <param name="Higher">Units at a higher risk level under the other run; <paramref name="Lower"/> at a lower one.</param>
/// <param name="Shifts">How many units moved by 1, 2, … risk levels.</param>
/// <param name="MedianRankChange">Median absolute rank change; <paramref name="MaxRankChange"/> the largest.</param>
public sealed record ComparisonSummary(int Units, int ChangedClass, int Higher, int Lower, IReadOnlyList<ClassShift> Shifts,
    double? MedianRankChange, int? MaxRankChange);

public sealed record ClassShift(int By, int Units);

/// <param name="ClassChange">Other risk level − base risk level (positive: riskier under the other run).</param>
/// <param name="RankChange">Other rank − base rank (negative: ranked riskier under the other run).</param>
public sealed record UnitComparison(string Code, string NameKk, string NameRu, string? NameEn, string? RegionKato, string? DistrictKato,
    int? BaseClass, int? OtherClass, int? ClassChange, int? BaseRank, int? OtherRank, int? RankChange);
