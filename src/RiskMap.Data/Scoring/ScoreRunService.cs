using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using RiskMap.Core.Geography;
using RiskMap.Core.Scoring;

namespace RiskMap.Data.Scoring;

/// <summary>
/// Makes a score run: reads the inputs, runs the methodology, writes every result under the run and publishes it in
/// the same transaction, so readers see the previous run or the new one, never a mix. A failed run is recorded and
/// leaves the published run in place. A PostgreSQL advisory lock keeps runs from overlapping across every process.
/// A run with another method than the configured one is kept for comparison and never published. A published run raises
/// its alerts (<see cref="Alerts.AlertEvaluator"/>) in the same transaction.
/// </summary>
public sealed class ScoreRunService(NpgsqlDataSource dataSource, ScoringOptions options, ILogger<ScoreRunService> logger)
{
    private const long RunLockKey = 0x5269_736B_5363_6F72;

    /// <summary>The methods a run may name.</summary>
    public static readonly IReadOnlyList<string> MethodologyVersions = [Methodology.Version1, Methodology.Version2];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <param name="force">Run even when inputs, weights and method are those of the published run.</param>
    /// <param name="onStage">Told each stage as it starts (loading, scoring, writing, hot spots, publishing, forecasts, alerts).</param>
    /// <param name="methodologyVersion">One of <see cref="MethodologyVersions"/>; null: the configured method. Any other
    /// method than the configured one makes a run for comparison, which is not published.</param>
    /// <param name="waitForRunning">Wait for a run in progress (in any process) to end, then run; else answer AlreadyRunning at once.</param>
    public async Task<ScoreRunOutcome> RunAsync(ScoreTrigger trigger, string requestedBy, bool force = false,
        Action<string>? onStage = null, CancellationToken cancellationToken = default, string? methodologyVersion = null, bool waitForRunning = false)
    {
        if (methodologyVersion is not null && !MethodologyVersions.Contains(methodologyVersion))
            throw new ArgumentException($"The methodology must be one of {string.Join(", ", MethodologyVersions)}.", nameof(methodologyVersion));
        var methodology = methodologyVersion is null ? options.Methodology : options.Methodology with { Version = methodologyVersion };
        var publish = methodology.Version == options.Methodology.Version;
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (waitForRunning)
            await lockConnection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@RunLockKey)", new { RunLockKey }, commandTimeout: 0,
                cancellationToken: cancellationToken));
        else if (!await lockConnection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(@RunLockKey)", new { RunLockKey }))
            return new ScoreRunOutcome(ScoreRunStatus.AlreadyRunning, null);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            // Holding the lock, no other run is alive: a run still marked running died with its instance.
            await connection.ExecuteAsync(
                "UPDATE score_runs SET status = 'failed', finished_at = now(), error = 'Interrupted: the instance running it stopped.' WHERE status = 'running'");
            var methodologyJson = JsonSerializer.Serialize(methodology, Json);
            var (catalogue, weightVersion) = await ScoreCatalogue.LoadAsync(connection);
            var watermark = await connection.ExecuteScalarAsync<long>("SELECT score_input_watermark()");
            var published = await connection.QuerySingleOrDefaultAsync<long?>("""
                SELECT r.id FROM published_score_run p JOIN score_runs r ON r.id = p.run_id
                WHERE r.input_watermark = @watermark AND r.weight_version_id = @weightVersion AND r.methodology = @methodologyJson::jsonb
                """, new { watermark, weightVersion, methodologyJson });
            if (!force && publish && published is not null) return new ScoreRunOutcome(ScoreRunStatus.Unchanged, published);

            var runId = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO score_runs (methodology_version, methodology, weight_version_id, indicator_codes, indicator_weights,
                                        domain_codes, domain_weights, input_watermark, trigger, requested_by, status)
                VALUES (@Version, @methodologyJson::jsonb, @weightVersion, @indicatorCodes, @indicatorWeights,
                        @domainCodes, @domainWeights, @watermark, @trigger, @requestedBy, 'running')
                RETURNING id
                """, new
            {
                methodology.Version, methodologyJson, weightVersion, watermark, trigger = trigger.Code(), requestedBy,
                indicatorCodes = catalogue.Indicators.Select(i => i.Code).ToArray(),
                indicatorWeights = catalogue.Indicators.Select(i => i.Weight).ToArray(),
                domainCodes = catalogue.Domains.Select(d => d.Code).ToArray(),
                domainWeights = catalogue.Domains.Select(d => d.Weight).ToArray(),
            });
            logger.LogInformation("Score run {RunId} started ({Trigger}, by {RequestedBy})", runId, trigger.Code(), requestedBy);
            try
            {
                await PublishAsync(connection, runId, catalogue, methodology, publish, options.Forecasts, onStage, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Score run {RunId} failed; the published run stays", runId);
                if (!DatabaseFaults.IsUnavailable(e))
                {
                    await MarkFailedAsync(runId, e.Message);
                    return new ScoreRunOutcome(ScoreRunStatus.Failed, runId, e.Message);
                }
                var reason = $"Interrupted: the database could not be reached ({e.Message}).";
                try
                {
                    await MarkFailedAsync(runId, reason);
                }
                catch (Exception unrecorded) when (DatabaseFaults.IsUnavailable(unrecorded))
                {
                    // Still unreachable: the caller marks the run once the database answers again.
                }
                return new ScoreRunOutcome(ScoreRunStatus.Interrupted, runId, reason);
            }
            await PruneAsync(connection);
            return new ScoreRunOutcome(ScoreRunStatus.Succeeded, runId);
        }
        finally
        {
            try
            {
                await lockConnection.ExecuteAsync("SELECT pg_advisory_unlock(@RunLockKey)", new { RunLockKey });
            }
            catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
            {
                // The lock belonged to the session the database dropped: it is already released.
            }
        }
    }

    /// <summary>
    /// Records that a run stopped with the reason, on a connection of its own (the run's may be the one that broke).
    /// A run already finished or recorded is left as it is.
    /// </summary>
    public async Task MarkFailedAsync(long runId, string reason, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE score_runs SET status = 'failed', finished_at = now(), error = @reason WHERE id = @runId AND status = 'running'",
            new { runId, reason }, cancellationToken: cancellationToken));
    }

    /// <param name="publish">False for a run kept for comparison: its results are stored, the published run stays.</param>
    private static async Task PublishAsync(NpgsqlConnection connection, long runId, Catalogue catalogue, Methodology methodology, bool publish, bool forecasts,
        Action<string>? onStage, CancellationToken cancellationToken)
    {
        onStage?.Invoke("loading");
        var input = await ScoreInputLoader.LoadAsync(connection, catalogue, cancellationToken);
        var unscored = forecasts ? Forecasting.ForecastInputLoader.Unscored(input) : null;
        onStage?.Invoke("scoring");
        var result = ScoringEngine.Run(input, methodology);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        onStage?.Invoke("writing");
        var rows = ScoreResultWriter.Write(connection, runId, result);
        onStage?.Invoke("hot spots");
        var periods = input.Periods.Select(p => p.ToString()).ToArray();
        await HotSpots.EmergingHotSpotWriter.WriteAsync(connection, transaction, runId, periods, cancellationToken);
        onStage?.Invoke("publishing");
        await connection.ExecuteAsync("""
            UPDATE score_runs SET status = 'succeeded', finished_at = now(), periods = @periods, result_count = @rows,
                                  treatments = @treatments::jsonb, level_references = @references::jsonb
            WHERE id = @runId;
            """ + (publish ? """
            INSERT INTO published_score_run (run_id) VALUES (@runId)
            ON CONFLICT (singleton) DO UPDATE SET run_id = EXCLUDED.run_id, published_at = now();
            """ : ""), new
        {
            runId, rows, references = ScoreRunReferences.ToJson(result.References),
            periods,
            treatments = JsonSerializer.Serialize(result.Treatments.Select(t => new
            {
                level = t.Level.ToCode(), period = t.Period.ToString(), indicator = t.Indicator, treatment = t.Treatment.Kind,
                winsorised = t.Treatment.PointsWinsorised, skewness = t.Treatment.SkewnessBefore, kurtosis = t.Treatment.KurtosisBefore,
            }), Json),
        }, transaction);
        if (forecasts)
        {
            onStage?.Invoke("forecasts");
            await Forecasting.ForecastWriter.WriteAsync(connection, runId, unscored!, result, cancellationToken);
        }
        if (publish)
        {
            onStage?.Invoke("alerts");
            // A database without indicator values yet scores no quarter, so there is nothing to raise an alert on.
            if (periods.Length > 0) await Alerts.AlertEvaluator.EvaluateAsync(connection, transaction, runId, periods[^1]);
            await Tiles.MapDataVersion.NotifyAsync(connection, transaction, "scores");
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private Task PruneAsync(NpgsqlConnection connection) => connection.ExecuteAsync("""
        WITH old AS (
            SELECT id FROM score_runs
            WHERE id NOT IN (SELECT id FROM score_runs ORDER BY id DESC LIMIT @keep)
              AND id NOT IN (SELECT run_id FROM published_score_run)),
        results AS (DELETE FROM score_results WHERE run_id IN (SELECT id FROM old))
        DELETE FROM score_runs WHERE id IN (SELECT id FROM old)
        """, new { keep = Math.Max(1, options.KeepRuns) });
}
