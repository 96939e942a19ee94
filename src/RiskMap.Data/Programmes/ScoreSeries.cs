using Dapper;
using Npgsql;
using RiskMap.Core.Programmes;

namespace RiskMap.Data.Programmes;

/// <summary>The published run's quarters, indicators and unit series that effectiveness comparisons read.</summary>
public sealed class ScoreSeries(NpgsqlDataSource dataSource)
{
    public sealed record Run(long Id, IReadOnlyList<string> Periods, IReadOnlyList<string> IndicatorCodes);

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
        public double[] Contributions { get; init; } = null!;
    }

    public async Task<Run?> PublishedAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>("""
            SELECT r.id, r.periods, r.indicator_codes AS IndicatorCodes FROM published_score_run p JOIN score_runs r ON r.id = p.run_id
            """);
        return row is null ? null : new Run(row.Id, row.Periods, row.IndicatorCodes);
    }

    /// <summary>Every district or school of a region with its results in the run, by code.</summary>
    public async Task<IReadOnlyDictionary<string, UnitSeries>> RegionAsync(long run, string level, string regionKato)
    {
        var units = level == "district" ? "SELECT kato AS code FROM districts WHERE region_kato = @regionKato" : "SELECT code FROM schools WHERE region_kato = @regionKato";
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<ResultRow>($"""
            SELECT r.code, r.period, r.score, r.class, r.indicator_scores AS IndicatorScores, r.contributions
            FROM score_results r WHERE r.run_id = @run AND r.level = @level AND r.code IN ({units})
            """, new { run, level, regionKato });
        return rows.GroupBy(r => r.Code.Trim()).ToDictionary(g => g.Key, g => new UnitSeries(g.Key, g.ToDictionary(
            r => r.Period, r => new ScorePoint(r.Score, r.Class, r.IndicatorScores.Select(s => (double)s).ToList(), r.Contributions))));
    }
}
