using Dapper;
using Npgsql;
using RiskMap.Data;
using RiskMap.Data.Imports;
using RiskMap.Data.Schema;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Cli;

/// <summary>Scratch databases for the benchmarks: created (from the template when there is one), filled with synthetic data, dropped.</summary>
internal static class BenchDatabase
{
    private const int Quarters = 8;
    private const int Indicators = 20;

    /// <summary>The real boundaries, synthetic schools spread over the districts, and values for 20 indicators (the catalogue's and six more) in 8 quarters.</summary>
    public static async Task GenerateAsync(IServiceProvider provider, string geodata, int schools)
    {
        var imports = provider.GetRequiredService<ImportService>();
        foreach (var file in new[] { "kz_adm1.geojson", "kz_adm2.geojson" })
            await imports.ImportAsync(new ImportRequest(ImportKind.Boundaries, Path.Combine(geodata, file), file, "bench", new ImportOptions { Source = "geokz" }));
        await using var connection = await provider.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync("""
            SELECT setseed(0.42);
            SET maintenance_work_mem = '1GB';
            INSERT INTO indicators (code, domain_code, name_kk, name_ru, name_en, unit, direction, denominator, is_count, sort_order)
            SELECT 'bench_' || g, (ARRAY['violence', 'suicide', 'offending', 'protective'])[1 + g % 4], 'bench ' || g, 'bench ' || g, 'bench ' || g,
                   CASE WHEN g % 2 = 0 THEN 'count' ELSE 'percent' END, 'higher_is_worse', CASE WHEN g % 2 = 0 THEN 'pupils' END, g % 2 = 0, 100 + g
            FROM generate_series(1, @extra) g;
            INSERT INTO import_batches (kind, file_name, sha256, size_bytes, imported_by, source, status, finished_at)
            VALUES ('schools', 'bench', repeat('0', 64), 0, 'bench', 'bench', 'succeeded', now());
            INSERT INTO schools (code, name_ru, name_kk, school_type, language, settlement, pupils, geom, district_kato, region_kato, source, import_batch_id)
            SELECT 'B' || lpad(g::text, 7, '0'), 'Школа ' || g, g || ' мектеп', 'general', 'kk', 'urban', 20 + floor(random() * 1500)::int,
                   d.point, d.kato, d.region_kato, 'bench', (SELECT max(id) FROM import_batches)
            FROM generate_series(1, @schools) g
            JOIN (SELECT row_number() OVER (ORDER BY kato) - 1 AS n, kato, region_kato, ST_PointOnSurface(geom) AS point FROM districts) d
              ON d.n = g % (SELECT count(*) FROM districts);
            -- Bulk load: keys and indexes are built and checked once afterwards instead of row by row.
            ALTER TABLE observations DROP CONSTRAINT observations_pkey;
            ALTER TABLE observations DROP CONSTRAINT observations_indicator_code_fkey;
            ALTER TABLE observations DROP CONSTRAINT observations_import_batch_id_fkey;
            DROP INDEX observations_period_idx;
            INSERT INTO observations (entity_level, entity_code, indicator_code, period, value, denominator, source, import_batch_id)
            SELECT 'school', s.code, i.code, p.period,
                   CASE WHEN i.is_count THEN floor(random() * random() * 6) WHEN i.unit = 'percent' THEN round((random() * 40)::numeric, 1)
                        ELSE 150 + floor(random() * 900) END,
                   CASE WHEN i.is_count THEN s.pupils END, 'bench', (SELECT max(id) FROM import_batches)
            FROM schools s CROSS JOIN indicators i
            CROSS JOIN (SELECT (2024 + (q - 1) / 4)::text || 'Q' || (1 + (q - 1) % 4) AS period FROM generate_series(1, @quarters) q) p;
            ALTER TABLE observations ADD PRIMARY KEY (entity_level, entity_code, indicator_code, period);
            ALTER TABLE observations ADD CONSTRAINT observations_indicator_code_fkey FOREIGN KEY (indicator_code) REFERENCES indicators (code);
            ALTER TABLE observations ADD CONSTRAINT observations_import_batch_id_fkey FOREIGN KEY (import_batch_id) REFERENCES import_batches (id);
            CREATE INDEX observations_period_idx ON observations (period, indicator_code);
            """, new { schools, extra = Indicators - 14, quarters = Quarters }, commandTimeout: 7200);
        // VACUUM cannot run inside the implicit transaction of a multi-statement command.
        await connection.ExecuteAsync("VACUUM ANALYZE observations", commandTimeout: 7200);
    }

    /// <summary>The scratch database's data services, its schema migrated and, when <paramref name="generate"/>, filled by <see cref="GenerateAsync"/>.</summary>
    public static async Task<ServiceProvider> ServicesAsync(NpgsqlConnectionStringBuilder server, string database, string geodata, int schools,
        bool generate, ScoringOptions scoring)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database, CommandTimeout = 3600 }.ConnectionString;
        var provider = new ServiceCollection().AddLogging().AddRiskMapData(connectionString, new ImportLimits(), scoring).BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync();
        if (generate) await GenerateAsync(provider, geodata, schools);
        return provider;
    }

    /// <returns>false when the database was already there (kept from an earlier run).</returns>
    public static async Task<bool> CreateAsync(NpgsqlConnectionStringBuilder server, string database)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" }.ConnectionString);
        if (await admin.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @database)", new { database })) return false;
        var template = await admin.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'riskmap_template')")
            ? " TEMPLATE riskmap_template" : "";
        // The name is made here from a number and the process id, never from input.
        await admin.ExecuteAsync($"CREATE DATABASE \"{database}\"{template}");
        return true;
    }

    public static async Task DropAsync(NpgsqlConnectionStringBuilder server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" }.ConnectionString);
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }
}
