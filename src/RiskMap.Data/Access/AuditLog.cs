using System.Text.Json;
using Dapper;
using Npgsql;

namespace RiskMap.Data.Access;

/// <summary>One audited action: who, what, on what, with which filters or counts.</summary>
public sealed record AuditEntry(string Actor, string? Role, string Action, string? Target, IReadOnlyDictionary<string, object?> Details, string? ClientIp);

public sealed record AuditRecord(long Id, DateTimeOffset At, string Actor, string? Role, string Action, string? Target, JsonElement Details, string? ClientIp);

public sealed record AuditFilter(string? Actor, string? Action, DateTimeOffset? From, DateTimeOffset? To, int Limit, long? Before);

/// <summary>
/// The append-only audit log. The database refuses UPDATE, DELETE and TRUNCATE on it (migration 0005), so this class
/// can only add and read.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    public static class Actions
    {
        public const string Login = "login";
        public const string Logout = "logout";
        public const string LoginFailed = "login-failed";
        public const string SchoolProfileViewed = "school-profile-viewed";
        public const string SchoolTableRead = "school-table-read";
        public const string Export = "export";
        public const string Import = "import";
        public const string WeightsChanged = "weights-changed";
        public const string RecomputeRequested = "recompute-requested";
        public const string UserCreated = "user-created";
        public const string UserDisabled = "user-disabled";
        public const string UserEnabled = "user-enabled";
        public const string UserRoleChanged = "user-role-changed";
        public const string ProgrammeChanged = "programme-changed";
        public const string VintageSwitched = "vintage-switched";
        public const string VintageDeleted = "vintage-deleted";
        public const string VintageDatesSet = "vintage-dates-set";
        public const string UnitRetired = "unit-retired";
        public const string AlertAcknowledged = "alert-acknowledged";
        public const string AlertRulesChanged = "alert-rules-changed";
        public const string WebhookRegistered = "webhook-registered";
        public const string WebhookRemoved = "webhook-removed";
        public const string AgencyClientRegistered = "agency-client-registered";
        public const string AgencyClientChanged = "agency-client-changed";
        public const string AgencyKeyIssued = "agency-key-issued";
        public const string AgencyKeyRevoked = "agency-key-revoked";
        public const string FeedRefused = "feed-refused";
        public const string HeldValuesAccepted = "held-values-accepted";
        public const string HeldValuesRejected = "held-values-rejected";
    }

    public async Task WriteAsync(AuditEntry entry)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await WriteAsync(entry, connection, null);
    }

    /// <summary>Records the entry in the caller's transaction, so it is kept exactly when the change it records is.</summary>
    public static Task WriteAsync(AuditEntry entry, NpgsqlConnection connection, NpgsqlTransaction? transaction) =>
        connection.ExecuteAsync("""
            INSERT INTO audit_log (actor, role, action, target, details, client_ip)
            VALUES (@Actor, @Role, @Action, @Target, @details::jsonb, @ClientIp)
            """, new { entry.Actor, entry.Role, entry.Action, entry.Target, details = JsonSerializer.Serialize(entry.Details), entry.ClientIp }, transaction);

    /// <summary>Newest first; <see cref="AuditFilter.Before"/> pages on by id.</summary>
    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditFilter filter)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(long Id, DateTime At, string Actor, string? Role, string Action, string? Target, string Details, string? ClientIp)>("""
            SELECT id, at, actor, role, action, target, details::text, client_ip FROM audit_log
            WHERE (@actor::text IS NULL OR actor = @actor)
              AND (@action::text IS NULL OR action = @action)
              AND (@from::timestamptz IS NULL OR at >= @from)
              AND (@to::timestamptz IS NULL OR at < @to)
              AND (@before::bigint IS NULL OR id < @before)
            ORDER BY id DESC LIMIT @limit
            """, new { actor = filter.Actor, action = filter.Action, from = filter.From, to = filter.To, before = filter.Before, limit = filter.Limit });
        return rows.Select(r => new AuditRecord(r.Id, new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)), r.Actor, r.Role, r.Action, r.Target,
            JsonDocument.Parse(r.Details).RootElement.Clone(), r.ClientIp)).ToList();
    }
}
