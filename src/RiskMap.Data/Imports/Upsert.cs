using Dapper;

namespace RiskMap.Data.Imports;

/// <summary>Runs an <c>INSERT … ON CONFLICT DO UPDATE … WHERE changed RETURNING (xmax = 0) AS inserted</c> and counts the outcome.</summary>
internal static class Upsert
{
    public static async Task<ImportCounts> CountAsync(ImportContext context, string insertReturningInserted, object parameters, int rows)
    {
        var (inserted, updated) = await context.Connection.QuerySingleAsync<(int, int)>($"""
            WITH upserted AS ({insertReturningInserted})
            SELECT count(*) FILTER (WHERE inserted)::int, count(*) FILTER (WHERE NOT inserted)::int FROM upserted
            """, parameters, context.Transaction, commandTimeout: 900);
        return new ImportCounts(rows, inserted, updated, rows - inserted - updated);
    }
}
