using Dapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Localization;
using RiskMap.Core.Privacy;
using RiskMap.Data.Access;
using RiskMap.Data.Model;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Alerts;

/// <summary>An alert as its reader sees it: the unit (with its names and where it lies), what raised it, and its acknowledgement.</summary>
/// <param name="Probability">For a forecast alert: the probability of risk level 4–5 <paramref name="Horizon"/> quarters after <paramref name="Period"/>.</param>
/// <param name="Status">"new", or "acknowledged" with who, when and the note.</param>
public sealed record Alert(
    long Id, string Rule, string Level, string Code, string NameKk, string NameRu, string? NameEn, string RegionKato, string? DistrictKato,
    string Period, double? Score, double? Change, string? Category, double? Probability, int? Horizon, long Run, long RuleVersion, DateTimeOffset RaisedAt,
    string Status, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? Note)
{
    /// <summary>For a forecast alert, the quarter the probability is about ("2026Q3").</summary>
    public string? ForecastPeriod => Horizon is { } horizon ? AlertTexts.ForecastQuarter(Period, horizon) : null;
}

/// <param name="Status">"new" or "acknowledged"; null both.</param>
public sealed record AlertFilter(string? Status, string? Rule, string? RegionKato, int Offset, int Limit);

public sealed record AlertPage(int Total, IReadOnlyList<Alert> Alerts);

public enum AcknowledgeOutcome { Acknowledged, NotFound, AlreadyAcknowledged }

/// <summary>
/// Alerts as the caller may see them: an alert is about a unit and derived from its scores, so it is listed only where
/// the caller sees the unit in full (<see cref="SeenUnits"/>): an analyst every unit, a planner their region's, an
/// education department its own region's or district's, the public and the steward none.
/// </summary>
public sealed class AlertQueries(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas, IDbContextFactory<RiskMapDbContext> contexts)
{
    public static readonly IReadOnlyList<string> Statuses = ["new", "acknowledged"];

    private sealed class Row
    {
        public long Id { get; init; }
        public string Rule { get; init; } = null!;
        public string Level { get; init; } = null!;
        public string Code { get; init; } = null!;
        public string NameKk { get; init; } = null!;
        public string NameRu { get; init; } = null!;
        public string? NameEn { get; init; }
        public string RegionKato { get; init; } = null!;
        public string? DistrictKato { get; init; }
        public string Period { get; init; } = null!;
        public double? Score { get; init; }
        public double? Change { get; init; }
        public string? Category { get; init; }
        public double? Probability { get; init; }
        public short? Horizon { get; init; }
        public long RunId { get; init; }
        public long RuleVersionId { get; init; }
        public DateTime RaisedAt { get; init; }
        public string? AcknowledgedBy { get; init; }
        public DateTime? AcknowledgedAt { get; init; }
        public string? Acknowledgement { get; init; }
        public int Total { get; init; }

        public Alert ToAlert() => new(Id, Rule, Level, Code, NameKk, NameRu, NameEn, RegionKato, DistrictKato, Period, Score, Change, Category,
            Probability, Horizon, RunId, RuleVersionId, Utc(RaisedAt), AcknowledgedAt is null ? "new" : "acknowledged", AcknowledgedBy,
            AcknowledgedAt is { } at ? Utc(at) : null, Acknowledgement);

        private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
    }

    /// <summary>The alerts whose unit the caller sees in full, with the unit's names: needs <see cref="SeenUnits.Parameters"/>.</summary>
    internal static readonly string Seen = $"""
        WITH seen AS (
            SELECT 'region' AS level, u.* FROM ({SeenUnits.Seen(EntityLevel.Region)}) u WHERE u.sight = 'full'
            UNION ALL SELECT 'district', u.* FROM ({SeenUnits.Seen(EntityLevel.District)}) u WHERE u.sight = 'full'
            UNION ALL SELECT 'school', u.* FROM ({SeenUnits.Seen(EntityLevel.School)}) u WHERE u.sight = 'full')
        SELECT a.id, a.rule, a.level, a.code, a.period, a.score, a.change, a.category, a.probability, a.horizon, a.run_id AS RunId, a.rule_version_id AS RuleVersionId,
               a.raised_at AS RaisedAt, a.acknowledged_by AS AcknowledgedBy, a.acknowledged_at AS AcknowledgedAt, a.acknowledgement,
               u.name_kk AS NameKk, u.name_ru AS NameRu, u.name_en AS NameEn, u.region_kato AS RegionKato, u.district_kato AS DistrictKato
        FROM alerts a JOIN seen u ON u.level = a.level AND u.code = a.code
        """;

