using RiskMap.Browser.Tests;

namespace RiskMap.Benchmarks;

/// <summary>The browser tests' scored fixture, logging only warnings so that the benchmark's figures stand alone on the console.</summary>
internal sealed class BenchmarkApp : ScoredBrowserApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" };
}
