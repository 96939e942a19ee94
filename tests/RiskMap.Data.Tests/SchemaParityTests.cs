using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Data.Model;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

/// <summary>
/// The SQL migrations are the schema's one source; the EF model only maps it. Every table the model writes or reads
/// must exist in the migrated database with every mapped column (system columns such as <c>xmin</c> included), the
/// same type, the same nullability and the same primary key.
/// </summary>
public class SchemaParityTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private sealed record DbColumn(string Table, string Column, string Type, bool NotNull);

    [Fact]
    public async Task Every_mapped_table_column_type_nullability_and_primary_key_is_the_migrated_databases()
    {
        await using var context = await _db.Services.GetRequiredService<IDbContextFactory<RiskMapDbContext>>().CreateDbContextAsync();
        var tables = context.Model.GetRelationalModel().Tables.ToList();
        Assert.Equal(context.Model.GetEntityTypes().Count(), tables.Count);

        var names = tables.Select(t => t.Name).ToArray();
        var columns = (await _db.QueryAsync<DbColumn>("""
            SELECT c.relname AS "Table", a.attname AS "Column", format_type(a.atttypid, a.atttypmod) AS "Type", a.attnotnull AS "NotNull"
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relname = ANY(@names) AND NOT a.attisdropped AND (a.attnum > 0 OR a.attname = 'xmin')
            """, new { names })).ToDictionary(c => (c.Table, c.Column));
        var primaryKeys = (await _db.QueryAsync<(string Table, string Column)>("""
            SELECT c.relname, a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indisprimary AND c.relname = ANY(@names)
            """, new { names })).ToLookup(k => k.Table, k => k.Column);

        var disagreements = new List<string>();
        foreach (var table in tables)
        {
            if (!columns.Keys.Any(k => k.Table == table.Name))
            {
                disagreements.Add($"{table.Name}: no such table");
                continue;
            }
            foreach (var column in table.Columns)
            {
                if (!columns.TryGetValue((table.Name, column.Name), out var actual))
                    disagreements.Add($"{table.Name}.{column.Name}: no such column");
                else if (Normalised(column.StoreType) != Normalised(actual.Type))
                    disagreements.Add($"{table.Name}.{column.Name}: the model says {column.StoreType}, the database {actual.Type}");
                else if (column.IsNullable == actual.NotNull)
                    disagreements.Add($"{table.Name}.{column.Name}: the model says {(column.IsNullable ? "" : "not ")}null, the database the opposite");
            }
            var modelKey = table.PrimaryKey?.Columns.Select(c => c.Name).Order().ToArray() ?? [];
            var databaseKey = primaryKeys[table.Name].Order().ToArray();
            if (!modelKey.SequenceEqual(databaseKey))
                disagreements.Add($"{table.Name}: primary key ({string.Join(", ", modelKey)}) in the model, ({string.Join(", ", databaseKey)}) in the database");
        }
        Assert.Empty(disagreements);
    }

    /// <summary>EF writes "numeric(15,2)" and "geometry(MultiPolygon,4326)", PostgreSQL the same with other spaces and case.</summary>
    private static string Normalised(string type) => type.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
