using Microsoft.Playwright;
using RiskMap.TestSupport;

namespace RiskMap.Browser.Tests;

/// <summary>
/// RiskMap with the demo data on a loopback port, and Debian's Chromium driven by Playwright
/// (the browser is the system one; Playwright never downloads its own).
/// </summary>
public sealed class BrowserApp : RiskMapWebFactory<DemoDatabase>
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("RISKMAP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A new page that records every console error and failed request, so a test can assert there were none.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string path, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"{request.Url}: {request.Failure}");
        await page.GotoAsync(BaseUrl + path);
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });
        return (page, errors);
    }

    public static string ScreenshotPath(string name)
    {
        var directory = Path.Combine(GeoData.RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}
