using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>
/// A test of a node killed mid-work on one database: node-a a service process of its own (<see cref="ServiceProcess"/>,
/// killed as by <c>kill -9</c>), node-b an instance in the test's process (<see cref="ClusterNode"/>), both with the
/// cluster nodes' settings and <paramref name="settings"/>; each started when first used.
/// </summary>
public abstract class KilledNodeTest<TDatabase>(IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    private ServiceProcess? _nodeA;
    private ClusterNode? _nodeB;

    protected TDatabase Db { get; } = new();

    protected ServiceProcess NodeA => _nodeA ??= new ServiceProcess(Db.ConnectionString, ClusterNode.SettingsOf("node-a", settings));

    protected ClusterNode NodeB => _nodeB ??= new ClusterNode(Db.ConnectionString, "node-b", settings);

    public Task InitializeAsync() => Db.InitializeAsync();

    public async Task DisposeAsync()
    {
        _nodeA?.Dispose();
        if (_nodeB is not null) await _nodeB.DisposeAsync();
        await Db.DisposeAsync();
    }
}
