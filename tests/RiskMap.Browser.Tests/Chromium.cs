using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// Debian's Chromium (RISKMAP_CHROMIUM: its headless shell under ./riskmap test, the full browser for the benchmark),
/// headless, driven by Playwright, which never downloads its own browser.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    private static readonly Lazy<Task<Chromium>> Shared = new(LaunchAsync);

    /// <summary>
    /// One browser for every fixture of the test process, launched on first use and ended with the process; fixtures
    /// isolate their pages in contexts of their own.
    /// </summary>
    public static Task<Chromium> SharedAsync() => Shared.Value;

    public static async Task<Chromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("RISKMAP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Chromium(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
