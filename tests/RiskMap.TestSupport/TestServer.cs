using Npgsql;

namespace RiskMap.TestSupport;

/// <summary>
/// The PostgreSQL + PostGIS server test databases are made on: its owner's connection (fixtures, migrations), the
/// service's runtime role where one is set up, and the PostGIS template databases are copied from.
/// </summary>
public sealed record TestServer(string Owner, string? App, string Template)
{
    private static readonly Lazy<Task<TestServer>> Chosen = new(Choose);

    /// <summary>
    /// The server given by <c>./riskmap test</c> (RISKMAP_TEST_PG, RISKMAP_TEST_APP_PG, RISKMAP_TEST_TEMPLATE), else the
    /// test process's <see cref="PostGisContainer"/>, so <c>dotnet test</c> alone works where a Docker engine runs.
    /// </summary>
    public static Task<TestServer> CurrentAsync() => Chosen.Value;

    /// <summary>The owner's connection to <paramref name="database"/>.</summary>
    public string OwnerOf(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(Owner) { Database = database, Pooling = pooling }.ConnectionString;

    /// <summary>The runtime role's connection to <paramref name="database"/>; the owner's where no runtime role is set up.</summary>
    public string AppOf(string database) =>
        App is { Length: > 0 } app ? new NpgsqlConnectionStringBuilder(app) { Database = database }.ConnectionString : OwnerOf(database);

    private static Task<TestServer> Choose() =>
        Environment.GetEnvironmentVariable("RISKMAP_TEST_PG") is { Length: > 0 } owner
            ? Task.FromResult(new TestServer(owner, Environment.GetEnvironmentVariable("RISKMAP_TEST_APP_PG"),
                Environment.GetEnvironmentVariable("RISKMAP_TEST_TEMPLATE") ?? "riskmap_template"))
            : PostGisContainer.ServerAsync();
}
