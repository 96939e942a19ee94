using Dapper;
using Npgsql;

namespace RiskMap.Data.Imports;

/// <summary>Creates a temporary table for the transaction and fills it by binary COPY, the fast way into PostgreSQL.</summary>
internal static class Staging
{
    public static async Task LoadAsync<T>(
        ImportContext context, string createTable, string copyCommand, IEnumerable<T> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow)
    {
        var token = context.CancellationToken;
        await context.Connection.ExecuteAsync(createTable, transaction: context.Transaction);
        await using var copy = await context.Connection.BeginBinaryImportAsync(copyCommand, token);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(token);
            await writeRow(copy, row, token);
        }
        await copy.CompleteAsync(token);
    }
}
