using System.Diagnostics;
using System.Globalization;
using RiskMap.Core.Access;
using RiskMap.Data.Tiles;
using RiskMap.Web.Features.MapImages;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Hosting;
using SkiaSharp;

namespace RiskMap.Web.Cli;

/// <summary>
/// <c>riskmap bench map-image [--rounds 20]</c> against the configured database with a published run (the demo is enough):
/// the national district PNG at 1600 × 1000 through the service on loopback — the first request (cold: nothing loaded),
/// each quarter's first request (drawn: outlines loaded, image not yet cached) and repeats (warm: from the image cache) —
/// against the target of 300 ms warm, with the machine's load average.
/// </summary>
internal static class MapImageBenchmark
{
    private const double TargetMs = 300;
    private const string Image = "/api/maps/image.png?level=district&width=1600&height=1000&lang=en";

    public static async Task<int> RunAsync(IServiceProvider services, int rounds)
    {
        var version = await MapDataVersion.ReadAsync(services.GetRequiredService<Npgsql.NpgsqlDataSource>());
        if (version.Run is null) throw new InvalidOperationException("No score run is published: run ./riskmap score first.");
        var app = RiskMapWebApp.Build(["--urls=http://127.0.0.1:0", "--Scheduler:Enabled=false", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        try
        {
            var origin = app.Urls.First().TrimEnd('/');
            using var http = new HttpClient();
            Console.WriteLine($"load average before: {LoadAverage()}");
            var (cold, size) = await TimeAsync(http, $"{origin}{Image}&period={version.LatestPeriod}");
            var drawn = new List<double>();
            foreach (var period in version.PeriodList.Reverse().Skip(1).Take(6))
                drawn.Add((await TimeAsync(http, $"{origin}{Image}&period={period}")).Ms);
            var warm = new List<double>();
            for (var i = 0; i < rounds; i++) warm.Add((await TimeAsync(http, $"{origin}{Image}&period={version.LatestPeriod}")).Ms);

            Console.WriteLine(Invariant($"national district PNG 1600x1000: {size / 1024.0:0} KiB"));
            Console.WriteLine(Invariant($"  cold (first request, nothing loaded):   {cold,8:0.0} ms"));
            Console.WriteLine(Invariant($"  drawn (not cached; median of {drawn.Count}):    {TileBenchmark.Median(drawn),8:0.0} ms  ({TileBenchmark.Median(drawn) / TargetMs:0.00} of the 300 ms target)"));
            Console.WriteLine(Invariant($"  warm (cached; median of {warm.Count}, max {warm.Max():0.0}): {TileBenchmark.Median(warm),8:0.0} ms  ({TileBenchmark.Median(warm) / TargetMs:0.00} of the 300 ms target)"));
            await ProfileAsync(app.Services, version.PeriodList.Reverse().Take(6).ToList());
            Console.WriteLine($"load average after: {LoadAverage()} ({Environment.ProcessorCount} cores)");
        }
        finally
        {
            await app.StopAsync();
        }
        return 0;
    }

    /// <summary>
    /// Where an uncached image's time goes, in the service's own objects (no HTTP): reading its data (the score table
    /// through SeenScores, the outlines once per boundary version, names), drawing it and encoding the PNG.
    /// </summary>
    private static async Task ProfileAsync(IServiceProvider services, IReadOnlyList<string> periods)
    {
        var maker = services.GetRequiredService<MapImageMaker>();
        var drawing = services.GetRequiredService<MapImageDrawing>();
        var version = await services.GetRequiredService<MapDataWatcher>().CurrentAsync();
        var request = MapImageRequest.Parse("district", null, null, null, null, null, null, "en", null, "1600", "1000");
        var (data, draw, encode, skiaDefault) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        foreach (var period in periods)
        {
            var clock = Stopwatch.StartNew();
            var picture = await maker.PictureAsync(request, version, period, AccessScope.Public);
            data.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            using var image = drawing.Raster(picture);
            draw.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            MapImageDrawing.EncodePng(image);
            encode.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            using (image.Encode(SKEncodedImageFormat.Png, 100)) skiaDefault.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine(Invariant($"  where an uncached image's time goes (median of {periods.Count} quarters): data {TileBenchmark.Median(data):0.0} ms, drawing {TileBenchmark.Median(draw):0.0} ms, PNG encoding {TileBenchmark.Median(encode):0.0} ms (Skia's default encoding of the same images: {TileBenchmark.Median(skiaDefault):0.0} ms)"));
    }

    private static async Task<(double Ms, int Bytes)> TimeAsync(HttpClient http, string url)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        var body = await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
        return (clock.Elapsed.TotalMilliseconds, body.Length);
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
