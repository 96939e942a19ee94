using Microsoft.Playwright;

namespace RiskMap.Benchmarks;

/// <summary>
/// What one load of a page took, in milliseconds from the start of its navigation, read from the Performance API:
/// <see cref="DataReceived"/> is the end of the last fetch (or API answer the page preloaded) that had answered before the
/// paint (Resource Timing), and
/// <see cref="Profile"/> the measure from <c>riskmap:profile-requested</c> to <c>riskmap:profile-shown</c>;
/// <see cref="FirstFrame"/> the mark <c>riskmap:first-frame-painted</c>, when the server's first frame of the map was on
/// screen (null when the page showed none);
/// <see cref="Requests"/> and <see cref="KilobytesDecoded"/> count the document and every resource answered before the paint.
/// </summary>
internal sealed record PageTiming(double DomContentLoaded, double? DataReceived, double Painted, double? ProfileShown, double? Profile,
    double Requests, double KilobytesDecoded, double? FirstFrame)
{
    public const string ChoroplethPainted = "riskmap:choropleth-painted";
    public const string FirstFramePainted = "riskmap:first-frame-painted";
    public const string ProfileRequested = "riskmap:profile-requested";
    public const string ProfileShownMark = "riskmap:profile-shown";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Waits for the map page's <c>body[data-ready]</c> and fails when the page reports an error.</summary>
    public static async Task WaitUntilReadyAsync(IPage page)
    {
        var body = await page.WaitForSelectorAsync("body[data-ready]", new PageWaitForSelectorOptions { Timeout = (float)Timeout.TotalMilliseconds });
        var ready = await body!.GetAttributeAsync("data-ready");
        if (ready != "true") throw new InvalidOperationException($"{page.Url} did not load (data-ready={ready}).");
    }

    /// <summary>Waits for a mark through a PerformanceObserver, so nothing polls the page while it works.</summary>
    public static Task WaitForMarkAsync(IPage page, string name) => page.EvaluateAsync("""
        name => new Promise((resolve) => {
          if (performance.getEntriesByName(name, "mark").length > 0) return resolve();
          new PerformanceObserver((list, observer) => {
            if (list.getEntriesByName(name).length === 0) return;
            observer.disconnect();
            resolve();
          }).observe({ type: "mark" });
        })
        """, name).WaitAsync(Timeout);

    public static async Task<bool> HasMarkAsync(IPage page, string name) =>
        await page.EvaluateAsync<bool>("name => performance.getEntriesByName(name, 'mark').length > 0", name);

    public static async Task<PageTiming> ReadAsync(IPage page, string paintedMark)
    {
        var values = await page.EvaluateAsync<double?[]>("""
            ([painted, requested, shown, frame]) => {
              const at = (name) => performance.getEntriesByName(name, "mark").at(-1)?.startTime ?? null;
              const data = performance.getEntriesByType("resource")
                .filter((e) => (["fetch", "xmlhttprequest"].includes(e.initiatorType) || new URL(e.name).pathname.startsWith("/api/"))
                  && e.responseEnd <= at(painted))
                .map((e) => e.responseEnd);
              const profile = at(requested) !== null && at(shown) !== null
                ? performance.measure("riskmap:profile", requested, shown).duration
                : null;
              const navigation = performance.getEntriesByType("navigation")[0];
              const before = [navigation, ...performance.getEntriesByType("resource").filter((e) => e.responseEnd <= at(painted))];
              return [navigation.domContentLoadedEventStart,
                data.length > 0 ? Math.max(...data) : null, at(painted), at(shown), profile,
                before.length, before.reduce((sum, e) => sum + e.decodedBodySize, 0) / 1024, at(frame)];
            }
            """, new[] { paintedMark, ProfileRequested, ProfileShownMark, FirstFramePainted });
        return new PageTiming(values[0]!.Value, values[1], values[2] ?? throw new InvalidOperationException($"{page.Url} has no mark {paintedMark}."),
            values[3], values[4], values[5]!.Value, values[6]!.Value, values[7]);
    }
}
