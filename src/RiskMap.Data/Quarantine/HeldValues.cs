using Dapper;
using Npgsql;
using RiskMap.Data.Access;

namespace RiskMap.Data.Quarantine;

/// <summary>One value the quarantine held, with the unit's history as the rule saw it, and the steward's decision once made.</summary>
public sealed record HeldValue(
    long Id, long BatchId, string Level, string Code, string? NameKk, string? NameRu, string? NameEn, string Indicator, string Period,
    double Value, double? Denominator, double? StoredValue, double? HistoryMedian, double? LastValue, double? RobustZ, string[] Reasons,
    string Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? Note);

/// <summary>Which held values a decision is about: one by its id, or every value still held of one import batch.</summary>
public sealed record HeldSelection(long? Id, long? BatchId);

/// <summary>
/// The steward's side of the quarantine: the held values, and accepting or rejecting them, each decision audited in its
/// own transaction. Accepting writes the value to <c>observations</c> as its import would have (under its own batch) and
/// raises <c>score_input_watermark()</c>, so the import watch recomputes as it does after an import. Rejecting keeps the
/// stored value; the rejected one stays in <c>held_observations</c> with who, when and why.
/// </summary>
public sealed class HeldValues(NpgsqlDataSource dataSource)
{
    /// <summary>Settable: Dapper fills array columns (the reasons) only through properties.</summary>
    private sealed class Row
    {
        public long Id { get; set; }
        public long BatchId { get; set; }
        public string Level { get; set; } = "";
        public string Code { get; set; } = "";
        public string? NameKk { get; set; }
        public string? NameRu { get; set; }
        public string? NameEn { get; set; }
        public string Indicator { get; set; } = "";
        public string Period { get; set; } = "";
        public double Value { get; set; }
        public double? Denominator { get; set; }
        public double? StoredValue { get; set; }
        public double? HistoryMedian { get; set; }
        public double? LastValue { get; set; }
        public double? RobustZ { get; set; }
        public string[] Reasons { get; set; } = [];
        public string Status { get; set; } = "";
        public string? DecidedBy { get; set; }
        public DateTime? DecidedAt { get; set; }
        public string? Note { get; set; }
    }

    /// <param name="status">held, accepted, rejected or superseded; null for all.</param>
    /// <param name="batchId">Only this import batch's; null for every batch.</param>
    public async Task<IReadOnlyList<HeldValue>> ListAsync(string? status, long? batchId, int limit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<Row>("""
            SELECT h.id, h.import_batch_id AS BatchId, h.entity_level AS Level, h.entity_code AS Code,
                   COALESCE(r.name_kk, d.name_kk, s.name_kk) AS NameKk, COALESCE(r.name_ru, d.name_ru, s.name_ru) AS NameRu,
                   COALESCE(r.name_en, d.name_en) AS NameEn, h.indicator_code AS Indicator, h.period::text AS Period, h.value,
                   h.denominator, h.stored_value AS StoredValue, h.history_median AS HistoryMedian, h.last_value AS LastValue,
                   h.robust_z AS RobustZ, h.reasons, h.status, h.decided_by AS DecidedBy, h.decided_at AS DecidedAt, h.decision_note AS Note
            FROM held_observations h
            LEFT JOIN regions r ON h.entity_level = 'region' AND r.kato = h.entity_code
            LEFT JOIN districts d ON h.entity_level = 'district' AND d.kato = h.entity_code
            LEFT JOIN schools s ON h.entity_level = 'school' AND s.code = h.entity_code
            WHERE (@status::text IS NULL OR h.status = @status) AND (@batchId::bigint IS NULL OR h.import_batch_id = @batchId)
            ORDER BY h.import_batch_id DESC, h.entity_level, h.entity_code, h.indicator_code, h.period
            LIMIT @limit
            """, new { status, batchId, limit });
        return rows.Select(r => new HeldValue(r.Id, r.BatchId, r.Level, r.Code, r.NameKk, r.NameRu, r.NameEn, r.Indicator, r.Period, r.Value,
            r.Denominator, r.StoredValue, r.HistoryMedian, r.LastValue, r.RobustZ, r.Reasons, r.Status, r.DecidedBy,
            r.DecidedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null, r.Note)).ToList();
    }

    /// <summary>Accepts the selected values still held: they are stored and reach the next score run. Returns how many.</summary>
    public Task<int> AcceptAsync(HeldSelection selection, string? note, AuditEntry audit) => DecideAsync(selection, """
        WITH accepted AS (
            UPDATE held_observations SET status = 'accepted', decided_by = @user, decided_at = now(), decision_note = @note,
                   input_stamp = nextval(pg_get_serial_sequence('import_batches', 'id'))
            WHERE status = 'held' AND (id = @id OR import_batch_id = @batchId)
            RETURNING entity_level, entity_code, indicator_code, period, value, denominator, source, import_batch_id),
        stored AS (
            INSERT INTO observations AS t (entity_level, entity_code, indicator_code, period, value, denominator, source, import_batch_id)
            SELECT * FROM accepted
            ON CONFLICT (entity_level, entity_code, indicator_code, period) DO UPDATE
            SET value = EXCLUDED.value, denominator = EXCLUDED.denominator, source = EXCLUDED.source, import_batch_id = EXCLUDED.import_batch_id)
        SELECT count(*)::int FROM accepted
        """, note, audit);

    /// <summary>Rejects the selected values still held: what is stored stays as it was. Returns how many.</summary>
    public Task<int> RejectAsync(HeldSelection selection, string? note, AuditEntry audit) => DecideAsync(selection, """
        WITH rejected AS (
            UPDATE held_observations SET status = 'rejected', decided_by = @user, decided_at = now(), decision_note = @note
            WHERE status = 'held' AND (id = @id OR import_batch_id = @batchId)
            RETURNING id)
        SELECT count(*)::int FROM rejected
        """, note, audit);

    private async Task<int> DecideAsync(HeldSelection selection, string decide, string? note, AuditEntry audit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var decided = await connection.ExecuteScalarAsync<int>(decide,
            new { user = audit.Actor, note, id = selection.Id, batchId = selection.BatchId }, transaction);
        if (decided == 0) return 0;
        await AuditLog.WriteAsync(audit with { Details = new Dictionary<string, object?>(audit.Details) { ["values"] = decided } }, connection, transaction);
        await transaction.CommitAsync();
        return decided;
    }
}
