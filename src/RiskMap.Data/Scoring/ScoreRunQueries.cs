using Dapper;
using Npgsql;

namespace RiskMap.Data.Scoring;

/// <param name="RequestedBy">Who asked for the run; null where the reader may not see staff usernames.</param>
public sealed record ScoreRunView(
    long Id, string MethodologyVersion, string Trigger, string? RequestedBy, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    double? DurationSeconds, long InputWatermark, long WeightVersionId, IReadOnlyList<string> Periods, int ResultCount, string? Error, bool Published);

/// <summary>The history of score runs: what ran, when, why, with what outcome, and which run is published.</summary>
public sealed class ScoreRunQueries(NpgsqlDataSource dataSource)
{
    public async Task<long?> PublishedRunAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long?>("SELECT run_id FROM published_score_run");
    }

    public async Task<IReadOnlyList<ScoreRunView>> RunsAsync(int limit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<ScoreRunRow>(RunSelect + " ORDER BY r.id DESC LIMIT @limit", new { limit })).Select(ToView).ToList();
    }

    public async Task<ScoreRunView?> FindRunAsync(long id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<ScoreRunRow>(RunSelect + " WHERE r.id = @id", new { id });
        return row is null ? null : ToView(row);
    }

    private sealed class ScoreRunRow
    {
        public long Id { get; init; }
        public string MethodologyVersion { get; init; } = null!;
        public string Trigger { get; init; } = null!;
        public string RequestedBy { get; init; } = null!;
        public string Status { get; init; } = null!;
        public DateTime StartedAt { get; init; }
        public DateTime? FinishedAt { get; init; }
        public long InputWatermark { get; init; }
        public long WeightVersionId { get; init; }
        public string[] Periods { get; init; } = null!;
        public int ResultCount { get; init; }
        public string? Error { get; init; }
        public bool Published { get; init; }
    }

    private const string RunSelect = """
        SELECT r.id, r.methodology_version AS MethodologyVersion, r.trigger, r.requested_by AS RequestedBy, r.status,
               r.started_at AS StartedAt, r.finished_at AS FinishedAt, r.input_watermark AS InputWatermark,
               r.weight_version_id AS WeightVersionId, r.periods, r.result_count AS ResultCount, r.error,
               EXISTS (SELECT 1 FROM published_score_run p WHERE p.run_id = r.id) AS Published
        FROM score_runs r
        """;

    private static ScoreRunView ToView(ScoreRunRow r)
    {
        var started = new DateTimeOffset(DateTime.SpecifyKind(r.StartedAt, DateTimeKind.Utc));
        DateTimeOffset? finished = r.FinishedAt is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : null;
        return new ScoreRunView(r.Id, r.MethodologyVersion, r.Trigger, r.RequestedBy, r.Status, started, finished,
            finished is { } end ? Math.Round((end - started).TotalSeconds, 3) : null,
            r.InputWatermark, r.WeightVersionId, r.Periods, r.ResultCount, r.Error, r.Published);
    }
}
