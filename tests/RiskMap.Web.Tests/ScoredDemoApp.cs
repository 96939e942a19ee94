using Microsoft.Extensions.DependencyInjection;
using RiskMap.Data.Scoring;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>The demo app after one published score run, so the import watch has nothing to recompute.</summary>
public class ScoredDemoApp : RiskMapWebFactory<DemoDatabase>
{
    public long FirstRun { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var outcome = await Database.Services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "test");
        FirstRun = outcome.RunId ?? throw new InvalidOperationException($"The first score run did not succeed: {outcome}");
    }
}
