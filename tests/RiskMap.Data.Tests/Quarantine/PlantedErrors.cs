using RiskMap.Data.Demo;

namespace RiskMap.Data.Tests.Quarantine;

/// <summary>A quarter's values with errors planted in them, and the keys of the values the errors changed.</summary>
public sealed record Planted(string Name, IReadOnlyList<DemoObservation> Values, IReadOnlySet<(string Level, string Code, string Indicator)> Changed);

/// <summary>
/// The errors a bad feed makes, planted in a quarter of the demo: a misplaced decimal point (×10 and ÷10), counts in the
/// wrong column (two indicators swapped for a district), a whole region doubled. Each picks its values by a fixed rule,
/// never by whether the quarantine would catch them.
/// </summary>
public static class PlantedErrors
{
    private const int PerKind = 30;
    /// <summary>Almaty city, planner-75's region.</summary>
    public const string Region = "75";

    private static readonly HashSet<string> Counts = [.. DemoObservationGenerator.Counts.Select(c => c.Indicator), "minors_on_police_register"];
    private static readonly HashSet<string> Percentages = ["screening_high_risk_share", "chronic_absence_share", "extracurricular_share"];

    /// <summary>Every value of at least 1, of district and school counts alike, times ten (percentages only where they stay ≤ 100).</summary>
    public static Planted TimesTen(IReadOnlyList<DemoObservation> quarter) =>
        Change("decimal point ×10", quarter, Spread(quarter.Where(o => o.Value >= 1 && (!Percentages.Contains(o.Indicator) || o.Value <= 10))), v => v * 10);

    /// <summary>Values of at least 1 that are not counts (a count's tenth is refused as not whole), divided by ten.</summary>
    public static Planted TenthOf(IReadOnlyList<DemoObservation> quarter) =>
        Change("decimal point ÷10", quarter, Spread(quarter.Where(o => o.Value >= 1 && !Counts.Contains(o.Indicator))), v => Math.Round(v / 10, 2));

    /// <summary>The first district's police register and suicide attempts, each in the other's column.</summary>
    public static Planted Swapped(IReadOnlyList<DemoObservation> quarter)
    {
        var district = quarter.Where(o => o.Level == "district").Select(o => o.Code).Order(StringComparer.Ordinal).First();
        var register = quarter.Single(o => o.Code == district && o.Indicator == "minors_on_police_register");
        var attempts = quarter.Single(o => o.Code == district && o.Indicator == "suicide_attempts");
        var values = quarter.Select(o => o == register ? o with { Value = attempts.Value } : o == attempts ? o with { Value = register.Value } : o).ToList();
        return new Planted("two indicators swapped for a district", values,
            register.Value == attempts.Value ? new HashSet<(string, string, string)>() : [Key(register), Key(attempts)]);
    }

    /// <summary>Every district value of one region doubled: its police and health feed sent twice over.</summary>
    public static Planted RegionDoubled(IReadOnlyList<DemoObservation> quarter) =>
        Change("a whole region doubled", quarter, quarter.Where(o => o.Level == "district" && o.Code.StartsWith(Region, StringComparison.Ordinal)).ToList(), v => v * 2);

    /// <summary>Every <see cref="PerKind"/>-th part of the candidates, in a fixed order, so levels and indicators are all represented.</summary>
    private static List<DemoObservation> Spread(IEnumerable<DemoObservation> candidates)
    {
        var ordered = candidates.OrderBy(o => o.Level, StringComparer.Ordinal).ThenBy(o => o.Indicator, StringComparer.Ordinal)
            .ThenBy(o => o.Code, StringComparer.Ordinal).ToList();
        var step = Math.Max(1, ordered.Count / PerKind);
        return ordered.Where((_, i) => i % step == 0).Take(PerKind).ToList();
    }

    private static Planted Change(string name, IReadOnlyList<DemoObservation> quarter, IReadOnlyList<DemoObservation> chosen, Func<double, double> error)
    {
        var keys = chosen.Select(Key).ToHashSet();
        var values = quarter.Select(o => keys.Contains(Key(o)) ? o with { Value = error(o.Value) } : o).ToList();
        var changed = chosen.Where(o => error(o.Value) != o.Value).Select(Key).ToHashSet();
        return new Planted(name, values, changed);
    }

    public static (string Level, string Code, string Indicator) Key(DemoObservation o) => (o.Level, o.Code, o.Indicator);
}
