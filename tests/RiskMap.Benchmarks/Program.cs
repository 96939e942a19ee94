using System.Globalization;
using RiskMap.Benchmarks;

// ./riskmap bench map [--loads 5] [--url http://127.0.0.1:5080]: time to the first choropleth paint and to a district
// profile in headless Chromium, read from the page's Performance API marks.
var loads = 5;
string? url = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--loads" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
            loads = n;
            i++;
            break;
        case "--url" when i + 1 < args.Length:
            url = args[++i];
            break;
        default:
            Console.Error.WriteLine("usage: riskmap bench map [--loads N] [--url URL of a running RiskMap]");
            return 2;
    }
}

try
{
    await using var target = url is null ? await MapTarget.StartDemoAsync() : await MapTarget.AtAsync(url);
    await using var baseline = await LeafletOnlyPage.StartAsync(target.BaseUrl);
    var benchmark = new MapBenchmark(target.Browser, target.BaseUrl, baseline.Url);

    var loadAtStart = LoadAverage();
    Console.WriteLine($"""
        RiskMap map benchmark: {target.Description} at {target.BaseUrl}
        Chromium {target.Browser.Version} headless, 1280×800, {Environment.ProcessorCount} cores shared by service, browser and benchmark.
        Requests and KB decoded: the document and every file or fetch answered before the choropleth paint (Resource Timing).
        Milliseconds from the start of the navigation, read from the page's Performance API: DOMContentLoaded; data received =
        end of the last fetch or preloaded API answer before the paint (Resource Timing); first frame painted = mark
        riskmap:first-frame-painted, the server-drawn districts in their levels on screen (Element Timing of the image: the map's
        colours are seen, no script has run); choropleth painted = mark riskmap:choropleth-painted, Leaflet's own districts
        drawn in the levels of the view (the map can be used).
        The profile of district {MapBenchmark.District} (Almaly, Almaty city) is opened by clicks on the national map
        (click→profile = riskmap:profile-requested → riskmap:profile-shown) and by the link /?unit={MapBenchmark.District} (link: …).
        Baseline, loaded in turn with the map in the same run: a page that only draws an empty Leaflet map with the same Leaflet
        files from the same service (no data, no RiskMap code): the floor of any Leaflet page here, so the ratio is what
        RiskMap's data requests and drawing cost on top of it, on this machine at this moment.
        """);

    // One round first that is not counted: the service's first requests (JIT, connection pool) are not a page load's cost.
    await benchmark.ColdAsync(1);
    var cold = await benchmark.ColdAsync(loads);
    Report.Table(Console.Out, $"cold: {loads} load(s), each page in a new browser context (empty HTTP cache)", cold);
    var warm = await benchmark.WarmAsync(loads);
    Report.Table(Console.Out, $"warm: {loads} load(s) in one browser context, after one load that fills its HTTP cache", warm);
    Report.Verdict(Console.Out, cold, warm);
    Console.WriteLine($"machine load average (1 min) at the start and the end: {loadAtStart}, {LoadAverage()}");
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or AggregateException or Microsoft.Playwright.PlaywrightException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

// Figures taken on a busy machine are slower; the load average says how busy it was.
static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
