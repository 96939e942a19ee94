using Microsoft.Extensions.DependencyInjection;
using RiskMap.Data.Schema;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

public class MigrationTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Migrations_from_empty_create_the_schema_and_record_each_version_once()
    {
        var tables = await _db.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.Superset(new HashSet<string> { "regions", "districts", "schools", "indicators", "domains", "observations", "import_batches", "schema_migrations" },
            tables.ToHashSet());
        var versions = await _db.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version");
        Assert.Equal(Migration.LoadEmbedded().Select(m => m.Version), versions);

        var geometryColumns = await _db.QueryAsync<(string Table, string Type, int Srid)>(
            "SELECT f_table_name, type, srid FROM geometry_columns ORDER BY f_table_name");
        Assert.Contains(("regions", "MULTIPOLYGON", 4326), geometryColumns);
        Assert.Contains(("districts", "MULTIPOLYGON", 4326), geometryColumns);
        Assert.Contains(("schools", "POINT", 4326), geometryColumns);
        var gistIndexed = await _db.QueryAsync<string>("SELECT tablename FROM pg_indexes WHERE indexdef LIKE '%USING gist%'");
        Assert.Superset(new HashSet<string> { "regions", "districts", "schools", "boundary_generalised" }, gistIndexed.ToHashSet());
    }

    [Fact]
    public async Task Several_instances_starting_at_once_apply_nothing_twice()
    {
        var runner = _db.Services.GetRequiredService<MigrationRunner>();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => runner.ApplyAsync()));
        Assert.All(results, applied => Assert.Empty(applied));
        Assert.Equal(Migration.LoadEmbedded().Count, await _db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task The_catalogue_holds_at_least_twelve_indicators_in_four_domains_named_in_three_languages()
    {
        var indicators = await _db.QueryAsync<(string Code, string Domain, string Kk, string Ru, string En)>(
            "SELECT code, domain_code, name_kk, name_ru, name_en FROM indicators");
        Assert.True(indicators.Count >= 12);
        Assert.Equal(["offending", "protective", "suicide", "violence"], indicators.Select(i => i.Domain).Distinct().Order());
        Assert.All(indicators, i => Assert.Equal(3, new[] { i.Kk, i.Ru, i.En }.Distinct().Count()));
        Assert.Contains(await _db.QueryAsync<string>("SELECT direction FROM indicators"), d => d == "higher_is_better");
    }
}
