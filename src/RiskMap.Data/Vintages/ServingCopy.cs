using Dapper;
using Npgsql;
using RiskMap.Core.Geography;
using RiskMap.Data.Imports;

namespace RiskMap.Data.Vintages;

/// <summary>
/// <c>regions</c> and <c>districts</c>: the copy of the current vintage's units that every map surface reads. Written
/// only from <c>boundary_units</c>, by an import into the current vintage and by a switch of the current vintage; after
/// each change the schools are placed again, the tiles' generalised boundaries rebuilt and the boundary version (the key
/// of every boundary cache and ETag) raised, in the caller's transaction.
/// </summary>
public static class ServingCopy
{
    /// <summary>Copies units of a vintage into the serving tables (those of <paramref name="katos"/>, or all of them).</summary>
    public static Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EntityLevel level, int vintage, string[]? katos)
    {
        // The table and its extra column come from the level, never from user input.
        var (table, regionColumn) = level == EntityLevel.District ? ("districts", ", region_kato") : ("regions", "");
        return connection.ExecuteAsync($"""
            INSERT INTO {table} AS t (kato, name_kk, name_ru, name_en, vintage, geom, area_km2, import_batch_id{regionColumn})
            SELECT kato, name_kk, name_ru, name_en, vintage, geom, area_km2, import_batch_id{regionColumn}
            FROM boundary_units
            WHERE level = @level AND vintage = @vintage AND retired_at IS NULL AND (@katos::text[] IS NULL OR kato = ANY(@katos))
            ON CONFLICT (kato) DO UPDATE
            SET name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru, name_en = EXCLUDED.name_en,
                vintage = EXCLUDED.vintage, geom = EXCLUDED.geom, area_km2 = EXCLUDED.area_km2,
                import_batch_id = EXCLUDED.import_batch_id, updated_at = now()
            WHERE (t.name_kk, t.name_ru, t.name_en, t.vintage) IS DISTINCT FROM
                  (EXCLUDED.name_kk, EXCLUDED.name_ru, EXCLUDED.name_en, EXCLUDED.vintage)
               OR NOT ST_OrderingEquals(t.geom, EXCLUDED.geom)
            """, new { level = level.ToCode(), vintage, katos }, transaction, commandTimeout: 900);
    }

    /// <summary>Makes the serving copy exactly the units of <paramref name="vintage"/> (a switch of the current vintage).</summary>
    public static async Task ReplaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int vintage)
    {
        // Schools are placed again below; until then nothing may point at a unit about to go.
        await connection.ExecuteAsync("""
            UPDATE schools SET district_kato = NULL, region_kato = NULL WHERE district_kato IS NOT NULL OR region_kato IS NOT NULL;
            DELETE FROM districts WHERE kato NOT IN (SELECT kato FROM boundary_units WHERE level = 'district' AND vintage = @vintage AND retired_at IS NULL);
            DELETE FROM regions WHERE kato NOT IN (SELECT kato FROM boundary_units WHERE level = 'region' AND vintage = @vintage AND retired_at IS NULL);
            """, new { vintage }, transaction, commandTimeout: 900);
        await UpsertAsync(connection, transaction, EntityLevel.Region, vintage, null);
        await UpsertAsync(connection, transaction, EntityLevel.District, vintage, null);
        await ChangedAsync(connection, transaction);
    }

    /// <summary>Takes a retired unit of the current vintage off the map: its schools are placed again among the units left.</summary>
    public static async Task RemoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EntityLevel level, string kato)
    {
        // The table and its school column come from the level, never from user input.
        var (table, schoolColumn) = level == EntityLevel.District ? ("districts", "district_kato") : ("regions", "region_kato");
        var schools = (await connection.QueryAsync<string>($"""
            UPDATE schools SET district_kato = NULL, region_kato = NULL WHERE {schoolColumn} = @kato RETURNING code
            """, new { kato }, transaction)).ToArray();
        await connection.ExecuteAsync($"DELETE FROM {table} WHERE kato = @kato", new { kato }, transaction);
        await ChangedAsync(connection, transaction, schools);
    }

    /// <summary>
    /// What follows every change of the serving copy: schools (those of <paramref name="schoolCodes"/>, or all) placed
    /// again, tiles' boundaries rebuilt, caches keyed anew.
    /// </summary>
    public static async Task ChangedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string[]? schoolCodes = null)
    {
        await SchoolAssignment.ReassignAsync(connection, transaction, schoolCodes);
        await connection.ExecuteAsync("SELECT refresh_boundary_generalised()", transaction: transaction, commandTimeout: 900);
        await BoundaryVintages.RaiseVersionAsync(connection, transaction);
    }
}
