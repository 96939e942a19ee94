using RiskMap.Core.Scoring;

namespace RiskMap.Core.Quarantine;

/// <summary>
/// Decides which values of one batch are held back from the scores (docs/quarantine.md). Values are compared on the
/// log(1 + value) scale, where a misplaced decimal point is the same step (log 10) for counts and rates alike, and zero
/// is allowed. Four rules:
/// <list type="number">
/// <item>far from history: the robust z-score against the median and MAD of the unit's last quarters is above
/// <see cref="QuarantineOptions.RobustZ"/> (the MAD no smaller than <see cref="QuarantineOptions.MinimumSpread"/>);</item>
/// <item>tenfold jump: the value is <see cref="QuarantineOptions.JumpFactor"/> times the stored value it replaces (else the
/// median of the unit's history, or with too little history its latest value) or more, or that part of it or less; a
/// zero counts as one, so a count going from 0 to 3 is no jump. The median, not the latest value, because one noisy
/// quarter would otherwise hide a jump or make one;</item>
/// <item>broad change: more than <see cref="QuarantineOptions.BroadShare"/> of one area's values in the batch move by more
/// than <see cref="QuarantineOptions.BroadChange"/> the same way; then all of that area's values are held. A value that
/// replaces a stored one is measured against it; a new quarter's against the unit's median, less the area's usual move
/// in that quarter (its values a year before against the same medians), so that a season is not a change;</item>
/// <item>improbable count: for a count with enough history, the probability of one at least this large (or at most this
/// small) under a negative binomial fitted to the unit's history (<see cref="CountTail"/>) is below
/// <see cref="QuarantineOptions.CountTail"/>. A count's noise grows with its size, which the log scale's fixed spread
/// does not know: a ×10 of a small, noisy count stays within six of its spreads.</item>
/// </list>
/// </summary>
public static class QuarantineRule
{
    /// <summary>Scales the median absolute deviation to a normal distribution's standard deviation.</summary>
    private const double MadToSd = 1.4826;

    public static IReadOnlyList<QuarantineVerdict> Judge(IReadOnlyList<QuarantineCandidate> candidates, QuarantineOptions options)
    {
        var judged = candidates.Select(c => Measure(c, options)).ToList();
        var broad = BroadAreas(candidates, judged, options);
        return candidates.Select((c, i) =>
        {
            var m = judged[i];
            var reasons = new List<HoldReason>();
            if (m.Z is { } z && Math.Abs(z) > options.RobustZ) reasons.Add(HoldReason.FarFromHistory);
            if (m.JumpFrom is { } from && IsJump(c.Value, from, options.JumpFactor)) reasons.Add(HoldReason.TenfoldJump);
            if (broad.Contains(c.Area)) reasons.Add(HoldReason.BroadChange);
            if (c.IsCount && m.Median is not null
                && CountTail.Probability(c.Value, [.. c.History.TakeLast(options.HistoryQuarters)], options.MinimumDispersion) < options.CountTail)
                reasons.Add(HoldReason.ImprobableCount);
            return new QuarantineVerdict(reasons, m.Median is null ? null : Median(c.History.TakeLast(options.HistoryQuarters)), m.Last, m.Z);
        }).ToList();
    }

    /// <summary>A candidate against its own history: the log-scale median, robust z, the value it replaces or follows, and the one a jump is measured from.</summary>
    private sealed record Measured(double? Median, double? Z, double? Last, double? JumpFrom);

    private static Measured Measure(QuarantineCandidate c, QuarantineOptions options)
    {
        var last = c.Stored ?? (c.History.Count > 0 ? c.History[^1] : null);
        if (c.History.Count < options.MinimumHistory) return new Measured(null, null, last, last);
        var history = c.History.TakeLast(options.HistoryQuarters).ToList();
        var logs = history.Select(Log).ToList();
        var median = Median(logs);
        var spread = Math.Max(MadToSd * Median(logs.Select(l => Math.Abs(l - median))), options.MinimumSpread);
        return new Measured(median, (Log(c.Value) - median) / spread, last, c.Stored ?? Median(history));
    }

    private static bool IsJump(double value, double reference, double factor)
    {
        var (low, high) = value < reference ? (value, reference) : (reference, value);
        // A misplaced decimal point is exactly the factor 10, which the division of a decimal fraction misses by rounding.
        return high >= factor * (low > 0 ? low : 1) * (1 - 1e-9);
    }

    /// <summary>The areas of which more than the allowed share of values move the same way in this batch.</summary>
    private static HashSet<string> BroadAreas(IReadOnlyList<QuarantineCandidate> candidates, IReadOnlyList<Measured> judged, QuarantineOptions options)
    {
        // The area's usual move in this quarter, per indicator: its values of the same quarter a year before, against the same medians.
        var season = candidates.Select((c, i) => (c, m: judged[i]))
            .Where(x => x.c.Stored is null && x.m.Median is not null && x.c.YearAgo is not null)
            .GroupBy(x => (x.c.Area, x.c.Indicator))
            .ToDictionary(g => g.Key, g => Median(g.Select(x => Log(x.c.YearAgo!.Value) - x.m.Median!.Value)));
        var threshold = Math.Log(1 + options.BroadChange);
        var broad = new HashSet<string>();
        foreach (var area in candidates.Select((c, i) => (c, m: judged[i])).GroupBy(x => x.c.Area))
        {
            var moves = area.Select(x => Move(x.c, x.m, season)).OfType<double>().ToList();
            if (moves.Count < options.BroadMinimumValues) continue;
            var up = moves.Count(m => m > threshold);
            var down = moves.Count(m => m < -threshold);
            if (Math.Max(up, down) > options.BroadShare * moves.Count) broad.Add(area.Key);
        }
        return broad;
    }

    /// <summary>How far a value moves on the log scale from what was to be expected, or null when nothing is.</summary>
    private static double? Move(QuarantineCandidate c, Measured m, IReadOnlyDictionary<(string, string), double> season) =>
        c.Stored is { } stored ? Log(c.Value) - Log(stored)
        : m.Median is { } median ? Log(c.Value) - median - season.GetValueOrDefault((c.Area, c.Indicator))
        : null;

    private static double Log(double value) => Math.Log(1 + value);

    private static double Median(IEnumerable<double> values) => Statistics.Percentile(values.Order().ToList(), 0.5);
}
