using System.Collections.Concurrent;
using Microsoft.Playwright;
using RiskMap.TestSupport;
using RiskMap.Web.Features.Access;

namespace RiskMap.Browser.Tests;

/// <summary>RiskMap with the demo data on a loopback port, and the shared <see cref="Chromium"/>.</summary>
public class BrowserApp : RiskMapWebFactory<DemoDatabase>
{
    public BrowserApp() : this(new DemoDatabase())
    {
    }

    protected BrowserApp(DemoDatabase database) : base(database)
    {
    }

    // Timeouts for a loaded 2-core machine: a page that works is slow there, not broken, and one that fails still fails.
    static BrowserApp() => Assertions.SetDefaultExpectTimeout(30_000);

    private Chromium? _chromium;
    private readonly ConcurrentBag<IBrowserContext> _contexts = [];

    public IBrowser Browser => _chromium!.Browser;

    /// <summary>The unscored demo stays unscored however slow the machine: the import watch waits an hour for the demo's imports to settle.</summary>
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Scoring:ImportDebounceSeconds"] = "3600" };

    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _chromium = await Chromium.SharedAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await base.DisposeAsync();
    }

    /// <summary>Records every Content-Security-Policy violation of a document in window.cspViolations.</summary>
    private const string CspViolationRecorder = """
        window.cspViolations = [];
        document.addEventListener("securitypolicyviolation", (e) =>
          window.cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    /// <summary>
    /// A new page that records every console error, message about the Content Security Policy and failed request, so a
    /// test can assert there were none, and its CSP violations in window.cspViolations. <paramref name="timeZone"/> is the
    /// browser's own zone (an IANA id), for pages that must show times in another one. <paramref name="signedInAs"/>, a
    /// demo user, opens the page already signed in (the session cookie of a sign-in through the API), for tests of what a
    /// signed-in user sees: one page load instead of the public page, the dialog and the reload (see <see cref="SignInForm"/>).
    /// <paramref name="waitUntilReady"/> false returns once the page has loaded, for a test of what it shows before its data
    /// are drawn (with <paramref name="routes"/>, the page's routes set before it is opened, holding some request back).
    /// </summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string path, string locale = "en-GB", string? timeZone = null,
        string? signedInAs = null, bool waitUntilReady = true, Func<IPage, Task>? routes = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            TimezoneId = timeZone,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        _contexts.Add(context);
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(120_000);
        await context.AddInitScriptAsync(CspViolationRecorder);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) errors.Add(message.Text);
        };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"{request.Url}: {request.Failure}");
        if (signedInAs is not null) await SignInAsync(context, signedInAs);
        if (routes is not null) await routes(page);
        await page.GotoAsync(BaseUrl + path, new PageGotoOptions { WaitUntil = waitUntilReady ? WaitUntilState.Load : WaitUntilState.Commit });
        if (!waitUntilReady) return (page, errors);
        await WaitUntilReadyAsync(page);
        if (signedInAs is not null) await SignInForm.ExpectSignedInAsync(page);
        return (page, errors);
    }

    /// <summary>
    /// Signs a demo user in through /api/auth/login with the context's own request client, which keeps the session
    /// cookie for the context's pages. A sign-in per page, not per fixture: a test that signs out ends every session of
    /// its user.
    /// </summary>
    private async Task SignInAsync(IBrowserContext context, string username)
    {
        var response = await context.APIRequest.PostAsync(BaseUrl + "/api/auth/login", new APIRequestContextOptions
        {
            DataObject = new { username, password = DemoUsers.Password },
        });
        if (!response.Ok) throw new InvalidOperationException($"Signing in {username}: {response.Status} {await response.TextAsync()}");
    }

    /// <summary>Waits until the page has loaded its data.</summary>
    public static Task WaitUntilReadyAsync(IPage page) =>
        page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });

    public static string ScreenshotPath(string name)
    {
        var directory = Path.Combine(GeoData.RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}
