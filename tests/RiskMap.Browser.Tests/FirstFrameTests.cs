using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The server's first frame of the map is on screen before the map's scripts have run, where Leaflet then draws the
/// country, and gives way to Leaflet's own districts once they are painted.
/// </summary>
public class FirstFrameTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    /// <summary>How far the frame's districts may lie from Leaflet's, in CSS pixels: the frame's vertices are rounded to zoom 6's pixels.</summary>
    private const double Tolerance = 2.5;

    [Fact]
    public async Task The_frame_shows_the_districts_before_the_scripts_and_leaflet_draws_them_in_the_same_place_then_replaces_it()
    {
        var scripts = new TaskCompletionSource();
        var (page, errors) = await app.OpenAsync("/?lang=en", waitUntilReady: false, routes: page =>
            page.RouteAsync("**/js/map/app.js", async route =>
            {
                await scripts.Task;
                await route.ContinueAsync();
            }));

        // No script of the map has run, yet the districts are on screen.
        var frame = page.Locator("#map > img.first-frame");
        await Assertions.Expect(frame).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#map > img.first-frame').complete");
        Assert.True(await frame.EvaluateAsync<bool>("img => img.naturalWidth > 0"), "The frame's image should have loaded.");
        Assert.Equal("true", await frame.GetAttributeAsync("aria-hidden"));
        Assert.Equal(0, await page.Locator("path.district").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("first-frame.png") });
        // A copy to put back after Leaflet has drawn: the page's banners and header, made by the scripts, change the
        // map's size, and the frame follows it (the style sheet sizes it by the map's container).
        await frame.EvaluateAsync("img => { window.firstFrameCopy = img.cloneNode(); }");

        scripts.SetResult();
        await BrowserApp.WaitUntilReadyAsync(page);
        await DistrictPaths.ExpectCountAsync(page, 224, "[data-class]");
        await Assertions.Expect(frame).ToHaveCountAsync(0);
        var drawn = await page.EvaluateAsync<double[]>(LeafletDistrictsBox);
        await page.EvaluateAsync("() => document.getElementById('map').append(window.firstFrameCopy)");
        await page.WaitForFunctionAsync("() => window.firstFrameCopy.complete");
        var framed = await page.EvaluateAsync<double[]>(FramedDistrictsBox);
        for (var i = 0; i < 4; i++) Assert.InRange(framed[i], drawn[i] - Tolerance, drawn[i] + Tolerance);

        var marks = await page.EvaluateAsync<double[]>(
            "['riskmap:first-frame-painted', 'riskmap:choropleth-painted'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? -1)");
        Assert.True(marks[0] > 0 && marks[0] < marks[1], $"The frame should be marked painted before Leaflet's choropleth: {string.Join(", ", marks)}");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_view_other_than_the_default_opens_without_a_frame()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en&classes=quantile", waitUntilReady: false);

        Assert.Equal(0, await page.Locator("img.first-frame").CountAsync());
        await DistrictPaths.ExpectCountAsync(page, 224, "[data-class]");
        Assert.Empty(errors);
    }

    /// <summary>
    /// [left, top, right, bottom] on screen of the districts in the frame: their box in the SVG's own units (measured on
    /// a copy of the SVG, from the image's data: address, in the page), placed by the image's box and viewBox.
    /// </summary>
    private const string FramedDistrictsBox = """
        () => {
          const img = document.querySelector("#map > img.first-frame");
          const src = img.getAttribute("src");
          const text = decodeURIComponent(src.slice(src.indexOf(",") + 1));
          const holder = document.createElement("div");
          holder.innerHTML = text;
          document.body.append(holder);
          const svg = holder.querySelector("svg");
          const box = svg.querySelector("g").getBBox();
          const [x, y, width, height] = svg.getAttribute("viewBox").split(" ").map(Number);
          holder.remove();
          const rect = img.getBoundingClientRect();
          const sx = rect.width / width, sy = rect.height / height;
          return [rect.left + (box.x - x) * sx, rect.top + (box.y - y) * sy,
                  rect.left + (box.x + box.width - x) * sx, rect.top + (box.y + box.height - y) * sy];
        }
        """;

    /// <summary>[left, top, right, bottom] on screen of Leaflet's district paths.</summary>
    private const string LeafletDistrictsBox = """
        () => {
          const rects = Array.from(document.querySelectorAll("path.district"), (p) => p.getBoundingClientRect());
          return [Math.min(...rects.map((r) => r.left)), Math.min(...rects.map((r) => r.top)),
                  Math.max(...rects.map((r) => r.right)), Math.max(...rects.map((r) => r.bottom))];
        }
        """;
}
