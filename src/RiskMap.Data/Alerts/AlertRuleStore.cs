using Dapper;
using Npgsql;
using RiskMap.Core.Alerts;
using RiskMap.Data.Access;

namespace RiskMap.Data.Alerts;

/// <summary>One version of the alert rules: the newest is in force.</summary>
public sealed record AlertRuleVersion(long Version, AlertRuleSet Rules, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>The data steward's alert rules: every change a new version, audited with it in one transaction.</summary>
public sealed class AlertRuleStore(NpgsqlDataSource dataSource)
{
    private const string Newest = "SELECT id, rules::text, created_by, created_at FROM alert_rule_versions ORDER BY id DESC LIMIT 1";

    public async Task<AlertRuleVersion> CurrentAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await CurrentAsync(connection, null);
    }

    internal static async Task<AlertRuleVersion> CurrentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        var (id, rules, createdBy, createdAt) = await connection.QuerySingleAsync<(long, string, string, DateTime)>(Newest, transaction: transaction);
        return new AlertRuleVersion(id, AlertRuleJson.Deserialize(rules), createdBy, new DateTimeOffset(DateTime.SpecifyKind(createdAt, DateTimeKind.Utc)));
    }

    /// <summary>Stores the rules as the new version; <paramref name="audit"/> (its target filled in with the version) is kept with it.</summary>
    public async Task<AlertRuleVersion> SaveAsync(AlertRuleSet rules, string actor, Func<long, AuditEntry> audit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO alert_rule_versions (rules, created_by) VALUES (@rules::jsonb, @actor) RETURNING id",
            new { rules = AlertRuleJson.Serialize(rules), actor }, transaction);
        await AuditLog.WriteAsync(audit(id), connection, transaction);
        var saved = await CurrentAsync(connection, transaction);
        await transaction.CommitAsync();
        return saved;
    }
}
