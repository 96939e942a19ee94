using System.Globalization;

namespace RiskMap.Web.Tests.Privacy;

/// <summary>
/// Compares what a surface shows a caller with what the contract says, unit by unit and field by field, and names every
/// difference by caller, surface, unit and field.
/// </summary>
internal static class SightCheck
{
    /// <summary>Scores are compared rounded to 2 decimals: surfaces round to 2 (tiles) or 3 (OGC, exports) places.</summary>
    private const double ScoreTolerance = 0.0051;

    /// <summary>Exports give the probability of risk level 4 or 5 in per cent with one decimal.</summary>
    private const double ProbabilityTolerance = 0.00051;

    /// <param name="expected">Every unit of the level as the caller should see it.</param>
    /// <param name="shown">The surface's units; null where the surface refused the caller.</param>
    /// <param name="only">Compare only these units (a sample, for profiles); null: every unit.</param>
    /// <param name="nationalRankBands">The analyst's units in full sight carry rank bands; scoped callers' never.</param>
    public static IEnumerable<string> Differences(string caller, string level, Surface surface, IReadOnlyList<ExpectedUnit> expected,
        IReadOnlyDictionary<string, ShownUnit>? shown, IReadOnlySet<string>? only = null, bool nationalRankBands = false)
    {
        var byCode = expected.ToDictionary(e => e.Code);
        shown ??= new Dictionary<string, ShownUnit>();
        string Where(string code, string field) => $"{caller} {surface.Name} {level} {code} {field}";

        foreach (var code in shown.Keys.Where(c => !byCode.ContainsKey(c)))
            yield return $"{Where(code, "listed")}: not a unit of the level";

        foreach (var e in expected.Where(e => only is null || only.Contains(e.Code)))
        {
            var listed = e.Sight != Sight.Unlisted && (!surface.ListsOnlyScope || e.InScopeLists);
            if (!shown.TryGetValue(e.Code, out var s))
            {
                if (listed) yield return $"{Where(e.Code, "listed")}: expected ({e.Sight}), missing";
                continue;
            }
            if (!listed)
            {
                yield return $"{Where(e.Code, "listed")}: expected not listed ({e.Sight}), shown as {s}";
                continue;
            }
            if (s.Class != e.Class) yield return $"{Where(e.Code, "class")}: expected {Text(e.Class)} ({e.Sight}), got {Text(s.Class)}";
            if (e.Score is null != s.Score is null || (e.Score is { } es && s.Score is { } ss && Math.Abs(es - ss) > ScoreTolerance))
                yield return $"{Where(e.Code, "score")}: expected {Text(e.Score)} ({e.Sight}), got {Text(s.Score)}";
            if (s.Rank != e.Rank) yield return $"{Where(e.Code, "rank")}: expected {Text(e.Rank)} ({e.Sight}), got {Text(s.Rank)}";
            if (surface.Carries.Contains("suppressed") && s.Suppressed is { } suppressed && suppressed != (e.Sight == Sight.Withheld))
                yield return $"{Where(e.Code, "suppressed")}: expected {e.Sight == Sight.Withheld}, got {suppressed}";
            if (surface.Carries.Contains("suppressed") && s.Suppressed is null && level != "school")
                yield return $"{Where(e.Code, "suppressed")}: expected {e.Sight == Sight.Withheld}, missing";
            if (surface.Carries.Contains("detailed") && s.Detailed != (e.Sight == Sight.Full))
                yield return $"{Where(e.Code, "detailed")}: expected {e.Sight == Sight.Full}, got {Text(s.Detailed)}";
            if (surface.Carries.Contains("rankAmong") && s.RankAmong != e.RankAmong)
                yield return $"{Where(e.Code, "rankAmong")}: expected {Text(e.RankAmong)} ({e.Sight}), got {Text(s.RankAmong)}";
            var band = e.Sight == Sight.Full && nationalRankBands;
            if (surface.Carries.Contains("rankBand") && s.HasRankBand != band)
                yield return $"{Where(e.Code, "rankBand")}: expected {(band ? "a band" : "none")} ({e.Sight}), got {(s.HasRankBand == true ? "a band" : "none")}";
            if (surface.Carries.Contains("uncertainty") && s.HasUncertainty != (e.HighRiskProbability is not null))
                yield return $"{Where(e.Code, "scoreInterval/highRiskProbability/clearChange")}: expected {(e.HighRiskProbability is null ? "none" : "shown")} ({e.Sight}), got {(s.HasUncertainty == true ? "shown" : "none")}";
            if (surface.Carries.Contains("uncertainty") && e.HighRiskProbability is { } ep && s.HighRiskProbability is { } sp && Math.Abs(ep - sp) > ProbabilityTolerance)
                yield return $"{Where(e.Code, "highRiskProbability")}: expected {Text(ep)}, got {Text(sp)}";
            if (surface.Carries.Contains("detail") && e.Sight != Sight.Full && s.HasDetailFields == true)
                yield return $"{Where(e.Code, "domainScores/changes/contributions")}: expected none ({e.Sight}), got some";
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
