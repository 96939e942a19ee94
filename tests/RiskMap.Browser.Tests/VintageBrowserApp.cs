using RiskMap.TestSupport;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The demo (2024 current) with the real 2018 regions and districts imported beside it, on a database of its own: its
/// tests switch the current vintage, which every other class's map would feel.
/// </summary>
public class VintageBrowserApp : BrowserApp
{
    public VintageBrowserApp() : this(scored: false)
    {
    }

    /// <param name="scored">Whether the demo's score run is published (the 2018 import, of another vintage, leaves it up to date).</param>
    protected VintageBrowserApp(bool scored) : base(new DemoWith2018(scored))
    {
    }

    /// <summary>Copied from the template that holds the 2018 import, not imported for every class.</summary>
    private sealed class DemoWith2018(bool scored) : DemoDatabase
    {
        protected override bool Scored => scored;

        protected override bool With2018 => true;
    }
}

/// <summary>The same with the demo's scores published and up to date, so a recompute is pending only once something changes.</summary>
public sealed class ScoredVintageBrowserApp() : VintageBrowserApp(scored: true);
