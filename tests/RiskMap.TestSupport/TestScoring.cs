using Microsoft.Extensions.Logging.Abstractions;
using RiskMap.Core.Scoring;
using RiskMap.Data.Scoring;

namespace RiskMap.TestSupport;

/// <summary>
/// How every score run the tests make is made, in test databases, the scored demo template and the test hosts alike, so
/// a host's run on the template's data finds it unchanged. The method is the service's own except for fewer Monte Carlo
/// replications (the rank bands and the 2.0 intervals): at the service's 200 they were most of a run's time, and the
/// tests assert how bands and intervals are made and shown, not their third digit.
/// </summary>
public static class TestScoring
{
    public const int Replications = 40;

    /// <summary>The method of the tests' runs, of <paramref name="version"/> (default: the service's current one).</summary>
    public static Methodology Methodology(string version = RiskMap.Core.Scoring.Methodology.CurrentVersion) =>
        new() { Version = version, Replications = Replications };

    /// <summary>
    /// Scoring settings of a test database's services. Forecasts are made only where <paramref name="forecasts"/>: the
    /// backtest is most of a run, and only the template and the classes about forecasts need them.
    /// </summary>
    public static ScoringOptions Options(bool forecasts = false, string version = RiskMap.Core.Scoring.Methodology.CurrentVersion) =>
        new() { Methodology = Methodology(version), Forecasts = forecasts };

    /// <summary>Runs of a test database made as the service makes them, with forecasts (the forecast alerts and the profile's forecast line come from them).</summary>
    public static ScoreRunService ForecastingRuns(TestDatabase database) =>
        new(database.DataSource, Options(forecasts: true), NullLogger<ScoreRunService>.Instance);

    /// <summary>The same as settings of a service under test (a class about forecasts made by a run sets them back to true).</summary>
    public static IReadOnlyDictionary<string, string> HostSettings { get; } = new Dictionary<string, string>
    {
        ["Scoring:Forecasts"] = "false",
        ["Scoring:Methodology:Replications"] = Replications.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
