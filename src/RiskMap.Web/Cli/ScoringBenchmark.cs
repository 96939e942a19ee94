using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
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
/// scratch database is dropped afterwards.
/// </summary>
internal static class ScoringBenchmark
{
    // keep: leave each scratch database and reuse it next time (for profiling); its name has no process id then.
    public static async Task<int> RunAsync(IConfiguration configuration, string geodata, IReadOnlyList<int> sizes, bool keep)
    {
        var server = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("RiskMap"));
        Console.WriteLine("schools    method       observations  scan (s)  recompute (s)  ratio  load / score / write+publish (s)  per 1k schools (s)");
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
                        $"{schools,9:N0}  {version,-11}  {figures.Observations,12:N0}  {figures.Scan,8:0.00}  {figures.Recompute,13:0.00}  {figures.Recompute / figures.Scan,5:0.0}×  {figures.Load,6:0.00} / {figures.Score,6:0.00} / {figures.Write,6:0.00}  {figures.Recompute / schools * 1000,10:0.000}"));
                }
            }
            finally
            {
                if (!keep) await BenchDatabase.DropAsync(server, database);
            }
        }
        return 0;
    }

    private sealed record Figures(long Observations, double Scan, double Recompute, double Load, double Score, double Write);

    private static async Task<Figures> MeasureAsync(string connectionString, string geodata, int schools, bool generate, Methodology methodology)
    {
        var services = new ServiceCollection().AddLogging().AddRiskMapData(connectionString, new ImportLimits(), new ScoringOptions { Methodology = methodology });
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync();
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();
        if (generate) await BenchDatabase.GenerateAsync(provider, geodata, schools);

        var scan = await ScanAsync(dataSource);
        var stages = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        var outcome = await provider.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "bench", force: true,
            onStage: stage => stages[stage] = clock.Elapsed.TotalSeconds);
        var total = clock.Elapsed.TotalSeconds;
        if (outcome.Status != ScoreRunStatus.Succeeded) throw new InvalidOperationException($"The benchmark run failed: {outcome.Error}");
        return new Figures(scan.Rows, scan.Seconds, total,
            stages["scoring"] - stages["loading"], stages["writing"] - stages["scoring"], total - stages["writing"]);
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
