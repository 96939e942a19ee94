using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>The demo app after one published score run, so the import watch has nothing to recompute.</summary>
public class ScoredDemoApp : RiskMapWebFactory<DemoDatabase>
{
    public ScoredDemoApp() : this(new ScoredDemoDatabase())
    {
    }

    /// <summary>For a scored demo with more in it (e.g. the 2018 boundaries).</summary>
    protected ScoredDemoApp(DemoDatabase database) : base(database)
    {
    }

    public long FirstRun { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        FirstRun = await Database.ScalarAsync<long>("SELECT run_id FROM published_score_run");
    }
}
