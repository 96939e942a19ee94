using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace RiskMap.TestSupport;

/// <summary>The real RiskMap web application on its own test database (in memory, or on a loopback port for browsers).</summary>
public class RiskMapWebFactory<TDatabase> : WebApplicationFactory<Program>, IAsyncLifetime where TDatabase : TestDatabase, new()
{
    public TDatabase Database { get; } = new();

    /// <summary>Extra settings a test class needs (e.g. lower upload limits).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:RiskMap", Database.ConnectionString);
        // Tests run offline: no basemap tiles.
        builder.UseSetting("Map:BasemapUrl", "");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public virtual Task InitializeAsync() => Database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>A test database holding the full demo data set.</summary>
public sealed class DemoDatabase : TestDatabase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<RiskMap.Data.Demo.DemoDataLoader>(Services).LoadAsync(GeoData.Directory);
        await new RiskMap.Web.Features.Access.DemoUsers(new RiskMap.Data.Access.UserStore(DataSource), new RiskMap.Web.Features.Access.Passwords()).EnsureAsync();
    }
}
