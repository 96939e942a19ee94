using Dapper;
using Npgsql;
using RiskMap.Data.Imports;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Features.Scoring;

/// <summary>
/// Whether the published scores are behind their inputs (an import or a weight change newer than the published run),
/// and when the recompute that follows imports may start: once no import is running (an interrupted one does not count)
/// and none has finished, nor a held value been accepted, for the
/// debounce interval, so a series of uploads makes one run, not one each.
/// </summary>
public sealed record PendingRecompute(bool InputsChanged, bool ImportRunning, DateTime? StartsAfter, DateTime Now)
{
    public bool Settled => InputsChanged && !ImportRunning && (StartsAfter is null || StartsAfter <= Now);

    public static async Task<PendingRecompute> ReadAsync(NpgsqlDataSource dataSource, ScoringOptions options)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<PendingRecompute>($"""
            WITH published AS (SELECT r.input_watermark, r.weight_version_id FROM published_score_run p JOIN score_runs r ON r.id = p.run_id)
            SELECT (score_input_watermark() > COALESCE((SELECT input_watermark FROM published), 0)
                    OR (SELECT max(id) FROM weight_versions) > COALESCE((SELECT weight_version_id FROM published), 0)) AS InputsChanged,
                   EXISTS (SELECT 1 FROM import_batches WHERE {ImportBatchLog.RunningSql}) AS ImportRunning,
                   greatest((SELECT max(finished_at) FROM import_batches),
                            (SELECT max(decided_at) FROM held_observations WHERE status = 'accepted')) + make_interval(secs => @debounce) AS StartsAfter,
                   now() AS Now
            """, new { debounce = (double)options.ImportDebounceSeconds });
    }
}
