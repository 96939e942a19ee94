using Dapper;
using Npgsql;

namespace RiskMap.Data.Queries;

/// <summary>
/// Everything a count table is made from, as numbers that change whenever it does: the succeeded imports (observations,
/// schools and boundaries; the count as well as the newest, since a long import can succeed after a later one), the
/// boundary version (switches, retirements and deletions of vintages), the stamp of changes to a vintage's in-force days
/// and the newest held value a steward accepted (migration 0025).
/// </summary>
public sealed record CountInputs(long SucceededImports, long NewestImport, long Boundaries, long VintageDays, long Accepted)
{
    public static Task<CountInputs> ReadAsync(NpgsqlConnection connection) => connection.QuerySingleAsync<CountInputs>("""
        SELECT (SELECT count(*) FROM import_batches WHERE status = 'succeeded') AS SucceededImports,
               (SELECT COALESCE(max(id), 0) FROM import_batches WHERE status = 'succeeded') AS NewestImport,
               (SELECT version FROM boundary_version) AS Boundaries,
               (SELECT stamp FROM vintage_days_change) AS VintageDays,
               (SELECT COALESCE(max(input_stamp), 0) FROM held_observations) AS Accepted
        """);
}
