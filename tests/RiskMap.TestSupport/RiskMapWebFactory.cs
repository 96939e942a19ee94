using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace RiskMap.TestSupport;

/// <summary>The real RiskMap web application on its own test database (in memory, or on a loopback port for browsers).</summary>
public class RiskMapWebFactory<TDatabase> : WebApplicationFactory<Program>, IAsyncLifetime where TDatabase : TestDatabase, new()
{
    public TDatabase Database { get; }

    public RiskMapWebFactory() : this(new TDatabase())
    {
    }

    /// <summary>For fixtures whose database is a kind of <typeparamref name="TDatabase"/> (e.g. the scored demo).</summary>
    protected RiskMapWebFactory(TDatabase database) => Database = database;

    /// <summary>Extra settings a test class needs (e.g. lower upload limits).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    private readonly ConcurrentDictionary<string, string> _tokens = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:RiskMap", Database.AppConnectionString);
        builder.UseSetting("ConnectionStrings:RiskMapOwner", Database.ConnectionString);
        // The in-memory server's address (its clients' base address), which absolute links and the Host check follow.
        builder.UseSetting("urls", "http://localhost");
        // Tests run offline: no basemap tiles.
        builder.UseSetting("Map:BasemapUrl", "");
        builder.UseSetting("Access:SigningKey", "riskmap-tests-signing-key-of-at-least-32-bytes");
        // Many test classes sign in from the same (in-memory) address; the limit itself has its own test.
        builder.UseSetting("Access:SignInsPerMinute", "10000");
        foreach (var (key, value) in TestScoring.HostSettings) builder.UseSetting(key, value);
        // Tests import values made up for them, not drawn from the units' history; a class about the quarantine turns it on.
        builder.UseSetting("Quarantine:Enabled", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public virtual Task InitializeAsync() => Database.InitializeAsync();

    /// <summary>A client with the bearer token of a demo user, created first where the database lacks it.</summary>
    public HttpClient ClientAs(string username) => ClientAsAsync(username).GetAwaiter().GetResult();

    public async Task<HttpClient> ClientAsAsync(string username)
    {
        if (!_tokens.TryGetValue(username, out var token))
        {
            await TestUsers.EnsureAsync(Database, username);
            token = _tokens[username] = await TestUsers.TokenAsync(CreateClient(), username);
        }
        var client = CreateClient();
        client.UseToken(token);
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}
