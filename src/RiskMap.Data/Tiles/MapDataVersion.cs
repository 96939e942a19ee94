using Dapper;
using Npgsql;

namespace RiskMap.Data.Tiles;

/// <summary>
/// What the map shows right now: the published score run and its latest quarter, the version of the boundaries
/// (raised by every boundary import and by switches of the current vintage) and the newest school import.
/// </summary>
public sealed record MapDataVersion(long? Run, string Periods, long Boundaries, long Schools)
{
    /// <summary>The quarters of the published run, oldest first (stored comma-separated to keep the record simple).</summary>
    public IReadOnlyList<string> PeriodList => Periods.Length == 0 ? [] : Periods.Split(',');

    public string? LatestPeriod => PeriodList.Count == 0 ? null : PeriodList[^1];

    /// <summary>PostgreSQL notification channel raised when map data change (imports, publication).</summary>
    public const string Channel = "riskmap_map_data";

    public string Tag => $"{Run ?? 0}-{Boundaries}-{Schools}";

    public static async Task<MapDataVersion> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<MapDataVersion>(new CommandDefinition("""
            SELECT p.run_id AS Run, COALESCE(array_to_string(r.periods, ','), '') AS Periods,
                   (SELECT version FROM boundary_version) AS Boundaries,
                   (SELECT COALESCE(max(id), 0) FROM import_batches WHERE status = 'succeeded' AND kind = 'schools') AS Schools
            FROM (SELECT 1) one
            LEFT JOIN published_score_run p ON true
            LEFT JOIN score_runs r ON r.id = p.run_id
            """, cancellationToken: cancellationToken));
    }

    /// <summary>Raises the notification inside the caller's transaction, so listeners hear of the change when it commits.</summary>
    public static Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string what) =>
        connection.ExecuteAsync("SELECT pg_notify(@channel, @what)", new { channel = Channel, what }, transaction);
}
