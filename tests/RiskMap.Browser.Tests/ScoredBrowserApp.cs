using RiskMap.TestSupport;

namespace RiskMap.Browser.Tests;

/// <summary>The browser fixture after one published score run, so the map has classes to colour by.</summary>
public class ScoredBrowserApp() : BrowserApp(new ScoredDemoDatabase());
