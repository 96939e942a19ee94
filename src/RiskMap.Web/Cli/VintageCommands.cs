using System.Globalization;
using RiskMap.Data.Access;
using RiskMap.Data.Scoring;
using RiskMap.Data.Vintages;

namespace RiskMap.Web.Cli;

/// <summary><c>vintage list</c> and <c>vintage use YEAR</c>: the boundary vintages, as the API gives and switches them.</summary>
internal static class VintageCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments arguments)
    {
        switch (arguments.Words.ElementAtOrDefault(1))
        {
            case "list" when arguments.Words.Count == 2:
                foreach (var v in await services.GetRequiredService<VintageQueries>().ListAsync())
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{v.Vintage}{(v.IsCurrent ? " (current)" : "")}: {v.Regions} regions, {v.Districts} districts, in force {v.ValidFrom ?? "?"} to {v.ValidTo ?? "?"}"));
                }
                return 0;
            case "use" when arguments.Words.Count == 3 && int.TryParse(arguments.Words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var vintage):
                return await UseAsync(services, vintage);
            default:
                await Console.Error.WriteLineAsync("Usage: riskmap vintage list | vintage use YEAR");
                return 2;
        }
    }

    /// <summary>Switches, then recomputes at once, so the map has scores on the new shapes without waiting for the scheduler.</summary>
    private static async Task<int> UseAsync(IServiceProvider services, int vintage)
    {
        var actor = $"cli:{Environment.UserName}";
        var outcome = await services.GetRequiredService<VintageSwitch>().UseAsync(vintage,
            new AuditEntry(actor, null, AuditLog.Actions.VintageSwitched, $"vintage {vintage}", new Dictionary<string, object?>(), null));
        switch (outcome.Status)
        {
            case VintageSwitchStatus.Unknown:
                await Console.Error.WriteLineAsync($"There are no regions and districts of vintage {vintage}; nothing changed.");
                return 1;
            case VintageSwitchStatus.Refused:
                await Console.Error.WriteLineAsync($"Vintage {vintage} lacks units still in use; nothing changed. Change these first:");
                foreach (var d in outcome.Dependents) await Console.Error.WriteLineAsync($"  {d.Kind} {d.Reference}: {d.Level} {d.Kato}");
                return 1;
            case VintageSwitchStatus.AlreadyCurrent:
                Console.WriteLine($"Vintage {vintage} already is current: nothing changed.");
                return 0;
        }
        Console.WriteLine($"Vintage {vintage} is current (was {outcome.Previous}); the map and schools follow it. Recomputing the scores…");
        var run = await services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, actor);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Score run {run.RunId?.ToString(CultureInfo.InvariantCulture) ?? "-"}: {run.Status}"));
        return run.Status is ScoreRunStatus.Failed or ScoreRunStatus.Interrupted ? 1 : 0;
    }
}
