using System.Globalization;

namespace RiskMap.Benchmarks;

/// <summary>The rounds as a table (each load, then min / median / max) and the verdict against the targets.</summary>
internal static class Report
{
    /// <summary>Median cold first paint, and its ratio to the Leaflet-only page of the same run.</summary>
    public const double TargetMs = 600;
    public const double TargetRatio = 4;

    private static readonly (string Header, Func<Round, double?> Value)[] Columns =
    [
        ("requests", r => r.Map.Requests),
        ("KB decoded", r => r.Map.KilobytesDecoded),
        ("DOMContentLoaded", r => r.Map.DomContentLoaded),
        ("data received", r => r.Map.DataReceived),
        ("first frame painted", r => r.Map.FirstFrame),
        ("choropleth painted", r => r.Map.Painted),
        ("click→profile", r => r.Map.Profile),
        ("link: painted", r => r.Link.Painted),
        ("link: profile shown", r => r.Link.ProfileShown),
        ("link: requested→shown", r => r.Link.Profile),
        ("Leaflet only: painted", r => r.Baseline.Painted),
    ];

    public static void Table(TextWriter output, string title, IReadOnlyList<Round> rounds)
    {
        output.WriteLine();
        output.WriteLine(title);
        var rows = rounds.Select((round, i) => ((i + 1).ToString(CultureInfo.InvariantCulture), Columns.Select(c => c.Value(round)).ToArray())).ToList();
        rows.Add(("min", Columns.Select(c => rounds.Min(c.Value)).ToArray()));
        rows.Add(("median", Columns.Select(c => Median(rounds.Select(c.Value))).ToArray()));
        rows.Add(("max", Columns.Select(c => rounds.Max(c.Value)).ToArray()));
        output.WriteLine("ms      " + string.Join("  ", Columns.Select(c => c.Header)));
        foreach (var (label, values) in rows)
        {
            var cells = values.Select((v, i) => (v is null ? "–" : v.Value.ToString("0", CultureInfo.InvariantCulture)).PadLeft(Columns[i].Header.Length));
            output.WriteLine(label.PadRight(8) + string.Join("  ", cells));
        }
    }

    /// <summary>
    /// The median cold first paint against the targets (in ms and as a ratio to the baseline), for the server's first frame
    /// (the map's colours on screen) and for Leaflet's choropleth (the map usable), and the warm ratio of the latter.
    /// </summary>
    public static void Verdict(TextWriter output, IReadOnlyList<Round> cold, IReadOnlyList<Round> warm)
    {
        output.WriteLine();
        var coldBaseline = Median(cold.Select(r => (double?)r.Baseline.Painted))!.Value;
        foreach (var (name, painted) in new (string, Func<Round, double?>)[]
                 {
                     ("first frame painted (the map's colours on screen)", r => r.Map.FirstFrame),
                     ("first choropleth paint (Leaflet's: the map usable)", r => r.Map.Painted),
                 })
        {
            if (Median(cold.Select(painted)) is not { } median) continue;
            var ratio = median / coldBaseline;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}, cold: median {median:0} ms, max {cold.Max(painted):0} ms, {ratio:0.00}× the Leaflet-only page; target median ≤ {TargetMs:0} ms and ≤ {TargetRatio:0}×: {(median <= TargetMs && ratio <= TargetRatio ? "MET" : "MISSED")}"));
        }
        foreach (var (name, rounds) in new[] { ("cold", cold), ("warm", warm) })
        {
            var map = Median(rounds.Select(r => (double?)r.Map.Painted))!.Value;
            var baseline = Median(rounds.Select(r => (double?)r.Baseline.Painted))!.Value;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio to the Leaflet-only page, {name}: {map:0} / {baseline:0} ms = {map / baseline:0.00}× (RiskMap's data and drawing add {map - baseline:0} ms)"));
        }
    }

    private static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToList();
        if (sorted.Count == 0) return null;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
