using Dapper;
using Npgsql;

namespace RiskMap.Data.Vintages;

/// <summary>The vintages of the boundaries and which of them is current (the one the map, scores and schools follow).</summary>
public static class BoundaryVintages
{
    /// <summary>
    /// Records the vintages an import writes and returns the current one: on a database without a current vintage
    /// (the first boundary import) the newest of them becomes current, so a fresh database serves what it was given.
    /// </summary>
    public static async Task<int> EnsureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<int> vintages)
    {
        await LockAsync(connection, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO boundary_vintages (vintage) SELECT unnest(@vintages) ON CONFLICT (vintage) DO NOTHING;
            UPDATE boundary_vintages SET is_current = true
            WHERE vintage = (SELECT max(v) FROM unnest(@vintages) v)
              AND NOT EXISTS (SELECT 1 FROM boundary_vintages WHERE is_current);
            """, new { vintages = vintages.ToArray() }, transaction);
        return await connection.ExecuteScalarAsync<int>("SELECT current_boundary_vintage()", transaction: transaction);
    }

    /// <summary>One boundary import or switch at a time, until the caller's transaction ends: each writes the serving copy.</summary>
    public static Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.ExecuteAsync("LOCK TABLE boundary_vintages IN SHARE ROW EXCLUSIVE MODE", transaction: transaction);

    /// <summary>Marks a change of any vintage's boundaries: every boundary answer, tile and ETag is keyed anew when the caller commits.</summary>
    public static Task RaiseVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.ExecuteAsync("UPDATE boundary_version SET version = version + 1", transaction: transaction);

    public static Task<int?> CurrentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction = null) =>
        connection.ExecuteScalarAsync<int?>("SELECT current_boundary_vintage()", transaction: transaction);
}
