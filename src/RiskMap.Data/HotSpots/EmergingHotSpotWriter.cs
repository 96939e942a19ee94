using Dapper;
using Npgsql;
using NpgsqlTypes;
using RiskMap.Core.Geography;
using RiskMap.Core.HotSpots;

namespace RiskMap.Data.HotSpots;

/// <summary>
/// Computes a score run's emerging hot spots from the composite scores it stored and writes them with it
/// (<c>emerging_hot_spots</c>), inside the run's publishing transaction: a run that fails takes its hot spots with it.
/// </summary>
public static class EmergingHotSpotWriter
{
    /// <summary>The levels analysed: their units have boundaries to be neighbours by.</summary>
    public static readonly IReadOnlyList<EntityLevel> Levels = [EntityLevel.District, EntityLevel.Region];

    /// <summary>Hot and cold quarters, and significant trends, at 95 % after the false discovery rate correction.</summary>
    public const SpotConfidence Confidence = SpotConfidence.NinetyFive;

    /// <param name="periods">The run's quarters, oldest first (as <c>score_runs.periods</c> will hold them once it is published).</param>
    /// <returns>The rows written.</returns>
    public static async Task<int> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, IReadOnlyList<string> periods,
        CancellationToken cancellationToken = default)
    {
        var rows = 0;
        foreach (var level in Levels)
        {
            var weights = await QueenContiguity.WeightsAsync(connection, level, transaction);
            var quarters = await ScoresAsync(connection, transaction, runId, level, periods);
            var units = EmergingAnalysis.Run(weights, quarters, Confidence);
            rows += await CopyAsync(connection, runId, level, units, cancellationToken);
        }
        return rows;
    }

    /// <summary>The run's composite score of every unit of the level (of the serving copy) in each of its quarters, oldest first.</summary>
    private static async Task<IReadOnlyDictionary<string, double>[]> ScoresAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        long runId, EntityLevel level, IReadOnlyList<string> periods)
    {
        var quarters = periods.Select(_ => new Dictionary<string, double>(StringComparer.Ordinal)).ToArray();
        var index = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var scores = await connection.QueryAsync<(string Code, string Period, double Score)>($"""
            SELECT r.code, r.period::text, r.score FROM score_results r JOIN {(level == EntityLevel.Region ? "regions" : "districts")} u ON u.kato = r.code
            WHERE r.run_id = @runId AND r.level = @level AND r.score IS NOT NULL
            """, new { runId, level = level.ToCode() }, transaction);
        foreach (var (code, period, score) in scores)
            if (index.TryGetValue(period, out var i)) quarters[i][code] = score;
        return quarters;
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, long runId, EntityLevel level, IReadOnlyList<UnitEmergingHotSpot> units,
        CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY emerging_hot_spots (run_id, level, code, category, confidence, z, p, q, bin, trend_z, trend_p, bins) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var unit in units)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(level.ToCode(), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(unit.Code, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(unit.Category.Code(), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync((short)Confidence, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteAsync(unit.Final?.Z, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(unit.Final?.P, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(unit.Final?.AdjustedP, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync((short?)unit.Final?.Bin, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteAsync(unit.Trend?.Z, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(unit.Trend?.P, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(unit.Bins.Select(b => (short?)b).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Smallint, cancellationToken);
        }
        return (int)await copy.CompleteAsync(cancellationToken);
    }
}
