using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Dapper;
using Npgsql;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>
/// More clients than the database can serve: requests queue for a connection and, when none comes free in time or
/// the server refuses one, are told to come back (503 with Retry-After, a problem) — never a 500.
/// </summary>
public sealed class DatabaseOverloadTests : IAsyncLifetime
{
    private const int Clients = 64;
    private readonly DemoDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Clients_beyond_a_tiny_pool_get_200_or_503_with_retry_after_and_never_500()
    {
        await using var app = new TinyPoolApp(_db);
        using var client = app.CreateClient();
        var region = await _db.ScalarAsync<string>("SELECT kato FROM regions ORDER BY kato LIMIT 1");
        var path = $"/api/districts?geometry=none&region={region}";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);

        // Holding the regions the endpoint reads keeps the pool's connections busy, as a long recompute would.
        await using var holder = new NpgsqlConnection(_db.ConnectionString);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync("LOCK TABLE regions IN ACCESS EXCLUSIVE MODE", transaction: hold);
        var answered = 0;
        var requests = Enumerable.Range(0, Clients).Select(async _ =>
        {
            var response = await client.GetAsync(path);
            Interlocked.Increment(ref answered);
            return response;
        }).ToList();
        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref answered) >= Clients - TinyPoolApp.PoolSize),
            "the clients beyond the pool to be answered while the pool is busy");
        await hold.RollbackAsync();
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        foreach (var response in refused) await AssertComeBackLaterAsync(response);
    }

    [Fact]
    public async Task A_database_refusing_connections_is_a_503_with_retry_after()
    {
        await using var app = new UnreachableDatabaseApp(_db);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/districts?geometry=none");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        await AssertComeBackLaterAsync(response);
    }

    private static async Task AssertComeBackLaterAsync(HttpResponseMessage response)
    {
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("database-unavailable", problem.RootElement.GetProperty("code").GetString());
    }

    /// <summary>Two connections (one of them the map-data watcher's LISTEN), and a three seconds' wait for a free one.</summary>
    private sealed class TinyPoolApp(DemoDatabase db) : RiskMapWebFactory<DemoDatabase>(db)
    {
        public const int PoolSize = 2;

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Database:MaxPoolSize"] = PoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Database:ConnectionWaitSeconds"] = "3",
            ["Scheduler:Enabled"] = "false",
        };
    }

    /// <summary>The service's connection string names a port nothing listens on.</summary>
    private sealed class UnreachableDatabaseApp(DemoDatabase db) : RiskMapWebFactory<DemoDatabase>(db)
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["ConnectionStrings:RiskMap"] = new NpgsqlConnectionStringBuilder(Database.AppConnectionString) { Port = ClosedPort() }.ConnectionString,
            ["Database:ConnectionWaitSeconds"] = "3",
            ["Database:MigrateOnStartup"] = "false",
            ["Scheduler:Enabled"] = "false",
        };

        private static int ClosedPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