    /// <returns>Newest first, a page of them with how many match in all.</returns>
    public async Task<AlertPage> ListAsync(AlertFilter filter, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<Row>($"""
            SELECT s.*, count(*) OVER ()::int AS total FROM ({Seen}) s
            WHERE (@status::text IS NULL OR (@status = 'new') = (s.AcknowledgedAt IS NULL))
              AND (@rule::text IS NULL OR s.rule = @rule)
              AND (@regionKato::text IS NULL OR s.RegionKato = @regionKato)
            ORDER BY s.RaisedAt DESC, s.id DESC
            OFFSET @offset LIMIT @limit
            """, SeenUnits.Parameters(new { filter.Status, filter.Rule, filter.RegionKato, filter.Offset, filter.Limit }, scope, smallAreas))).ToList();
        var total = rows.FirstOrDefault()?.Total
            ?? (filter.Offset == 0 ? 0 : await connection.ExecuteScalarAsync<int>($"""
                SELECT count(*) FROM ({Seen}) s
                WHERE (@status::text IS NULL OR (@status = 'new') = (s.AcknowledgedAt IS NULL))
                  AND (@rule::text IS NULL OR s.rule = @rule) AND (@regionKato::text IS NULL OR s.RegionKato = @regionKato)
                """, SeenUnits.Parameters(new { filter.Status, filter.Rule, filter.RegionKato }, scope, smallAreas)));
        return new AlertPage(total, [.. rows.Select(r => r.ToAlert())]);
    }

    /// <returns>null when there is no such alert or the caller does not see its unit in full.</returns>
    public async Task<Alert?> FindAsync(long id, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await FindAsync(connection, null, id, scope);
    }

    private async Task<Alert?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, AccessScope scope) =>
        (await connection.QuerySingleOrDefaultAsync<Row>($"SELECT s.* FROM ({Seen}) s WHERE s.id = @id",
            SeenUnits.Parameters(new { id }, scope, smallAreas), transaction))?.ToAlert();

    /// <summary>Acknowledges an alert the caller sees with a note, audited (<paramref name="audit"/>) in the same transaction.</summary>
    public async Task<(AcknowledgeOutcome Outcome, Alert? Alert)> AcknowledgeAsync(long id, string note, AccessScope scope, AuditEntry audit)
    {
        await using var context = await contexts.CreateDbContextAsync();
        await using var transaction = await context.Database.BeginTransactionAsync();
        // Whether the caller sees the alert is SeenUnits' rule, in SQL: read on the context's own connection and transaction.
        var (connection, npgsqlTransaction) = ((NpgsqlConnection)context.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
        if (await FindAsync(connection, npgsqlTransaction, id, scope) is null) return (AcknowledgeOutcome.NotFound, null);
        var user = scope.User;
        var changed = await context.Alerts.Where(a => a.Id == id && a.AcknowledgedAt == null).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.AcknowledgedBy, user).SetProperty(a => a.AcknowledgedAt, DateTime.UtcNow).SetProperty(a => a.Acknowledgement, note));
        var alert = await FindAsync(connection, npgsqlTransaction, id, scope);
        if (changed == 0) return (AcknowledgeOutcome.AlreadyAcknowledged, alert);
        await AuditLog.WriteAsync(audit, connection, npgsqlTransaction);
        await transaction.CommitAsync();
        return (AcknowledgeOutcome.Acknowledged, alert);
    }
}
