using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The districts as the map draws them from vector tiles: SVG paths with class "district" and data-kato, one per tile
/// a district crosses, so a district is counted once however many tiles it spans.
/// </summary>
public static class DistrictPaths
{
    /// <summary>How many districts have a drawn path matching the extra selector (e.g. ".selected").</summary>
    public static async Task<int> CountAsync(IPage page, string filter = "") =>
        (await page.EvaluateAsync<string[]>(
            "selector => Array.from(document.querySelectorAll(selector)).map(p => p.dataset.kato)", $"path.district{filter}"))
        .Distinct().Count();

    /// <summary>
    /// Waits until between <paramref name="min"/> and <paramref name="max"/> districts have a drawn path matching the
    /// filter: after a click or a zoom the map replaces its tiles, so a count read at once may be of the old ones.
    /// </summary>
    public static async Task ExpectCountAsync(IPage page, int min, int max, string filter = "", string awaited = "")
    {
        const string counted = """
            ({ selector, min, max }) => {
              const n = new Set(Array.from(document.querySelectorAll(selector), p => p.dataset.kato)).size;
              return n >= min && n <= max;
            }
            """;
        try
        {
            await page.WaitForFunctionAsync(counted, new { selector = $"path.district{filter}", min, max }, new PageWaitForFunctionOptions { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            var shown = await CountAsync(page, filter);
            throw new TimeoutException($"{awaited} Awaited {min}–{max} districts drawn as path.district{filter}; {shown} after 30 s.".Trim());
        }
    }

    /// <summary>Waits until exactly <paramref name="expected"/> districts have a drawn path matching the filter.</summary>
    public static Task ExpectCountAsync(IPage page, int expected, string filter = "") => ExpectCountAsync(page, expected, expected, filter);

    /// <summary>Waits until some drawn district is filled otherwise than in <paramref name="before"/>; returns the new fills.</summary>
    public static async Task<Dictionary<string, string>> RecolouredAsync(IPage page, Dictionary<string, string> before)
    {
        await page.WaitForFunctionAsync("""
            before => Array.from(document.querySelectorAll("path.district"))
              .some(p => p.dataset.kato in before && p.getAttribute("fill") !== before[p.dataset.kato])
            """, before, new PageWaitForFunctionOptions { Timeout = 30_000 });
        return await FillsAsync(page);
    }

    /// <summary>One drawn path of the district (its first tile), to hover or click.</summary>
    public static ILocator Of(IPage page, string kato) => page.Locator($"path.district[data-kato='{kato}']").First;

    /// <summary>Clicks the district once the tiles of the current view are drawn (a path of a tile being replaced is inert).</summary>
    public static async Task ClickAsync(IPage page, string kato)
    {
        await WaitUntilDrawnAsync(page);
        await Of(page, kato).DispatchEventAsync("click");
    }

    /// <summary>Waits until the map has drawn every tile of its view.</summary>
    public static Task WaitUntilDrawnAsync(IPage page) =>
        page.WaitForSelectorAsync("#map[data-tiles='ready']", new PageWaitForSelectorOptions { Timeout = 30_000 });

    /// <summary>Each drawn district's fill colour by KATO.</summary>
    public static async Task<Dictionary<string, string>> FillsAsync(IPage page)
    {
        var pairs = await page.EvaluateAsync<string[][]>(
            "Array.from(document.querySelectorAll('path.district')).map(p => [p.dataset.kato, p.getAttribute('fill')])");
        return pairs.GroupBy(pair => pair[0]).ToDictionary(group => group.Key, group => group.First()[1]);
    }
}
