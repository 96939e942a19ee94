using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RiskMap.Data;

/// <summary>The "Database" configuration section's settings for connections.</summary>
public sealed class ConnectionPoolOptions
{
    /// <summary>Connections this instance may hold; null: the connection string's, else derived from the server.</summary>
    public int? MaxPoolSize { get; set; }

    /// <summary>Instances of the service sharing the server's connections, for the derived pool size.</summary>
    public int ExpectedNodes { get; set; } = 2;

    /// <summary>Connections each instance leaves for its job server (Hangfire opens its own) and migrations.</summary>
    public int ReservedPerNode { get; set; } = 5;

    /// <summary>How long a request waits for a free connection (or for a new one to open) before a 503.</summary>
    public int ConnectionWaitSeconds { get; set; } = 15;

    /// <summary>What a 503 tells the client to wait before trying again.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}

/// <summary>
/// Builds the service's data source with a pool sized so that every instance together stays below the server's
/// <c>max_connections</c>: requests beyond the pool queue for a connection instead of meeting "53300: remaining
/// connection slots are reserved" from the server.
/// </summary>
public static class ConnectionPool
{
    /// <summary>PostgreSQL's defaults, for when the server cannot be asked at start-up.</summary>
    private const int DefaultMaxConnections = 100, DefaultSuperuserReserved = 3;

    public static NpgsqlDataSource Build(string connectionString, ConnectionPoolOptions options, ILogger logger)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = options.ConnectionWaitSeconds };
        if (options.MaxPoolSize is { } configured) builder.MaxPoolSize = configured;
        else if (!SetsPoolSize(connectionString)) builder.MaxPoolSize = Derived(connectionString, options, logger);
        logger.LogInformation("Database pool: up to {MaxPoolSize} connections, waiting up to {Wait} s for one", builder.MaxPoolSize, builder.Timeout);
        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString) { Name = "riskmap" };
        // PostGIS geometry as NetTopologySuite types, for the EF model (Model/) and for Dapper alike.
        dataSource.UseNetTopologySuite();
        return dataSource.Build();
    }

    /// <summary>(max_connections − superuser_reserved_connections) / expected nodes − reserved per node, at least 1.</summary>
    public static int SizeFor(int maxConnections, int superuserReserved, ConnectionPoolOptions options) =>
        Math.Max(1, (maxConnections - superuserReserved) / Math.Max(1, options.ExpectedNodes) - options.ReservedPerNode);

    private static int Derived(string connectionString, ConnectionPoolOptions options, ILogger logger)
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            connection.Open();
            var (max, reserved) = connection.QuerySingle<(int, int)>(
                "SELECT current_setting('max_connections')::int, current_setting('superuser_reserved_connections')::int");
            return SizeFor(max, reserved, options);
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            logger.LogWarning("Could not read max_connections ({Error}); sizing the pool for PostgreSQL's default", e.Message);
            return SizeFor(DefaultMaxConnections, DefaultSuperuserReserved, options);
        }
    }

    private static bool SetsPoolSize(string connectionString)
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
        return keys.Any(k => k is "maximumpoolsize" or "maxpoolsize");
    }
}
