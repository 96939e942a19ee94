using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Localization;
using RiskMap.Data;
using RiskMap.Data.Imports;
using RiskMap.Data.Queries;
using RiskMap.Data.Schema;
using RiskMap.Data.Scoring;
using RiskMap.Web.Features.Exports;

namespace RiskMap.Web.Cli;

/// <summary>
/// <c>riskmap bench exports --rows 10000,100000</c>: a scratch database with as many synthetic schools as the largest size,
/// scored once; then for each size the riskiest N schools of the latest quarter, as PostgreSQL's <c>COPY … TO STDOUT</c>
/// (CSV) writes them and as the export endpoints' writers do (CSV and XLSX, into a counting sink instead of a response),
/// each with its time, throughput and memory, all in the same run.
/// </summary>
internal static class ExportBenchmark
{
    public static async Task<int> RunAsync(IConfiguration configuration, string geodata, IReadOnlyList<int> sizes, bool keep)
    {
        var server = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("RiskMap"));
        var schools = sizes.Max();
        var database = keep ? $"riskmap_bench_{schools}" : $"riskmap_bench_{schools}_{Environment.ProcessId}";
        var generate = await BenchDatabase.CreateAsync(server, database);
        try
        {
            await using var provider = await BenchDatabase.ServicesAsync(server, database, geodata, schools, generate, new ScoringOptions());
            var scores = provider.GetRequiredService<ScoreQueries>();
            var runs = provider.GetRequiredService<ScoreRunQueries>();
            if (await runs.PublishedRunAsync() is null)
            {
                var outcome = await provider.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "bench");
                if (outcome.Status != ScoreRunStatus.Succeeded) throw new InvalidOperationException($"The benchmark run failed: {outcome.Error}");
            }
            var run = (await runs.PublishedRunAsync())!.Value;
            var period = (await scores.PeriodsAsync(run))[^1];
            var indicators = await provider.GetRequiredService<CatalogueQueries>().IndicatorsAsync();
            var dataSource = provider.GetRequiredService<NpgsqlDataSource>();

            Console.WriteLine("rows       export        seconds      MB     MB/s    rows/s  peak heap (MB)  peak working set (MB)  allocated (MB)");
            foreach (var rows in sizes.Order())
            {
                // A warm-up of each path first, so the figures leave out the first call's compilation and cold cache.
                async Task<long> Service(Stream sink, Func<Stream, HotspotSheet, IAsyncEnumerable<Hotspot>, Task> write)
                {
                    var filter = new HotspotFilter(EntityLevel.School, period, null, null, ScoreMeasure.Composite, null, rows);
                    var list = (await scores.HotspotsAsync(run, filter, AccessScope.For("bench", Role.Analyst)))!;
                    await write(sink, new HotspotSheet(list, indicators, Language.Ru, demo: false), list.Units);
                    return rows;
                }
                Task Csv(Stream sink, HotspotSheet sheet, IAsyncEnumerable<Hotspot> units) => HotspotCsv.WriteAsync(sink, sheet, units, ',', CancellationToken.None);
                Task Xlsx(Stream sink, HotspotSheet sheet, IAsyncEnumerable<Hotspot> units) => XlsxWorkbook.WriteAsync(sink, sheet, units, CancellationToken.None);
                var copy = await MeasureAsync(rows, "COPY csv", sink => CopyAsync(dataSource, sink, run, period, rows));
                var csv = await MeasureAsync(rows, "service csv", sink => Service(sink, Csv));
                await MeasureAsync(rows, "service xlsx", sink => Service(sink, Xlsx));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{"",9}  service CSV / COPY: {copy.Seconds / csv.Seconds:0.00}× the rows/s, {(double)csv.Bytes / copy.Bytes:0.00}× the bytes"));
            }
        }
        finally
        {
            if (!keep) await BenchDatabase.DropAsync(server, database);
        }
        return 0;
    }

    private sealed record Figures(double Seconds, long Bytes);

    private static async Task<Figures> MeasureAsync(int rows, string name, Func<Stream, Task> export)
    {
        await export(Stream.Null);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var sink = new CountingSink();
        using var peak = new PeakMemory();
        var clock = Stopwatch.StartNew();
        await export(sink);
        var seconds = clock.Elapsed.TotalSeconds;
        peak.Sample();
        var megabytes = sink.Length / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows,9:N0}  {name,-12}  {seconds,7:0.00}  {megabytes,6:0.0}  {megabytes / seconds,7:0.0}  {rows / seconds,8:N0}  {(peak.Heap - heapBefore) / 1e6,14:0.0}  {peak.WorkingSet / 1e6,21:0}  {(GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1e6,14:0}"));
        return new Figures(seconds, sink.Length);
    }

    /// <summary>The same rows, riskiest first, as PostgreSQL writes them itself: the rows of the scores, names and ranks.</summary>
    private static async Task<long> CopyAsync(NpgsqlDataSource dataSource, Stream sink, long run, string period, int rows)
    {
        if (!RiskMap.Core.Indicators.Quarter.TryParse(period, out _)) throw new InvalidOperationException($"Not a quarter: {period}");
        await using var connection = await dataSource.OpenConnectionAsync();
        // COPY takes no parameters: the run is a number and the quarter one the run lists, both read from the database.
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            COPY (SELECT rank() OVER (ORDER BY r.score DESC) AS rank, s.code, s.name_ru, s.region_kato, s.district_kato, r.class, r.score,
                         r.rank_low, r.rank_high, r.reliability, r.low_reliability, r.change_quarter, r.change_year, r.domain_scores, r.contributions
                  FROM score_results r JOIN schools s ON s.code = r.code
                  WHERE r.run_id = {run} AND r.level = 'school' AND r.period = '{period}' AND r.score IS NOT NULL
                  ORDER BY r.score DESC, s.code LIMIT {rows})
            TO STDOUT (FORMAT csv, HEADER)
            """);
        using var copy = await connection.BeginTextExportAsync(sql);
        var text = new char[1 << 16];
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        int read;
        while ((read = await copy.ReadAsync(text)) > 0) await sink.WriteAsync(bytes.AsMemory(0, Encoding.UTF8.GetBytes(text, 0, read, bytes, 0)));
        return rows;
    }

    /// <summary>Counts what is written and keeps none of it.</summary>
    private sealed class CountingSink : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>The largest managed heap and working set seen while it lives, sampled every 5 ms.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly Timer _timer;

        public PeakMemory() => _timer = new Timer(_ => Sample(), null, 0, 5);

        public long Heap { get; private set; }
        public long WorkingSet { get; private set; }

        public void Sample()
        {
            lock (_gate)
            {
                Heap = Math.Max(Heap, GC.GetTotalMemory(false));
                WorkingSet = Math.Max(WorkingSet, Environment.WorkingSet);
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}
