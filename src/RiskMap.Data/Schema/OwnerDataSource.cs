using Npgsql;

namespace RiskMap.Data.Schema;

/// <summary>
/// The connection of the role that owns the schema, for migrations only. The service itself can run as a role that
/// does not own the tables (see runtime_grants.sql); where no owner connection is configured, both are the same.
/// </summary>
public sealed class OwnerDataSource : IAsyncDisposable
{
    private readonly bool _ownsDataSource;

    private OwnerDataSource(NpgsqlDataSource dataSource, bool ownsDataSource)
    {
        DataSource = dataSource;
        _ownsDataSource = ownsDataSource;
    }

    public static OwnerDataSource SameAs(NpgsqlDataSource runtime) => new(runtime, ownsDataSource: false);

    public static OwnerDataSource Connect(string connectionString) =>
        new(new NpgsqlDataSourceBuilder(connectionString) { Name = "riskmap-owner" }.Build(), ownsDataSource: true);

    public NpgsqlDataSource DataSource { get; }

    public ValueTask DisposeAsync() => _ownsDataSource ? DataSource.DisposeAsync() : ValueTask.CompletedTask;
}
