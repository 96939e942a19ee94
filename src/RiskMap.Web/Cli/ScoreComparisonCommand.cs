using System.Globalization;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Scoring;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Cli;

/// <summary>
/// <c>riskmap score compare [--base RUN] [--other RUN] [--level school]</c>: the figures of a method comparison for a
/// note, from the same query as <c>GET /api/score-runs/compare</c> read with the whole country in view.
/// </summary>
internal static class ScoreComparisonCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments arguments)
    {
        var comparisons = services.GetRequiredService<ScoreComparisonQueries>();
        if (!EntityLevels.TryParse(arguments.Option("level") ?? "school", out var level))
        {
            await Console.Error.WriteLineAsync("error: --level is region, district or school");
            return 2;
        }
        var baseRun = await RunAsync(comparisons, arguments.Option("base"), Methodology.Version1);
        var otherRun = await RunAsync(comparisons, arguments.Option("other"), Methodology.Version2);
        if (baseRun is null || otherRun is null)
        {
            await Console.Error.WriteLineAsync(
                $"error: name two score run ids with --base and --other, or make a run with each method: riskmap score --methodology {Methodology.Version2}");
            return 2;
        }
        ScoreComparison? comparison;
        try
        {
            comparison = await comparisons.CompareAsync(baseRun.Value, otherRun.Value, level, null, AccessScope.For("cli", Role.Analyst));
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        if (comparison is null)
        {
            await Console.Error.WriteLineAsync($"error: score runs {baseRun} and {otherRun} must both exist and have succeeded");
            return 1;
        }
        Print(Console.Out, comparison);
        return 0;
    }

    /// <summary>The run id given, the latest succeeded run of the method when none is, null for text that is no id.</summary>
    private static async Task<long?> RunAsync(ScoreComparisonQueries comparisons, string? text, string methodologyVersion) =>
        text is null ? await comparisons.LatestRunAsync(methodologyVersion)
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static void Print(TextWriter writer, ScoreComparison comparison)
    {
        var c = CultureInfo.InvariantCulture;
        var runs = new[] { comparison.Base, comparison.Other };
        writer.WriteLine(string.Create(c, $"Share of {comparison.Level}s changing risk level from the quarter before:"));
        writer.WriteLine(string.Create(c, $"  {"quarter",-8}{string.Concat(runs.Select(r => $"  {Heading(r),24}"))}"));
        foreach (var period in runs.SelectMany(r => r.Stability.Select(s => s.Period)).Distinct().Order(StringComparer.Ordinal))
            writer.WriteLine(string.Create(c, $"  {period,-8}{string.Concat(runs.Select(r => $"  {Share(r.Stability.FirstOrDefault(s => s.Period == period)),24}"))}"));
        writer.WriteLine(string.Create(c, $"Median rank-band width (rank_high - rank_low), latest quarter:"));
        foreach (var run in runs)
            writer.WriteLine(string.Create(c, $"  {Heading(run),-24}  {run.MedianRankBandWidth?.ToString("0.#", c) ?? "-"}"));
        var summary = comparison.Summary;
        writer.WriteLine(string.Create(c,
            $"In {comparison.Period}, {summary.ChangedClass} of {summary.Units} {comparison.Level}s change risk level ({summary.Higher} higher, {summary.Lower} lower); " +
            $"median rank change {summary.MedianRankChange?.ToString("0.#", c) ?? "-"}, largest {summary.MaxRankChange?.ToString(c) ?? "-"}."));
    }

    private static string Heading(ComparedRun run) => string.Create(CultureInfo.InvariantCulture, $"run {run.Id} ({run.MethodologyVersion})");

    private static string Share(QuarterStability? quarter) => quarter?.Share is { } share
        ? string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0} % ({quarter.Changed}/{quarter.Units})")
        : "-";
}
