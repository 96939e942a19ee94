using Dapper;
using Npgsql;
using RiskMap.Data.Access;

namespace RiskMap.Data.Vintages;

public enum VintageDeletionStatus
{
    Deleted,
    Unknown,
    /// <summary>The current vintage is never deleted: switch to another first.</summary>
    Current,
    /// <summary>Something still refers to the vintage; nothing changed.</summary>
    Refused,
}

/// <summary>What refers to a vintage: its score runs, and the observations of the quarters it was in force.</summary>
public sealed record VintageReference(string Kind, string Reference, long Count);

public sealed record VintageDeletionOutcome(VintageDeletionStatus Status, IReadOnlyList<VintageReference> References);

/// <summary>
/// Deletes a vintage that is not current, with its units, in one audited transaction; refused, listing them, while
/// score runs were made on it or observations fall in the quarters it was in force (its valid_from/valid_to).
/// </summary>
public sealed class VintageDeletion(NpgsqlDataSource dataSource)
{
    public async Task<VintageDeletionOutcome> DeleteAsync(int vintage, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await BoundaryVintages.LockAsync(connection, transaction);
        var isCurrent = await connection.ExecuteScalarAsync<bool?>(
            "SELECT is_current FROM boundary_vintages WHERE vintage = @vintage", new { vintage }, transaction);
        if (isCurrent is null) return new VintageDeletionOutcome(VintageDeletionStatus.Unknown, []);
        if (isCurrent.Value) return new VintageDeletionOutcome(VintageDeletionStatus.Current, []);

        var references = await ReferencesAsync(connection, transaction, vintage);
        if (references.Count > 0) return new VintageDeletionOutcome(VintageDeletionStatus.Refused, references);

        var units = await connection.ExecuteScalarAsync<long>("""
            WITH gone AS (DELETE FROM boundary_units WHERE vintage = @vintage RETURNING 1) SELECT count(*) FROM gone
            """, new { vintage }, transaction);
        await connection.ExecuteAsync("DELETE FROM boundary_vintages WHERE vintage = @vintage", new { vintage }, transaction);
        await BoundaryVintages.RaiseVersionAsync(connection, transaction);
        await AuditLog.WriteAsync(audit with { Details = new Dictionary<string, object?>(audit.Details) { ["vintage"] = vintage, ["units"] = units } },
            connection, transaction);
        await Tiles.MapDataVersion.NotifyAsync(connection, transaction, "boundaries");
        await transaction.CommitAsync(cancellationToken);
        return new VintageDeletionOutcome(VintageDeletionStatus.Deleted, []);
    }

    private static async Task<IReadOnlyList<VintageReference>> ReferencesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int vintage) =>
        (await connection.QueryAsync<VintageReference>("""
            SELECT 'score run' AS Kind, id::text AS Reference, 1::bigint AS Count FROM score_runs WHERE boundary_vintage = @vintage
            UNION ALL
            SELECT 'observations', period, count(*) FROM observations o
            JOIN boundary_vintages v ON v.vintage = @vintage AND (v.valid_from IS NOT NULL OR v.valid_to IS NOT NULL)
            WHERE quarter_start(o.period) BETWEEN COALESCE(v.valid_from, '-infinity') AND COALESCE(v.valid_to, 'infinity')
            GROUP BY period
            ORDER BY 1, 2
            """, new { vintage }, transaction, commandTimeout: 300)).ToList();
}
