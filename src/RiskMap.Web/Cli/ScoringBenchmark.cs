using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RiskMap.Core.Indicators;
using RiskMap.Core.Scoring;
using RiskMap.Data;
using RiskMap.Data.Imports;
using RiskMap.Data.Schema;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Cli;

/// <summary>
/// <c>riskmap bench scoring --schools 7700,100000</c>: for each size, a scratch database with the real boundaries,
/// N synthetic schools and 20 indicators over 8 quarters; prints one sequential scan of the observations and a full
/// recompute, both timed in the same run, and their ratio, for methodology 1.0 and then 2.0 on the same data. The
/// scratch database is dropped afterwards. With <c>--core</c>, the scoring alone (<see cref="ScoringEngine.Run"/>) on the
/// same shape of data held in memory: no database, 1.0 and 2.0 alternating at each number of replications, wall and CPU time.
/// </summary>
internal static class ScoringBenchmark
{
    // keep: leave each scratch database and reuse it next time (for profiling); its name has no process id then.
    public static async Task<int> RunAsync(IConfiguration configuration, string geodata, IReadOnlyList<int> sizes, bool keep)
    {
        var server = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("RiskMap"));
        Console.WriteLine("schools    method       observations  scan (s)  recompute (s)  ratio  per 1k schools (s)  stages (s)");
        foreach (var schools in sizes)
        {
            var database = keep ? $"riskmap_bench_{schools}" : $"riskmap_bench_{schools}_{Environment.ProcessId}";
            var generate = await BenchDatabase.CreateAsync(server, database);
            try
            {
                var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database, CommandTimeout = 3600 }.ConnectionString;
                foreach (var version in new[] { Methodology.Version1, Methodology.Version2 })
                {
                    var figures = await MeasureAsync(connectionString, geodata, schools, generate, new Methodology { Version = version });
                    generate = false;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{schools,9:N0}  {version,-11}  {figures.Observations,12:N0}  {figures.Scan,8:0.00}  {figures.Recompute,13:0.00}  {figures.Recompute / figures.Scan,5:0.0}×  {figures.Recompute / schools * 1000,18:0.000}  {string.Join(", ", figures.Stages.Select(s => $"{s.Stage} {s.Seconds:0.00}"))}"));
                }
            }
            finally
            {
                if (!keep) await BenchDatabase.DropAsync(server, database);
            }
        }
        return 0;
    }

    /// <summary>
    /// <c>riskmap bench scoring --core [--schools 7700,100000] [--replications 50,100,200] [--rounds 2]</c>: each round
    /// scores fresh synthetic input with 1.0 and then 2.0 at each number of replications, one right after the other, so
    /// that both meet the same load on a shared machine; CPU time is the whole process's (every thread of the run).
    /// </summary>
    public static int RunInMemory(IReadOnlyList<int> sizes, IReadOnlyList<int> replications, int rounds)
    {
        Console.WriteLine("schools  replications  round  1.0 wall / CPU (s)  2.0 wall / CPU (s)  2.0 / 1.0 wall  CPU  load");
        foreach (var schools in sizes)
            for (var round = 1; round <= rounds; round++)
                foreach (var count in replications)
                {
                    var first = Time(schools, new Methodology { Version = Methodology.Version1, Replications = count });
                    var second = Time(schools, new Methodology { Version = Methodology.Version2, Replications = count });
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{schools,7:N0}  {count,12}  {round,5}  {first.Wall,8:0.00} / {first.Cpu,6:0.00}  {second.Wall,8:0.00} / {second.Cpu,6:0.00}  {second.Wall / first.Wall,13:0.00}×  {second.Cpu / first.Cpu,4:0.00}×  {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
                }
        return 0;
    }

    private static (double Wall, double Cpu) Time(int schools, Methodology methodology)
    {
        var input = SyntheticInput(schools);
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        ScoringEngine.Run(input, methodology);
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>
    /// The benchmark database's shape in memory: 224 districts in 20 regions, schools of 20–1,520 pupils, 8 quarters
    /// and 20 indicators in 4 domains, 8 of them counts (⌊6 U₁U₂⌋ events; two are rolling), the others percentages
    /// (three of them the rolling beta-binomial shares of 2.0, like the catalogue's).
    /// </summary>
    private static ScoringInput SyntheticInput(int schools)
    {
        const int indicators = 20, periods = 8, districts = 224, regions = 20;
        var random = new ScoringRandom(ScoringRandom.Key(42));
        string[] domains = ["violence", "suicide", "offending", "protective"];
        var catalogue = new Catalogue(
            [.. Enumerable.Range(0, indicators).Select(i => new IndicatorSpec(i switch
            {
                2 => "suicides", 4 => "suicide_attempts",
                5 => "screening_high_risk_share", 7 => "chronic_absence_share", 9 => "extracurricular_share",
                _ => $"bench_{i}",
            },
                domains[i % 4], i % 5 == 3 ? Direction.HigherIsBetter : Direction.HigherIsWorse, IsCount: i % 2 == 0 && i < 16, Weight: 1 + i % 3))],
            [.. domains.Select(d => new DomainSpec(d, 1))]);
        var quarters = new List<Quarter> { new(2024, 1) };
        while (quarters.Count < periods) quarters.Add(quarters[^1].Next());
        var codes = Enumerable.Range(0, schools).Select(u => $"B{u:D7}").ToArray();
        var pupils = codes.Select(_ => Math.Floor(20 + 1500 * random.NextDouble())).ToArray();
        var districtCodes = Enumerable.Range(0, districts).Select(d => $"D{d}").ToArray();
        var regionCodes = Enumerable.Range(0, regions).Select(r => $"R{r}").ToArray();
        var districtPupils = new double[districts];
        for (var u = 0; u < schools; u++) districtPupils[u % districts] += pupils[u];
        var regionPupils = new double[regions];
        for (var d = 0; d < districts; d++) regionPupils[d % regions] += districtPupils[d];
        var input = new ScoringInput(catalogue, quarters,
            new LevelData(codes, [.. codes.Select((_, u) => districtCodes[u % districts])], pupils, indicators, periods),
            new LevelData(districtCodes, [.. districtCodes.Select((_, d) => regionCodes[d % regions])], districtPupils, indicators, periods),
            new LevelData(regionCodes, [.. regionCodes.Select(_ => (string?)null)], regionPupils, indicators, periods));
        for (var t = 0; t < periods; t++)
            for (var i = 0; i < indicators; i++)
                for (var u = 0; u < schools; u++)
                {
                    var count = catalogue.Indicators[i].IsCount;
                    input.Schools.Set(t, i, u, count ? Math.Floor(6 * random.NextDouble() * random.NextDouble()) : Math.Round(40 * random.NextDouble(), 1),
                        count ? pupils[u] : null);
                }
        return input;
    }

    /// <summary>A run's figures; <c>Stages</c> are the run's stages (<see cref="ScoreRunService.RunAsync"/>'s) in order, with their seconds.</summary>
    private sealed record Figures(long Observations, double Scan, double Recompute, IReadOnlyList<(string Stage, double Seconds)> Stages);

    private static async Task<Figures> MeasureAsync(string connectionString, string geodata, int schools, bool generate, Methodology methodology)
    {
        var services = new ServiceCollection().AddLogging().AddRiskMapData(connectionString, new ImportLimits(), new ScoringOptions { Methodology = methodology });
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync();
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();
        if (generate) await BenchDatabase.GenerateAsync(provider, geodata, schools);

        var scan = await ScanAsync(dataSource);
        var starts = new List<(string Stage, double At)>();
        var clock = Stopwatch.StartNew();
        var outcome = await provider.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "bench", force: true,
            onStage: stage => starts.Add((stage, clock.Elapsed.TotalSeconds)));
        var total = clock.Elapsed.TotalSeconds;
        if (outcome.Status != ScoreRunStatus.Succeeded) throw new InvalidOperationException($"The benchmark run failed: {outcome.Error}");
        var stages = starts.Select((s, i) => (s.Stage, (i + 1 < starts.Count ? starts[i + 1].At : total) - s.At)).ToList();
        return new Figures(scan.Rows, scan.Seconds, total, stages);
    }

    /// <summary>One sequential scan of the observations (no parallel workers), after a first scan that warms the cache.</summary>
    private static async Task<(long Rows, double Seconds)> ScanAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("SET max_parallel_workers_per_gather = 0");
        const string scan = "SELECT count(*) FROM (SELECT entity_code, indicator_code, period, value, denominator FROM observations) o WHERE value IS NOT NULL";
        await connection.ExecuteScalarAsync<long>(scan, commandTimeout: 3600);
        var clock = Stopwatch.StartNew();
        var rows = await connection.ExecuteScalarAsync<long>(scan, commandTimeout: 3600);
        return (rows, clock.Elapsed.TotalSeconds);
    }
}
