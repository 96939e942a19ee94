namespace RiskMap.Web.Tests.Access;

/// <summary>The HTTP hygiene tests share one scored demo app (one database): none of them changes what another reads.</summary>
[CollectionDefinition(Name)]
public sealed class HygieneAppCollection : ICollectionFixture<ScoredDemoApp>
{
    public const string Name = "hygiene";
}
