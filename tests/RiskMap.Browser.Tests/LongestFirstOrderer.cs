using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("RiskMap.Browser.Tests.LongestFirstOrderer", "RiskMap.Browser.Tests")]

namespace RiskMap.Browser.Tests;

/// <summary>
/// Starts the classes that take by far the longest before the others, so they overlap with them instead of running
/// alone at the end (./riskmap up, run twice, took a quarter of the project's time after every other class had ended).
/// The rest keep xunit's own order.
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    private static readonly Type[] Longest = [typeof(RiskmapUpTests)];

    private readonly DefaultTestCollectionOrderer _default = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> collections) =>
        _default.OrderTestCollections(collections).OrderBy(Rank);

    // A class without a [Collection] is a collection of its own, named after the class.
    private static int Rank(ITestCollection collection)
    {
        var index = Array.FindIndex(Longest, type => collection.DisplayName == $"Test collection for {type.FullName}");
        return index < 0 ? Longest.Length : index;
    }
}
