using Microsoft.Playwright;

namespace RiskMap.Benchmarks;

/// <summary>One load of each page: the map then a district profile by click, the map by link to that district, the baseline.</summary>
internal sealed record Round(PageTiming Map, PageTiming Link, PageTiming Baseline);

/// <summary>Loads the map page in Chromium and reads its Performance API marks; the pages of a round are loaded in turn.</summary>
internal sealed class MapBenchmark(IBrowser browser, string serviceUrl, string baselineUrl)
{
    /// <summary>Almaly district, Almaty city.</summary>
    public const string District = "751110000";

    private static readonly ViewportSize Viewport = new() { Width = 1280, Height = 800 };

    /// <summary>Every page in a new browser context, so with an empty HTTP cache.</summary>
    public async Task<IReadOnlyList<Round>> ColdAsync(int loads)
    {
        var rounds = new List<Round>();
        for (var i = 0; i < loads; i++)
        {
            rounds.Add(new Round(await InNewContextAsync(MapThenClickAsync), await InNewContextAsync(LinkAsync), await InNewContextAsync(BaselineAsync)));
        }
        return rounds;
    }

    /// <summary>Every page in one browser context after a first round that fills its HTTP cache and is not counted.</summary>
    public async Task<IReadOnlyList<Round>> WarmAsync(int loads)
    {
        await using var context = await NewContextAsync();
        var rounds = new List<Round>();
        for (var i = 0; i <= loads; i++)
        {
            var round = new Round(await MapThenClickAsync(context), await LinkAsync(context), await BaselineAsync(context));
            if (i > 0) rounds.Add(round);
        }
        return rounds;
    }

    private Task<IBrowserContext> NewContextAsync() =>
        browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = Viewport });

    private async Task<PageTiming> InNewContextAsync(Func<IBrowserContext, Task<PageTiming>> load)
    {
        await using var context = await NewContextAsync();
        return await load(context);
    }

    /// <summary>The national map, then clicks on the district until its profile is requested (the first click opens its region).</summary>
    private Task<PageTiming> MapThenClickAsync(IBrowserContext context) => OnPageAsync(context, serviceUrl + "/", async page =>
    {
        await PageTiming.WaitUntilReadyAsync(page);
        await PageTiming.WaitForMarkAsync(page, PageTiming.ChoroplethPainted);
        var district = page.Locator($"path.district[data-kato='{District}']").First;
        for (var clicks = 0; !await PageTiming.HasMarkAsync(page, PageTiming.ProfileRequested); clicks++)
        {
            if (clicks == 3) throw new InvalidOperationException($"Three clicks on district {District} did not open its profile.");
            await district.DispatchEventAsync("click");
        }
        await PageTiming.WaitForMarkAsync(page, PageTiming.ProfileShownMark);
        return await PageTiming.ReadAsync(page, PageTiming.ChoroplethPainted);
    });

    /// <summary>The link to the district, which opens the map with its profile.</summary>
    private Task<PageTiming> LinkAsync(IBrowserContext context) => OnPageAsync(context, $"{serviceUrl}/?unit={District}", async page =>
    {
        await PageTiming.WaitUntilReadyAsync(page);
        await PageTiming.WaitForMarkAsync(page, PageTiming.ChoroplethPainted);
        await PageTiming.WaitForMarkAsync(page, PageTiming.ProfileShownMark);
        return await PageTiming.ReadAsync(page, PageTiming.ChoroplethPainted);
    });

    private Task<PageTiming> BaselineAsync(IBrowserContext context) => OnPageAsync(context, baselineUrl, async page =>
    {
        await PageTiming.WaitForMarkAsync(page, LeafletOnlyPage.PaintedMark);
        return await PageTiming.ReadAsync(page, LeafletOnlyPage.PaintedMark);
    });

    private async Task<PageTiming> OnPageAsync(IBrowserContext context, string url, Func<IPage, Task<PageTiming>> measure)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        var timing = await measure(page);
        await page.CloseAsync();
        return timing;
    }
}
