using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Core.Indicators;
using RiskMap.Core.Quarantine;
using RiskMap.Data.Demo;
using RiskMap.Data.Imports;
using RiskMap.TestSupport;
using Xunit.Abstractions;

namespace RiskMap.Data.Tests.Quarantine;

/// <summary>
/// The quarantine on the scored demo with its default thresholds: errors planted in the quarter after the demo's last
/// (and a whole region doubled in a re-sent last quarter) are all held; ordinary quarters pass. Each case imports into
/// its own copy of the demo. The figures (catch rate, false alarms) are printed and written to
/// TestResults/quarantine-figures.md.
/// </summary>
public class QuarantineDemoTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<TestDatabase> _copies = [];

    private sealed record Figures(string Case, int Values, int Planted, int Caught, int FalseAlarms, string Reasons);

    private static readonly List<Figures> Measured = [];

    [Fact]
    public async Task Re_sending_the_last_quarter_with_its_own_values_holds_nothing_and_changes_nothing()
    {
        var demo = await DemoAsync();
        var last = await LastQuarterAsync(demo);
        var before = await demo.DataFingerprintAsync();

        var (result, held) = await ImportAsync(demo, last);

        Assert.Equal((0, 0, 0), (result.Counts.Held, result.Counts.Inserted, result.Counts.Updated));
        Assert.Empty(held);
        Assert.Equal(before, await demo.DataFingerprintAsync());
        Record(new Figures("the last quarter (2025Q4) sent again as it is", last.Count, 0, 0, held.Count, ""));
    }

    [Fact]
    public async Task An_ordinary_new_quarter_made_the_demo_s_way_passes_with_almost_nothing_held()
    {
        var demo = await DemoAsync();
        var next = await NextQuarterAsync(demo);

        var (result, held) = await ImportAsync(demo, next);

        Record(new Figures("an ordinary new quarter (2026Q1)", next.Count, 0, 0, held.Count, Reasons(held)));
        // docs/quarantine.md: at the default thresholds at most 2 values in 1,000 of an ordinary demo quarter are held.
        Assert.True(held.Count * 500 <= next.Count, $"{held.Count} of {next.Count} ordinary values held: {Reasons(held)}");
        Assert.Equal(next.Count - held.Count, result.Counts.Inserted);
    }

    public static TheoryData<string> Errors() => ["×10", "÷10", "swapped", "region doubled", "region doubled, sent again"];

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Every_planted_error_is_held(string error)
    {
        var demo = await DemoAsync();
        var planted = error switch
        {
            "×10" => PlantedErrors.TimesTen(await NextQuarterAsync(demo)),
            "÷10" => PlantedErrors.TenthOf(await NextQuarterAsync(demo)),
            "swapped" => PlantedErrors.Swapped(await NextQuarterAsync(demo)),
            "region doubled" => PlantedErrors.RegionDoubled(await NextQuarterAsync(demo)),
            _ => PlantedErrors.RegionDoubled(await LastQuarterAsync(demo)) with { Name = "a whole region doubled in the last quarter sent again" },
        };
        Assert.NotEmpty(planted.Changed);

        var (_, held) = await ImportAsync(demo, planted.Values);

        var heldKeys = held.Select(h => (h.Level, h.Code, h.Indicator)).ToHashSet();
        var caught = planted.Changed.Count(heldKeys.Contains);
        // A value the region's broad change holds beside the planted ones is of that region and file: not a false alarm.
        var falseAlarms = held.Count(h => !planted.Changed.Contains((h.Level, h.Code, h.Indicator)) && !h.Reasons.SequenceEqual(["broad-change"]));
        Record(new Figures(planted.Name, planted.Values.Count, planted.Changed.Count, caught, falseAlarms, Reasons(held)));
        Assert.True(caught == planted.Changed.Count, $"{planted.Name}: {caught} of {planted.Changed.Count} held; missed: " +
            string.Join(", ", planted.Changed.Where(k => !heldKeys.Contains(k)).Take(10)));
        // Nothing held reached what the scores read.
        Assert.Equal(0, await demo.ScalarAsync<long>("""
            SELECT count(*) FROM held_observations h JOIN observations o USING (entity_level, entity_code, indicator_code, period)
            WHERE o.value = h.value AND h.value IS DISTINCT FROM h.stored_value
            """));
    }

    private sealed class Held
    {
        public string Level { get; set; } = "";
        public string Code { get; set; } = "";
        public string Indicator { get; set; } = "";
        public string[] Reasons { get; set; } = [];
    }

    private async Task<QuarantinedDemoDatabase> DemoAsync()
    {
        var demo = new QuarantinedDemoDatabase();
        _copies.Add(demo);
        await demo.InitializeAsync();
        return demo;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var copy in _copies) await copy.DisposeAsync();
    }

    private static async Task<(ImportResult Result, IReadOnlyList<Held> Held)> ImportAsync(TestDatabase demo, IReadOnlyList<DemoObservation> values)
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Directory, "quarter.csv");
        DemoCsv.WriteObservations(path, values);
        var result = await demo.ImportAsync(ImportKind.Indicators, path, new ImportOptions { Source = "demo" });
        var held = await demo.QueryAsync<Held>("""
            SELECT entity_level AS Level, entity_code AS Code, indicator_code AS Indicator, reasons FROM held_observations
            WHERE import_batch_id = @batch AND status = 'held'
            """, new { batch = result.BatchId });
        Assert.Equal(held.Count, result.Counts.Held);
        return (result, held);
    }

    private static Task<IReadOnlyList<DemoObservation>> NextQuarterAsync(TestDatabase demo) =>
        demo.Services.GetRequiredService<DemoDataLoader>().NextQuarterAsync(GeoData.Directory);

    private static async Task<IReadOnlyList<DemoObservation>> LastQuarterAsync(TestDatabase demo)
    {
        var last = DemoObservationGenerator.Nth(DemoObservationGenerator.Quarters - 1);
        var rows = await demo.QueryAsync<(string Level, string Code, string Indicator, double Value, double? Denominator)>(
            "SELECT entity_level, entity_code, indicator_code, value, denominator FROM observations WHERE period = @period",
            new { period = last.ToString() });
        return rows.Select(r => new DemoObservation(r.Level, r.Code, r.Indicator, last, r.Value, r.Denominator)).ToList();
    }

    private static string Reasons(IEnumerable<Held> held) => string.Join(", ", held.SelectMany(h => h.Reasons).GroupBy(r => r).OrderBy(g => g.Key)
        .Select(g => $"{g.Key} {g.Count()}"));

    private void Record(Figures figures)
    {
        var options = new QuarantineOptions();
        var thresholds = string.Create(CultureInfo.InvariantCulture,
            $"RobustZ {options.RobustZ}, MinimumSpread {options.MinimumSpread}, JumpFactor {options.JumpFactor}, BroadChange {options.BroadChange}, " +
            $"BroadShare {options.BroadShare}, BroadMinimumValues {options.BroadMinimumValues}, HistoryQuarters {options.HistoryQuarters}, MinimumHistory {options.MinimumHistory}, " +
            $"CountTail {options.CountTail}, MinimumDispersion {options.MinimumDispersion}");
        var line = string.Create(CultureInfo.InvariantCulture,
            $"| {figures.Case} | {figures.Values:N0} | {figures.Planted} | {figures.Caught} | {figures.FalseAlarms} | {figures.Reasons} |");
        output.WriteLine(thresholds);
        output.WriteLine(line);
        lock (Measured)
        {
            Measured.Add(figures);
            var path = Path.Combine(GeoData.RepositoryRoot(), "TestResults", "quarantine-figures.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllLines(path, [
                $"Thresholds: {thresholds}", "",
                "| case | values in the file | planted errors | held of them | held otherwise (false alarms) | reasons of all held |",
                "|---|---|---|---|---|---|",
                .. Measured.Select(f => string.Create(CultureInfo.InvariantCulture,
                    $"| {f.Case} | {f.Values:N0} | {f.Planted} | {f.Caught} | {f.FalseAlarms} | {f.Reasons} |"))]);
        }
    }
}

/// <summary>The scored demo whose imports pass the quarantine, as the service's do.</summary>
public sealed class QuarantinedDemoDatabase : DemoDatabase
{
    protected override bool Scored => true;

    protected override QuarantineOptions Quarantine => new();
}
