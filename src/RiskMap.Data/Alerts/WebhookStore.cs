using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Alerts;
using RiskMap.Core.Privacy;
using RiskMap.Data.Access;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Alerts;

/// <param name="RegionKato">The region whose alerts it receives; null: every alert (national).</param>
public sealed record WebhookSubscriber(long Id, string Url, string? RegionKato, string CreatedBy, DateTimeOffset CreatedAt, int Delivered, int Pending, int Failed);

public sealed record WebhookAttempt(int Attempt, DateTimeOffset AttemptedAt, int? StatusCode, string? Error, DateTimeOffset? NextAttemptAt);

public sealed record WebhookDelivery(long Id, long AlertId, string Status, int Attempts, DateTimeOffset? NextAttemptAt, IReadOnlyList<WebhookAttempt> Log);

/// <summary>A delivery due now: where it goes, the secret that signs it and the alert as the subscriber may see it.</summary>
public sealed record DueDelivery(long Id, string Url, string Secret, int Attempt, Alert Alert);

/// <summary>What one attempt came to: the receiver's status code, or the error when it could not be reached.</summary>
public sealed record AttemptOutcome(int? StatusCode, string? Error)
{
    public bool Delivered => StatusCode is >= 200 and < 300;
}

/// <summary>
/// The data steward's webhook subscribers and the delivery of alerts to them. A subscriber receives exactly the alerts a
/// caller of its scope sees in full (<see cref="AlertQueries.Seen"/>): a planner of its region, or an analyst for a
/// national one. All state is in the database, so deliveries resume after a restart; one delivery job at a time works on
/// them in the whole cluster (<see cref="DeliverDueAsync"/>), and a delivery is claimed with SKIP LOCKED besides, so two
/// instances never send one twice at once.
/// </summary>
public sealed class WebhookStore(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    private sealed record Row(long Id, string Url, string? RegionKato, string CreatedBy, DateTime CreatedAt, int Delivered, int Pending, int Failed)
    {
        public WebhookSubscriber ToSubscriber() => new(Id, Url, RegionKato?.Trim(), CreatedBy, Utc(CreatedAt), Delivered, Pending, Failed);
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    /// <summary>The scope whose view of alerts a subscriber gets.</summary>
    public static AccessScope ScopeOf(long subscriber, string? regionKato) => regionKato is null
        ? AccessScope.For($"webhook {subscriber}", Role.Analyst)
        : AccessScope.For($"webhook {subscriber}", Role.Planner, regionKato);

    private const string Subscribers = """
        SELECT s.id, s.url, s.region_kato AS RegionKato, s.created_by AS CreatedBy, s.created_at AS CreatedAt,
               count(*) FILTER (WHERE d.status = 'delivered')::int AS Delivered, count(*) FILTER (WHERE d.status = 'pending')::int AS Pending,
               count(*) FILTER (WHERE d.status = 'failed')::int AS Failed
        FROM webhook_subscribers s LEFT JOIN webhook_deliveries d ON d.subscriber_id = s.id
        WHERE s.removed_at IS NULL
        """;

    /// <summary>Registers a subscriber for the alerts raised from now on, audited (<paramref name="audit"/>) in the same transaction.</summary>
    public async Task<WebhookSubscriber> RegisterAsync(string url, string? regionKato, string secret, string createdBy, Func<long, AuditEntry> audit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO webhook_subscribers (url, region_kato, secret, from_alert_id, created_by)
            VALUES (@url, @regionKato, @secret, (SELECT coalesce(max(id), 0) FROM alerts), @createdBy) RETURNING id
            """, new { url, regionKato, secret, createdBy }, transaction);
        await AuditLog.WriteAsync(audit(id), connection, transaction);
        var row = await connection.QuerySingleAsync<Row>($"{Subscribers} AND s.id = @id GROUP BY s.id", new { id }, transaction);
        await transaction.CommitAsync();
        return row.ToSubscriber();
    }

    public async Task<IReadOnlyList<WebhookSubscriber>> ListAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. (await connection.QueryAsync<Row>($"{Subscribers} GROUP BY s.id ORDER BY s.id")).Select(r => r.ToSubscriber())];
    }

    /// <summary>Stops deliveries to a subscriber (its log stays), audited in the same transaction; false when there is none.</summary>
    public async Task<bool> RemoveAsync(long id, AuditEntry audit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var removed = await connection.ExecuteAsync("""
            UPDATE webhook_subscribers SET removed_at = now() WHERE id = @id AND removed_at IS NULL;
            UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL WHERE subscriber_id = @id AND status = 'pending';
            """, new { id }, transaction);
        if (removed == 0) return false;
        await AuditLog.WriteAsync(audit, connection, transaction);
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>A subscriber's deliveries, newest first, each with every attempt; null when there is no such subscriber.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>?> DeliveriesAsync(long subscriber, int limit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM webhook_subscribers WHERE id = @subscriber", new { subscriber }) is null) return null;
        var deliveries = (await connection.QueryAsync<(long Id, long AlertId, string Status, int Attempts, DateTime? NextAttemptAt)>("""
            SELECT id, alert_id, status, attempts, next_attempt_at FROM webhook_deliveries WHERE subscriber_id = @subscriber
            ORDER BY id DESC LIMIT @limit
            """, new { subscriber, limit })).ToList();
        var attempts = (await connection.QueryAsync<(long DeliveryId, int Attempt, DateTime AttemptedAt, int? StatusCode, string? Error, DateTime? NextAttemptAt)>("""
            SELECT delivery_id, attempt, attempted_at, status_code, error, next_attempt_at FROM webhook_attempts
            WHERE delivery_id = ANY(@ids) ORDER BY delivery_id, attempt
            """, new { ids = deliveries.Select(d => d.Id).ToArray() })).ToLookup(a => a.DeliveryId);
        return [.. deliveries.Select(d => new WebhookDelivery(d.Id, d.AlertId, d.Status, d.Attempts, d.NextAttemptAt is { } next ? Utc(next) : null,
            [.. attempts[d.Id].Select(a => new WebhookAttempt(a.Attempt, Utc(a.AttemptedAt), a.StatusCode, a.Error, a.NextAttemptAt is { } n ? Utc(n) : null))]))];
    }

    /// <summary>Queues a delivery of every alert raised since each subscriber registered that its scope sees and that is not queued yet.</summary>
    /// <returns>How many deliveries were queued.</returns>
    private async Task<int> QueueNewAlertsAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var subscribers = await connection.QueryAsync<(long Id, string? RegionKato, long FromAlertId)>(
            "SELECT id, trim(region_kato) AS RegionKato, from_alert_id FROM webhook_subscribers WHERE removed_at IS NULL");
        var queued = 0;
        foreach (var (id, regionKato, fromAlertId) in subscribers)
        {
            queued += await connection.ExecuteAsync($"""
                INSERT INTO webhook_deliveries (subscriber_id, alert_id, next_attempt_at)
                SELECT @id, s.id, now() FROM ({AlertQueries.Seen}) s
                WHERE s.id > @fromAlertId AND NOT EXISTS (SELECT FROM webhook_deliveries d WHERE d.subscriber_id = @id AND d.alert_id = s.id)
                ON CONFLICT DO NOTHING
                """, SeenUnits.Parameters(new { id, fromAlertId }, ScopeOf(id, regionKato), smallAreas));
        }
        return queued;
    }

    /// <summary>
    /// Queues the new alerts and makes every attempt that is due, unless another job is doing so on any instance (a
    /// session advisory lock: a job that finds it taken leaves the work to the holder, so jobs fired while a slow
    /// receiver is waited for do not pile up on the workers). The lock and the claim of the delivery being sent end with
    /// their connections, so a node that dies mid-delivery leaves the delivery pending, unrecorded, for the next job: it is
    /// sent again, never lost (a receiver may see it twice, with the same delivery id).
    /// </summary>
    /// <returns>The attempts made; 0 also when another job held the lock.</returns>
    public async Task<int> DeliverDueAsync(Func<DueDelivery, Task<AttemptOutcome>> send, WebhookBackoff backoff, AlertQueries alerts,
        CancellationToken cancellationToken)
    {
        await using var held = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await held.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(@key)", new { key = DeliveryLock })) return 0;
        try
        {
            await QueueNewAlertsAsync();
            var attempts = 0;
            while (!cancellationToken.IsCancellationRequested && await DeliverNextAsync(send, backoff, alerts)) attempts++;
            return attempts;
        }
        finally
        {
            // A pooled connection outlives this: the lock is given back by hand.
            await held.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = DeliveryLock });
        }
    }

    /// <summary>The advisory lock of the delivery job (any bigint no other lock of the schema uses: "whdlvry" in ASCII).</summary>
    private const long DeliveryLock = 0x77_68_64_6c_76_72_79;

    /// <summary>
    /// Claims one delivery that is due, sends it with <paramref name="send"/> while holding the claim, and records the attempt:
    /// delivered on a 2xx answer, otherwise the next attempt after the backoff, or failed after the last.
    /// </summary>
    /// <returns>false when nothing was due.</returns>
    private async Task<bool> DeliverNextAsync(Func<DueDelivery, Task<AttemptOutcome>> send, WebhookBackoff backoff, AlertQueries alerts)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var due = await connection.QuerySingleOrDefaultAsync<(long Id, long AlertId, int Attempts, long Subscriber, string Url, string Secret, string? RegionKato)?>("""
            SELECT d.id, d.alert_id, d.attempts, s.id, s.url, s.secret, trim(s.region_kato)
            FROM webhook_deliveries d JOIN webhook_subscribers s ON s.id = d.subscriber_id
            WHERE d.status = 'pending' AND d.next_attempt_at <= now()
            ORDER BY d.next_attempt_at, d.id LIMIT 1 FOR UPDATE OF d SKIP LOCKED
            """, transaction: transaction);
        if (due is not { } d) return false;
        var attempt = d.Attempts + 1;
        // Read again as the subscriber sees it: what is sent is never beyond its scope.
        var alert = await alerts.FindAsync(d.AlertId, ScopeOf(d.Subscriber, d.RegionKato));
        var outcome = alert is null ? new AttemptOutcome(null, "the alert is no longer in the subscriber's scope")
            : await send(new DueDelivery(d.Id, d.Url, d.Secret, attempt, alert));
        var final = outcome.Delivered || alert is null || attempt >= backoff.MaxAttempts;
        var next = final ? (DateTime?)null : DateTime.UtcNow + backoff.After(attempt);
        await connection.ExecuteAsync("""
            UPDATE webhook_deliveries SET attempts = @attempt, status = @status, next_attempt_at = @next WHERE id = @id;
            INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error, next_attempt_at) VALUES (@id, @attempt, @code, @error, @next);
            """, new
        {
            d.Id, attempt, next, code = outcome.StatusCode, error = outcome.Error,
            status = outcome.Delivered ? "delivered" : final ? "failed" : "pending",
        }, transaction);
        await transaction.CommitAsync();
        return true;
    }
}
