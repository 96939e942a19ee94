using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RiskMap.Core.Quarantine;
using RiskMap.Data;
using RiskMap.Data.Imports;
using RiskMap.Data.Schema;
using Xunit;

namespace RiskMap.TestSupport;

/// <summary>
/// A fresh PostgreSQL + PostGIS database for one test class, created from the PostGIS template of its
/// <see cref="TestServer"/> (or from a <see cref="DemoTemplate"/>), migrated, and dropped afterwards.
/// </summary>
public class TestDatabase : IAsyncLifetime
{
    public string Name { get; } = "riskmap_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>As the schema's owner: migrations, fixtures, and checks of what is stored.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>
    /// As the service's runtime role (riskmap_app, a member of riskmap_runtime), which is what the web
    /// application under test connects as; the owner where no runtime role is set up.
    /// </summary>
    public string AppConnectionString { get; private set; } = "";

    public IServiceProvider Services { get; private set; } = null!;

    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>Limits for this database's imports; tests that check the limits lower them.</summary>
    protected virtual ImportLimits Limits => new();

    /// <summary>
    /// The quarantine of this database's imports: off, since tests import values made up for them rather than drawn from
    /// the units' history; a class about the quarantine turns it on.
    /// </summary>
    protected virtual QuarantineOptions Quarantine => new() { Enabled = false };

    /// <summary>Scoring settings for this database's score runs.</summary>
    protected virtual RiskMap.Data.Scoring.ScoringOptions Scoring => TestScoring.Options();

    /// <summary>The server the database is made on.</summary>
    public TestServer Server { get; private set; } = null!;

    /// <summary>Where the database is made: <see cref="TestServer.CurrentAsync"/> unless a fixture needs another.</summary>
    protected virtual Task<TestServer> ServerAsync() => TestServer.CurrentAsync();

    /// <summary>The database this one is a copy of.</summary>
    protected virtual Task<string> TemplateAsync() => Task.FromResult(Server.Template);

    public virtual async Task InitializeAsync()
    {
        Server = await ServerAsync();
        var template = await TemplateAsync();
        await using (var admin = new NpgsqlConnection(Server.OwnerOf("postgres")))
        {
            // Database names cannot be parameters; both come from this class and the script, never from input.
            // FILE_COPY copies the template's files; PostgreSQL 15's default writes all of them (140 MB for the scored
            // demo) to the WAL, three times the CPU, for every test class.
            await admin.ExecuteAsync($"CREATE DATABASE \"{Name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
        }
        ConnectionString = Server.OwnerOf(Name);
        AppConnectionString = Server.AppOf(Name);
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddRiskMapData(ConnectionString, Limits, Scoring, quarantine: Quarantine);
        Services = services.BuildServiceProvider();
        await Services.GetRequiredService<MigrationRunner>().ApplyAsync();
    }

    public virtual async Task DisposeAsync()
    {
        // Nothing was made when the server could not be reached or the copy failed: the start's error says why.
        if (Services is null) return;
        if (Services is IAsyncDisposable disposable) await disposable.DisposeAsync();
        await DropAsync(Name, Server);
    }

    /// <summary>
    /// Drops a test database once the sessions of other roles (the service started by a test, an autovacuum worker)
    /// have ended: this role may end only its own ("must be a member of the role whose process is being terminated").
    /// </summary>
    public static async Task DropAsync(string database, TestServer? server = null)
    {
        NpgsqlConnection.ClearAllPools();
        server ??= await TestServer.CurrentAsync();
        await using var admin = new NpgsqlConnection(server.OwnerOf("postgres"));
        await Eventually.HoldsAsync(async () =>
        {
            if (await admin.ExecuteScalarAsync<long>(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = @database AND usename IS DISTINCT FROM current_user",
                    new { database }) > 0)
            {
                return false;
            }
            try
            {
                await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
                return true;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                // Another role's session (an autovacuum worker on a loaded machine) began between the count and the drop.
                return false;
            }
        }, $"the other sessions on {database} to end and the database to be dropped");
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>
    /// A digest of every stored unit, school, indicator and observation: equal digests mean nothing changed. The demo's
    /// 430,000 observations are summed as row hashes, which needs no sort and no text (ten times quicker than their
    /// text in order); geometry has no such hash, so the units are digested as text.
    /// </summary>
    public Task<string> DataFingerprintAsync() => ScalarAsync<string>("""
        SELECT md5(concat_ws('#',
            (SELECT string_agg(t::text, '|' ORDER BY kato) FROM regions t),
            (SELECT string_agg(t::text, '|' ORDER BY kato) FROM districts t),
            (SELECT string_agg(concat_ws(',', level, kato, vintage, name_kk, name_ru, name_en, md5(ST_AsEWKB(geom)), retired_at), '|'
                    ORDER BY level, kato, vintage) FROM boundary_units),
            (SELECT string_agg(t::text, '|' ORDER BY code) FROM schools t),
            (SELECT string_agg(t::text, '|' ORDER BY code) FROM indicators t),
            (SELECT count(*) || ':' || coalesce(sum(hash_record_extended(t, 0)), 0) FROM observations t)))
        """);

    public Task<ImportResult> ImportAsync(ImportKind kind, string path, ImportOptions? options = null, string? fileName = null) =>
        Services.GetRequiredService<ImportService>().ImportAsync(
            new ImportRequest(kind, path, fileName ?? Path.GetFileName(path), "test", options ?? new ImportOptions()));

    /// <summary>Loads the real 2024 regions and districts from the shared geodata.</summary>
    public async Task ImportBoundariesAsync()
    {
        await ImportAsync(ImportKind.Boundaries, GeoData.File("kz_adm1.geojson"));
        await ImportAsync(ImportKind.Boundaries, GeoData.File("kz_adm2.geojson"));
    }
}

/// <summary>A test database that already holds the real regions and districts.</summary>
public class BoundariesDatabase : TestDatabase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportBoundariesAsync();
    }
}
