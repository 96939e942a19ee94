using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Data.Scoring;
using RiskMap.Data.Tiles;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Cli;

/// <summary>
/// <c>riskmap bench tiles [--seconds 60]</c> against the configured database (the demo is enough): cold tile latency of the
/// service against the same ST_AsMVT query run directly, cached throughput with wrk against Kestrel serving a static file
/// of the same size, and the size of the national district layer at zoom 5. All measured in the same run, on loopback.
/// </summary>
internal static partial class TileBenchmark
{
    private static readonly (double Lon, double Lat)[] Places = [(76.93, 43.25), (71.43, 51.13), (80.25, 50.41), (57.2, 50.3), (69.6, 42.3)];

    public static async Task<int> RunAsync(IServiceProvider services, int seconds)
    {
        await services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "bench");
        var app = RiskMapWebApp.Build(["--urls=http://127.0.0.1:0", "--Scheduler:Enabled=false", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        try
        {
            var origin = app.Urls.First().TrimEnd('/');
            using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
            var queries = services.GetRequiredService<TileQueries>();
            var version = await MapDataVersion.ReadAsync(services.GetRequiredService<Npgsql.NpgsqlDataSource>());
            await ColdLatencyAsync(http, origin, queries, version);
            await SizeAtZoom5Async(http, origin);
            await ThroughputAsync(http, origin, seconds);
        }
        finally
        {
            await app.StopAsync();
        }
        return 0;
    }

    private static IEnumerable<(int Z, int X, int Y)> Tiles() =>
        Places.SelectMany(p => Enumerable.Range(4, 9).Select(z => (z, Column(p.Lon, z), Row(p.Lat, z)))).Distinct();

    /// <summary>
    /// Each round uses another quarter, so the service's tile cache is cold for every request. The first round only warms
    /// both paths up (JIT, connection pools) and is not counted; then direct and service requests alternate which goes
    /// first. The service's Server-Timing header tells how much of its time PostgreSQL and compression took.
    /// </summary>
    private static async Task ColdLatencyAsync(HttpClient http, string origin, TileQueries queries, MapDataVersion version)
    {
        var periods = version.PeriodList.Reverse().Take(6).ToList();
        var direct = new List<double>();
        var service = new List<double>();
        double serviceDb = 0, serviceGzip = 0;
        var order = 0;
        foreach (var (period, round) in periods.Select((p, i) => (p, i)))
        {
            foreach (var (z, x, y) in Tiles())
            {
                async Task<double> Direct()
                {
                    var clock = Stopwatch.StartNew();
                    await queries.TileAsync(TileLayer.Districts, z, x, y, version.Run, period, AccessScope.Public);
                    return clock.Elapsed.TotalMilliseconds;
                }
                async Task<(double Total, double Db, double Gzip)> Service()
                {
                    var clock = Stopwatch.StartNew();
                    using var request = new HttpRequestMessage(HttpMethod.Get, $"{origin}/tiles/districts/{z}/{x}/{y}.mvt?period={period}");
                    request.Headers.AcceptEncoding.ParseAdd("gzip");
                    using var response = await http.SendAsync(request);
                    await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
                    var total = clock.Elapsed.TotalMilliseconds;
                    var timing = string.Join(",", response.Headers.GetValues("Server-Timing"));
                    return (total, Duration(timing, "db"), Duration(timing, "gzip"));
                }

                double directMs;
                (double Total, double Db, double Gzip) serviceMs;
                if (order++ % 2 == 0) { directMs = await Direct(); serviceMs = await Service(); }
                else { serviceMs = await Service(); directMs = await Direct(); }
                if (round == 0) continue;
                direct.Add(directMs);
                service.Add(serviceMs.Total);
                serviceDb += serviceMs.Db;
                serviceGzip += serviceMs.Gzip;
            }
        }
        var n = service.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cold tiles (districts z4–z12, {n} requests after a warm-up round): service mean {service.Average():0.00} ms / median {Median(service):0.00} ms " +
            $"(PostgreSQL {serviceDb / n:0.00}, gzip {serviceGzip / n:0.00}, HTTP and ASP.NET {service.Average() - (serviceDb + serviceGzip) / n:0.00}), " +
            $"direct ST_AsMVT mean {direct.Average():0.00} ms / median {Median(direct):0.00} ms; ratio of means {service.Average() / direct.Average():0.00}× (target ≤ 1.2×)"));
    }

    private static double Duration(string serverTiming, string metric) =>
        Regex.Match(serverTiming, $@"\b{metric};dur=([\d.]+)") is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    internal static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task SizeAtZoom5Async(HttpClient http, string origin)
    {
        long bytes = 0;
        var tiles = 0;
        for (var x = Column(Kazakhstan.West, 5); x <= Column(Kazakhstan.East, 5); x++)
        {
            for (var y = Row(Kazakhstan.North, 5); y <= Row(Kazakhstan.South, 5); y++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{origin}/tiles/districts/5/{x}/{y}.mvt");
                request.Headers.AcceptEncoding.ParseAdd("gzip");
                var response = await http.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.OK) continue;
                bytes += (await response.Content.ReadAsByteArrayAsync()).Length;
                tiles++;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"national district layer at z5: {tiles} tiles, {bytes / 1024.0:0.0} KB gzip in all (target ≤ 300 KB)"));
    }

    private static async Task ThroughputAsync(HttpClient http, string origin, int seconds)
    {
        var (z, x, y) = (8, Column(76.93, 8), Row(43.25, 8));
        var tileUrl = $"{origin}/tiles/districts/{z}/{x}/{y}.mvt";
        using var request = new HttpRequestMessage(HttpMethod.Get, tileUrl);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var tile = await (await http.SendAsync(request)).Content.ReadAsByteArrayAsync();

        // The baseline: Kestrel's static files serving a file of the same size.
        var directory = Directory.CreateTempSubdirectory("riskmap-bench-static-");
        await File.WriteAllBytesAsync(Path.Combine(directory.FullName, "tile.bin"), tile);
        var builder = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var staticApp = builder.Build();
        staticApp.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(directory.FullName),
            ServeUnknownFileTypes = true,
        });
        await staticApp.StartAsync();
        try
        {
            var service = await WrkAsync(tileUrl, seconds);
            var baseline = await WrkAsync($"{staticApp.Urls.First().TrimEnd('/')}/tile.bin", seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cached tile ({tile.Length:N0} bytes gzip), wrk 2 threads × 64 connections × {seconds} s: {service.Rps:N0} req/s, p50 {service.P50}, p99 {service.P99}, errors {service.Errors}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"static file of the same size: {baseline.Rps:N0} req/s, p50 {baseline.P50}, p99 {baseline.P99}, errors {baseline.Errors}; ratio {service.Rps / baseline.Rps:0.00}× (target ≥ 0.7×)"));
        }
        finally
        {
            await staticApp.StopAsync();
            directory.Delete(recursive: true);
        }
    }

    private sealed record WrkResult(double Rps, string P50, string P99, long Errors);

    private static async Task<WrkResult> WrkAsync(string url, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t2", "-c64", $"-d{seconds}s", "--latency", "-H", "Accept-Encoding: gzip", url }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        string Match(Regex pattern) => pattern.Match(output) is { Success: true } m ? m.Groups[1].Value : "?";
        var errors = Regex.Matches(output, @"(?:Non-2xx or 3xx responses|Socket errors:.*?(?:connect|read|write|timeout)) (\d+)")
            .Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return new WrkResult(double.Parse(Match(RequestsPerSecond()), CultureInfo.InvariantCulture), Match(Percentile50()), Match(Percentile99()), errors);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"\s50%\s+(\S+)")]
    private static partial Regex Percentile50();

    [GeneratedRegex(@"\s99%\s+(\S+)")]
    private static partial Regex Percentile99();

    private static int Column(double lon, int z) => (int)Math.Floor((lon + 180) / 360 * (1 << z));

    private static int Row(double lat, int z)
    {
        var rad = lat * Math.PI / 180;
        return (int)Math.Floor((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * (1 << z));
    }
}
