using Dapper;
using Npgsql;
using RiskMap.Data.Access;

namespace RiskMap.Data.Vintages;

public enum VintageSwitchStatus
{
    Switched,
    AlreadyCurrent,
    /// <summary>No such vintage, or it lacks regions or districts.</summary>
    Unknown,
    /// <summary>Users' scopes or programmes refer to units the vintage lacks; nothing changed.</summary>
    Refused,
}

public sealed record VintageSwitchOutcome(VintageSwitchStatus Status, int? Previous, IReadOnlyList<VintageDependent> Dependents);

/// <summary>
/// Makes another vintage current in one transaction: the serving copy becomes its units, every school is placed again,
/// the tiles' boundaries and every boundary cache follow, the published score run (made on the old shapes) is
/// unpublished so no score of another vintage is shown on the new ones, and the switch is audited. The scheduler's
/// import watch then recomputes, since no run is published (the map says no scores are published until it has); a run
/// that started before the switch cannot publish after it (migration 0013). Refused, changing nothing, while users'
/// scopes or programmes refer to units the vintage lacks.
/// </summary>
public sealed class VintageSwitch(NpgsqlDataSource dataSource)
{
    public async Task<VintageSwitchOutcome> UseAsync(int vintage, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await BoundaryVintages.LockAsync(connection, transaction);
        var previous = await BoundaryVintages.CurrentAsync(connection, transaction);
        var levels = await connection.ExecuteScalarAsync<int>(
            "SELECT count(DISTINCT level) FROM boundary_units WHERE vintage = @vintage AND retired_at IS NULL", new { vintage }, transaction);
        if (levels < 2) return new VintageSwitchOutcome(VintageSwitchStatus.Unknown, previous, []);
        if (previous == vintage) return new VintageSwitchOutcome(VintageSwitchStatus.AlreadyCurrent, previous, []);

        var dependents = await MissingFromAsync(connection, transaction, vintage);
        if (dependents.Count > 0) return new VintageSwitchOutcome(VintageSwitchStatus.Refused, previous, dependents);

        await connection.ExecuteAsync("""
            UPDATE boundary_vintages SET is_current = false WHERE is_current;
            UPDATE boundary_vintages SET is_current = true WHERE vintage = @vintage;
            DELETE FROM published_score_run;
            """, new { vintage }, transaction);
        await ServingCopy.ReplaceAsync(connection, transaction, vintage);
        await AuditLog.WriteAsync(audit with { Details = new Dictionary<string, object?>(audit.Details) { ["from"] = previous, ["to"] = vintage } },
            connection, transaction);
        await Tiles.MapDataVersion.NotifyAsync(connection, transaction, "boundaries");
        await transaction.CommitAsync(cancellationToken);
        return new VintageSwitchOutcome(VintageSwitchStatus.Switched, previous, []);
    }

    /// <summary>Users' scopes, programmes and programme targets whose unit the vintage lacks (or has retired).</summary>
    private static async Task<IReadOnlyList<VintageDependent>> MissingFromAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int vintage) =>
        (await connection.QueryAsync<VintageDependent>($"""
            WITH {UnitDependents.Cte}
            SELECT kind AS Kind, reference AS Reference, level AS Level, kato AS Kato FROM dependents d
            WHERE NOT EXISTS (SELECT 1 FROM boundary_units u
                              WHERE u.level = d.level AND u.kato = d.kato AND u.vintage = @vintage AND u.retired_at IS NULL)
            ORDER BY kind, reference, level, kato
            """, new { vintage }, transaction)).ToList();
}
