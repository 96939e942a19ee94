using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>One RiskMap instance with the demo data, shared by the read-only API tests.</summary>
public sealed class DemoApp : RiskMapWebFactory<DemoDatabase>;

[CollectionDefinition(Name)]
public sealed class DemoAppCollection : ICollectionFixture<DemoApp>
{
    public const string Name = "demo app";
}
