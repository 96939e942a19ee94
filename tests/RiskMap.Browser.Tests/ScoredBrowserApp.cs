using Microsoft.Extensions.DependencyInjection;
using RiskMap.Data.Scoring;

namespace RiskMap.Browser.Tests;

/// <summary>The browser fixture after one published score run, so the map has classes to colour by.</summary>
public class ScoredBrowserApp : BrowserApp
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var outcome = await Database.Services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "test");
        if (outcome.RunId is null) throw new InvalidOperationException($"The score run did not succeed: {outcome}");
    }
}
