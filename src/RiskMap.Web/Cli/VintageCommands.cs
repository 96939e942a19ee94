using System.Globalization;
using RiskMap.Core.Geography;
using RiskMap.Data.Access;
using RiskMap.Data.Scoring;
using RiskMap.Data.Vintages;

namespace RiskMap.Web.Cli;

/// <summary>
/// <c>vintage list|use|delete|set|retire|crosswalk</c>: the boundary vintages, listed, switched and deleted as the API
/// does, their dates, retiring a unit, and the crosswalk between two vintages as CSV.
/// </summary>
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
            case "use" when Year(arguments) is { } vintage:
                return await UseAsync(services, vintage);
            case "delete" when Year(arguments) is { } vintage:
                return await DeleteAsync(services, vintage);
            case "set" when Year(arguments) is { } vintage && VintageDates.TryParseDay(arguments.Option("from"), out var from) && VintageDates.TryParseDay(arguments.Option("to"), out var to):
                if (from is not null && to is not null && to < from) return await FailAsync("--to comes before --from; nothing changed.");
                return await SetDatesAsync(services, vintage, from, to);
            case "retire" when arguments.Words.Count == 2:
                return await RetireAsync(services, arguments);
            case "crosswalk" when arguments.Words.Count == 4:
                return await CrosswalkAsync(services, arguments);
            default:
                await Console.Error.WriteLineAsync("Usage: riskmap vintage list | vintage use YEAR | vintage delete YEAR | vintage set YEAR [--from YYYY-MM-DD] [--to YYYY-MM-DD]" +
                                                   " | vintage retire --level region|district --kato KATO --vintage YEAR" +
                                                   " | vintage crosswalk FROM TO [--level region|district] [--out FILE.csv]");
                return 2;
        }
    }

    private static int? Year(CliArguments arguments) =>
        arguments.Words.Count == 3 && int.TryParse(arguments.Words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    private static AuditEntry By(string action, int vintage) =>
        new($"cli:{Environment.UserName}", null, action, $"vintage {vintage}", new Dictionary<string, object?>(), null);

    private static int Done(string message)
    {
        Console.WriteLine(message);
        return 0;
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 1;
    }

    private static async Task<int> DeleteAsync(IServiceProvider services, int vintage)
    {
        var outcome = await services.GetRequiredService<VintageDeletion>().DeleteAsync(vintage, By(AuditLog.Actions.VintageDeleted, vintage));
        switch (outcome.Status)
        {
            case VintageDeletionStatus.Unknown:
                return await FailAsync($"There is no vintage {vintage}; nothing changed.");
            case VintageDeletionStatus.Current:
                return await FailAsync($"Vintage {vintage} is current; make another current first. Nothing changed.");
            case VintageDeletionStatus.Refused:
                await Console.Error.WriteLineAsync($"Vintage {vintage} is still referred to; nothing changed:");
                foreach (var r in outcome.References) await Console.Error.WriteLineAsync($"  {r.Kind} {r.Reference}{(r.Count > 1 ? $" ({r.Count})" : "")}");
                return 1;
            default:
                return Done($"Vintage {vintage} and its units are deleted.");
        }
    }

    private static async Task<int> SetDatesAsync(IServiceProvider services, int vintage, DateOnly? from, DateOnly? to)
    {
        var outcome = await services.GetRequiredService<VintageDates>().SetAsync(vintage, from, to, By(AuditLog.Actions.VintageDatesSet, vintage));
        return outcome.Status switch
        {
            VintageDatesStatus.Unknown => await FailAsync($"There is no vintage {vintage}; nothing changed."),
            VintageDatesStatus.Overlaps => await FailAsync($"{outcome.OverlapText} Nothing changed."),
            _ => Done($"Vintage {vintage} is in force from {from?.ToString("O") ?? "?"} to {to?.ToString("O") ?? "?"}; " +
                      "the scores follow at the next recompute (the scheduler's, or ./riskmap score)."),
        };
    }

    private static async Task<int> RetireAsync(IServiceProvider services, CliArguments arguments)
    {
        if (!EntityLevels.TryParse(arguments.Option("level"), out var level) || level == EntityLevel.School)
            return await FailAsync("--level is region or district; nothing changed.");
        if (!Kato.TryParse(arguments.Option("kato"), out var kato)) return await FailAsync("--kato is a 9-digit KATO code; nothing changed.");
        if (!int.TryParse(arguments.Option("vintage"), NumberStyles.None, CultureInfo.InvariantCulture, out var vintage))
            return await FailAsync("--vintage is the year of the boundaries, such as 2018; nothing changed.");
        var unit = $"{level.ToCode()} {kato.Value} of vintage {vintage}";
        var audit = By(AuditLog.Actions.UnitRetired, vintage) with { Target = unit };
        var outcome = await services.GetRequiredService<UnitRetirement>().RetireAsync(vintage, level, kato.Value, audit);
        switch (outcome.Status)
        {
            case UnitRetirementStatus.Unknown:
                return await FailAsync($"There is no {unit}; nothing changed.");
            case UnitRetirementStatus.Refused:
                await Console.Error.WriteLineAsync($"The {unit} is still in use; nothing changed. Change these first:");
                foreach (var d in outcome.Dependents) await Console.Error.WriteLineAsync($"  {d.Kind} {d.Reference}: {d.Level} {d.Kato}");
                return 1;
            case UnitRetirementStatus.AlreadyRetired:
                return Done($"The {unit} already is retired: nothing changed.");
            default:
                return Done($"The {unit} is retired.");
        }
    }

    /// <summary>The crosswalk from one vintage to another as CSV, to --out or standard output.</summary>
    private static async Task<int> CrosswalkAsync(IServiceProvider services, CliArguments arguments)
    {
        if (!int.TryParse(arguments.Words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var from) ||
            !int.TryParse(arguments.Words[3], NumberStyles.None, CultureInfo.InvariantCulture, out var to) || from == to)
            return await FailAsync("Give two different vintages, such as: vintage crosswalk 2018 2024.");
        if (!EntityLevels.TryParse(arguments.Option("level") ?? "district", out var level) || level == EntityLevel.School)
            return await FailAsync("--level is region or district.");
        var crosswalk = services.GetRequiredService<BoundaryCrosswalk>();
        if (!await crosswalk.KnowsAsync(from, to)) return await FailAsync($"Vintage {from} or {to} does not exist; see: vintage list.");
        var rows = await crosswalk.ReadAsync(from, to, level);
        if (arguments.Option("out") is { } path)
        {
            await using var file = File.Create(path);
            await Features.Vintages.CrosswalkCsv.WriteAsync(file, rows);
            return Done(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {rows.Count} rows of the {level.ToCode()} crosswalk from {from} to {to} to {path}."));
        }
        await using var output = Console.OpenStandardOutput();
        await Features.Vintages.CrosswalkCsv.WriteAsync(output, rows);
        return 0;
    }

    /// <summary>Switches, then recomputes at once, so the map has scores on the new shapes without waiting for the scheduler.</summary>
    private static async Task<int> UseAsync(IServiceProvider services, int vintage)
    {
        var audit = By(AuditLog.Actions.VintageSwitched, vintage);
        var outcome = await services.GetRequiredService<VintageSwitch>().UseAsync(vintage, audit);
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
        var run = await services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, audit.Actor);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Score run {run.RunId?.ToString(CultureInfo.InvariantCulture) ?? "-"}: {run.Status}"));
        return run.Status is ScoreRunStatus.Failed or ScoreRunStatus.Interrupted ? 1 : 0;
    }
}
