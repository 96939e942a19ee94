using Dapper;
using Npgsql;
using RiskMap.Core.Geography;
using RiskMap.Data.Access;

namespace RiskMap.Data.Vintages;

public enum UnitRetirementStatus
{
    Retired,
    AlreadyRetired,
    /// <summary>No such unit in the vintage.</summary>
    Unknown,
    /// <summary>Users' scopes, programmes or (for a region) its districts still refer to the unit; nothing changed.</summary>
    Refused,
}

public sealed record UnitRetirementOutcome(UnitRetirementStatus Status, IReadOnlyList<VintageDependent> Dependents);

/// <summary>
/// Retires one unit of a vintage in one audited transaction: it keeps its history but counts no more among the vintage's
/// units. A unit of the current vintage also leaves the map, its schools placed again among the units left, and the
/// published score run is withdrawn until the recompute, as on a switch; that is refused, listing them, while users' scopes or programmes refer to it, or (a region) its districts are not retired.
/// </summary>
public sealed class UnitRetirement(NpgsqlDataSource dataSource)
{
    public async Task<UnitRetirementOutcome> RetireAsync(int vintage, EntityLevel level, string kato, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await BoundaryVintages.LockAsync(connection, transaction);
        var unit = new { vintage, level = level.ToCode(), kato };
        var retired = await connection.ExecuteScalarAsync<bool?>(
            "SELECT retired_at IS NOT NULL FROM boundary_units WHERE vintage = @vintage AND level = @level AND kato = @kato", unit, transaction);
        if (retired is null) return new UnitRetirementOutcome(UnitRetirementStatus.Unknown, []);
        if (retired.Value) return new UnitRetirementOutcome(UnitRetirementStatus.AlreadyRetired, []);

        var isCurrent = await BoundaryVintages.CurrentAsync(connection, transaction) == vintage;
        if (isCurrent)
        {
            var dependents = await DependentsAsync(connection, transaction, unit);
            if (dependents.Count > 0) return new UnitRetirementOutcome(UnitRetirementStatus.Refused, dependents);
        }

        await connection.ExecuteAsync(
            "UPDATE boundary_units SET retired_at = now() WHERE vintage = @vintage AND level = @level AND kato = @kato", unit, transaction);
        await BoundaryCrosswalk.RefreshAsync(connection, transaction, vintage);
        if (isCurrent)
        {
            await ServingCopy.RemoveAsync(connection, transaction, level, kato);
            // The published scores were made with the unit and its schools where they were: withdrawn as on a switch,
            // so the scheduler recomputes (VintageSwitch).
            await connection.ExecuteAsync("DELETE FROM published_score_run", transaction: transaction);
        }
        else await BoundaryVintages.RaiseVersionAsync(connection, transaction);
        await AuditLog.WriteAsync(audit with
        {
            Details = new Dictionary<string, object?>(audit.Details) { ["vintage"] = vintage, ["level"] = unit.level, ["kato"] = kato },
        }, connection, transaction);
        await Tiles.MapDataVersion.NotifyAsync(connection, transaction, "boundaries");
        await transaction.CommitAsync(cancellationToken);
        return new UnitRetirementOutcome(UnitRetirementStatus.Retired, []);
    }

    private static async Task<IReadOnlyList<VintageDependent>> DependentsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, object unit) =>
        (await connection.QueryAsync<VintageDependent>($"""
            WITH {UnitDependents.Cte}
            SELECT kind AS Kind, reference AS Reference, level AS Level, kato AS Kato FROM dependents WHERE level = @level AND kato = @kato
            UNION ALL
            SELECT 'district', kato, 'region', region_kato FROM boundary_units
            WHERE @level = 'region' AND level = 'district' AND vintage = @vintage AND region_kato = @kato AND retired_at IS NULL
            ORDER BY 1, 2
            """, unit, transaction)).ToList();
}
