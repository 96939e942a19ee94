using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Privacy;
using RiskMap.Core.Programmes;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Programmes;

/// <summary>The published run's quarters, indicators and unit series that effectiveness comparisons read.</summary>
public sealed class ScoreSeries(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    public sealed record Run(long Id, IReadOnlyList<string> Periods, IReadOnlyList<string> IndicatorCodes);

    /// <param name="Units">Every unit of the level in the region with its results, by code: the comparison groups are the same whoever reads.</param>
    /// <param name="SeenInFull">The codes of those units the reader sees in full (<see cref="SeenUnits"/>): only their figures may be shown.</param>
    public sealed record RegionSeries(IReadOnlyDictionary<string, UnitSeries> Units, IReadOnlySet<string> SeenInFull);

    private sealed class RunRow
    {
        public long Id { get; init; }
        public string[] Periods { get; init; } = null!;
        public string[] IndicatorCodes { get; init; } = null!;
    }

    // Dapper fills arrays through properties, not through record constructors.
    private sealed class ResultRow
    {
        public string Code { get; init; } = null!;
        public string Period { get; init; } = null!;
        public double? Score { get; init; }
        public short? Class { get; init; }
        public float[] IndicatorScores { get; init; } = null!;
    }

    public async Task<Run?> PublishedAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>("""
            SELECT r.id, r.periods, r.indicator_codes AS IndicatorCodes FROM published_score_run p JOIN score_runs r ON r.id = p.run_id
            """);
        return row is null ? null : new Run(row.Id, row.Periods, row.IndicatorCodes);
    }

    /// <summary>Every district or school of a region with its results in the run, and which of them the reader sees in full.</summary>
    public async Task<RegionSeries> RegionAsync(long run, EntityLevel level, string regionKato, AccessScope reader)
    {
        var units = level == EntityLevel.District ? "SELECT kato AS code FROM districts WHERE region_kato = @regionKato" : "SELECT code FROM schools WHERE region_kato = @regionKato";
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<ResultRow>($"""
            SELECT r.code, r.period, r.score, r.class, r.indicator_scores AS IndicatorScores
            FROM score_results r WHERE r.run_id = @run AND r.level = @level AND r.code IN ({units})
            """, new { run, level = level.ToCode(), regionKato });
        var seen = await connection.QueryAsync<string>($"SELECT u.code FROM ({SeenUnits.Seen(level)}) u WHERE u.region_kato = @regionKato AND u.sight = 'full'",
            SeenUnits.Parameters(new { regionKato }, reader, smallAreas));
        return new RegionSeries(
            rows.GroupBy(r => r.Code.Trim()).ToDictionary(g => g.Key, g => new UnitSeries(g.Key, g.ToDictionary(
                r => r.Period, r => new ScorePoint(r.Score, r.Class, r.IndicatorScores.Select(s => (double)s).ToList())))),
            seen.ToHashSet());
    }
}
