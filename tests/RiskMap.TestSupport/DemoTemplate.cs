using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RiskMap.Core.Geography;
using RiskMap.Data;
using RiskMap.Data.Demo;
using RiskMap.Data.Imports;
using RiskMap.Data.Schema;
using RiskMap.Data.Scoring;

namespace RiskMap.TestSupport;

/// <summary>
/// The demo data (and, for <c>scored</c>, its published score run; for <c>with2018</c>, the real 2018 regions and
/// districts imported beside the current ones) built once into a template database that test databases are copied from,
/// instead of loading, scoring and importing for every test class. A template's name carries a fingerprint of what it is
/// built from (the sources of Core and Data, which hold the migrations, the importers, the demo generator and the
/// scoring, and the geodata files), so a change to any of them builds a new one. It is built under a temporary
/// name and renamed when complete, under an advisory lock, so a killed run leaves no half-built template and two test
/// processes never build the same one at once. Templates nobody has used for a day are dropped.
/// </summary>
public static class DemoTemplate
{
    private const string Prefix = "riskmap_demo_";
    private static readonly string[] GeoDataInputs = ["kz_adm1.geojson", "kz_adm2.geojson", "kz_adm1_schools_2022.csv"];
    private static readonly (string File, EntityLevel Level)[] Boundaries2018 =
        [("kz_adm1_2018.geojson", EntityLevel.Region), ("kz_adm2_2018.geojson", EntityLevel.District)];
    /// <summary>What the template is made by: the migrations, the importers, the demo generator and the scoring.</summary>
    private static readonly string[] SourceFolders = ["src/RiskMap.Core", "src/RiskMap.Data"];
    private static readonly ConcurrentDictionary<(bool Scored, bool With2018), Lazy<Task<string>>> Templates = new();

    /// <summary>
    /// The name of the migrated demo template (with a published score run if <paramref name="scored"/>, with the 2018
    /// boundaries imported after it if <paramref name="with2018"/>), built if missing.
    /// </summary>
    public static Task<string> EnsureAsync(bool scored, bool with2018 = false) =>
        Templates.GetOrAdd((scored, with2018), key => new Lazy<Task<string>>(() => EnsureOnceAsync(key.Scored, key.With2018))).Value;

    private static async Task<string> EnsureOnceAsync(bool scored, bool with2018)
    {
        // Each template is the one before it plus one step (the demo, a run, the 2018 import), so no step is done twice.
        var server = await TestServer.CurrentAsync();
        var source = with2018 ? await EnsureAsync(scored) : scored ? await EnsureAsync(scored: false) : server.Template;
        var name = Prefix + (scored ? "scored_" : "") + (with2018 ? "2018_" : "")
            + Fingerprint(source, with2018 ? Boundaries2018.Select(b => b.File) : []);
        await using var admin = new NpgsqlConnection(server.OwnerOf("postgres"));
        await admin.OpenAsync();
        await admin.ExecuteScalarAsync("SELECT pg_advisory_lock(hashtext(@name))", new { name });
        try
        {
            if (await admin.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", new { name }))
            {
                await MarkUsedAsync(admin, name);
                return name;
            }
            var building = name + "_building";
            // Left by a builder that was killed; the lock says none is building it now.
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
            await admin.ExecuteAsync($"CREATE DATABASE \"{building}\" TEMPLATE \"{source}\"");
            await FillAsync(server.OwnerOf(building, pooling: false), scored, with2018);
            await admin.ExecuteAsync($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
            await MarkUsedAsync(admin, name);
            await DropUnusedAsync(admin);
            return name;
        }
        finally
        {
            await admin.ExecuteScalarAsync("SELECT pg_advisory_unlock(hashtext(@name))", new { name });
        }
    }

    private static async Task FillAsync(string connectionString, bool scored, bool with2018)
    {
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddRiskMapData(connectionString, new ImportLimits(), TestScoring.Options(forecasts: true));
        await using var provider = services.BuildServiceProvider();
        if (with2018)
        {
            // As the steward's uploads do (POST /api/imports/boundaries?level=…), through the same importer.
            foreach (var (file, level) in Boundaries2018)
            {
                await provider.GetRequiredService<ImportService>().ImportAsync(new ImportRequest(ImportKind.Boundaries, GeoData.File(file), file, "test",
                    new ImportOptions { Level = level }));
            }
        }
        else if (scored)
        {
            var outcome = await provider.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "test");
            if (outcome.RunId is null) throw new InvalidOperationException($"The demo's score run did not succeed: {outcome}");
        }
        else
        {
            await provider.GetRequiredService<MigrationRunner>().ApplyAsync();
            await provider.GetRequiredService<DemoDataLoader>().LoadAsync(GeoData.Directory);
        }
        // Statistics and the visibility map are copied with the template, so every test database starts with them.
        await using var connection = await provider.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync("VACUUM (ANALYZE)");
    }

    // The comment holds when a test process last used the template, for DropUnusedAsync.
    private static Task MarkUsedAsync(NpgsqlConnection admin, string name) =>
        admin.ExecuteAsync($"COMMENT ON DATABASE \"{name}\" IS '{DateTime.UtcNow:O}'");

    /// <summary>Templates of other fingerprints (older builds, other branches) that no test process has used for a day.</summary>
    private static async Task DropUnusedAsync(NpgsqlConnection admin)
    {
        var stale = await admin.QueryAsync<string>("""
            SELECT datname FROM pg_database
            WHERE datname LIKE 'riskmap\_demo\_%' AND datname NOT LIKE '%\_building'
              AND shobj_description(oid, 'pg_database') ~ '^\d{4}-\d\d-\d\dT'
              AND shobj_description(oid, 'pg_database')::timestamptz < now() - interval '1 day'
            """);
        foreach (var name in stale) await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\"");
    }

    private static string Fingerprint(string source, IEnumerable<string> geoData)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(source));
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(TestScoring.Methodology()));
        // Sources, not assemblies: a build stamps the commit into its assemblies, and a commit alone changes no data.
        var root = GeoData.RepositoryRoot();
        var sources = SourceFolders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(file => !file.Contains("/bin/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(file => (Name: file, Path: Path.Combine(root, file)))
            .Concat(GeoDataInputs.Concat(geoData).Select(file => (Name: file, Path: GeoData.File(file))));
        foreach (var (name, path) in sources)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
