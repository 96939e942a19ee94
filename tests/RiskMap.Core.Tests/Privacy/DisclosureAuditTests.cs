using RiskMap.Core.Privacy;

namespace RiskMap.Core.Tests.Privacy;

public class DisclosureAuditTests
{
    private static CountCell Cell(string code, string? parent, double? value) => new(code, parent, value);

    private static HashSet<string> Codes(params string[] codes) => new(codes, StringComparer.Ordinal);

    [Fact]
    public void A_total_and_its_other_parts_pin_a_lone_withheld_part()
    {
        CountCell[] cells = [Cell("T", null, 13), Cell("a", "T", 3), Cell("b", "T", 10), Cell("c", "T", 0)];

        Assert.Equal(new FeasibleRange(3, 3), DisclosureAudit.Ranges(cells, Codes("a"), Codes())["a"]);
        Assert.Equal(["a"], DisclosureAudit.Exposed(cells, Codes("a"), Codes(), threshold: 5));
        Assert.Equal(new FeasibleRange(1, 12), DisclosureAudit.Ranges(cells, Codes("a", "b"), Codes())["a"]);
        Assert.Empty(DisclosureAudit.Exposed(cells, Codes("a", "b"), Codes(), threshold: 5));
    }

    [Fact]
    public void Two_withheld_parts_that_sum_to_little_are_narrow_though_not_pinned()
    {
        CountCell[] cells = [Cell("T", null, 15), Cell("a", "T", 2), Cell("b", "T", 3), Cell("c", "T", 10)];

        // a + b = 5 and both are at least 1: each lies in [1, 4], four values, fewer than the threshold of 5.
        Assert.Equal(new FeasibleRange(1, 4), DisclosureAudit.Ranges(cells, Codes("a", "b"), Codes())["b"]);
        Assert.Equal(["a", "b"], DisclosureAudit.Exposed(cells, Codes("a", "b"), Codes(), threshold: 5));
    }

    [Fact]
    public void A_withheld_root_with_withheld_parts_is_unbounded_above()
    {
        CountCell[] cells = [Cell("T", null, 13), Cell("a", "T", 3), Cell("b", "T", 10)];

        var ranges = DisclosureAudit.Ranges(cells, Codes("T", "a"), Codes());
        Assert.Equal(new FeasibleRange(11, double.PositiveInfinity), ranges["T"]);
        Assert.Equal(new FeasibleRange(1, double.PositiveInfinity), ranges["a"]);
    }

    [Fact]
    public void An_insider_who_knows_a_part_pins_the_other_withheld_part()
    {
        CountCell[] cells = [Cell("T", null, 13), Cell("a", "T", 3), Cell("b", "T", 10)];

        Assert.Empty(DisclosureAudit.Exposed(cells, Codes("a", "b"), Codes(), threshold: 5));
        Assert.Equal(["a"], DisclosureAudit.Exposed(cells, Codes("a", "b"), Codes("b"), threshold: 5));
    }

    [Fact]
    public void What_an_insider_adds_up_from_their_own_cell_and_the_zeros_is_excused_but_not_what_it_gives_away()
    {
        // The region is 3 + 0: its district's insider knows it whatever the table hides, and then 40 − 3 gives R2 away.
        CountCell[] cells =
        [
            Cell("KZ", null, 40),
            Cell("R1", "KZ", 3), Cell("R1a", "R1", 3), Cell("R1b", "R1", 0),
            Cell("R2", "KZ", 37), Cell("R2a", "R2", 17), Cell("R2b", "R2", 20),
        ];
        var withheld = Codes("R1", "R1a", "R2", "R2a");

        Assert.Equal(new FeasibleRange(3, 3), DisclosureAudit.Ranges(cells, withheld, Codes("R1a"))["R1"]);
        Assert.Empty(DisclosureAudit.Exposed(cells, withheld, Codes(), threshold: 5));
        Assert.Equal(["R2", "R2a"], DisclosureAudit.Exposed(cells, withheld, Codes("R1a"), threshold: 5));
    }

    [Fact]
    public void A_total_without_data_is_no_equation()
    {
        CountCell[] cells = [Cell("T", null, null), Cell("a", "T", 3), Cell("b", "T", 10)];
        Assert.Equal(new FeasibleRange(1, double.PositiveInfinity), DisclosureAudit.Ranges(cells, Codes("a"), Codes())["a"]);
    }

    [Fact]
    public void The_views_are_the_public_and_an_insider_of_every_cell_below_the_root()
    {
        CountCell[] cells = [Cell("KZ", null, 13), Cell("R", "KZ", 13), Cell("Ra", "R", 3), Cell("Rb", "R", 10)];

        var views = DisclosureAudit.Views(cells).Select(v => string.Join(",", v.Order(StringComparer.Ordinal))).ToList();
        Assert.Equal(["", "R,Ra,Rb", "Ra", "Rb"], views);
    }

    [Fact]
    public void Unknown_codes_are_refused()
    {
        CountCell[] cells = [Cell("T", null, 13), Cell("a", "T", 3), Cell("b", "T", 10)];
        Assert.Equal("withheld", Assert.Throws<ArgumentException>(() => DisclosureAudit.Ranges(cells, Codes("z"), Codes())).ParamName);
        Assert.Equal("known", Assert.Throws<ArgumentException>(() => DisclosureAudit.Exposed(cells, Codes("a"), Codes("z"), 5)).ParamName);
    }

    /// <summary>
    /// On small random trees with random withheld cells and every view, the audit's range of each hidden cell is exactly
    /// the smallest and largest value it takes over all integer solutions: bounds propagation on this tree of equations
    /// loses nothing. The solutions are enumerated over the hidden cells without parts (each hidden total then follows),
    /// up to a cap above every count: a cell that reaches the cap is unbounded above.
    /// </summary>
    [Fact]
    public void The_audit_finds_exactly_the_ranges_brute_force_enumeration_finds()
    {
        var random = new Random(20261206);
        var checkedRanges = 0;
        var unboundedRanges = 0;
        for (var tree = 0; tree < 300; tree++)
        {
            var cells = RandomCountForest.NextSmall(random);
            var candidates = cells.Where(c => c.Value >= 1).ToList();
            var withheld = candidates.Where(_ => random.Next(2) == 0).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
            foreach (var known in DisclosureAudit.Views(cells))
            {
                var hidden = withheld.Where(c => !known.Contains(c)).ToHashSet(StringComparer.Ordinal);
                var cap = cells.Max(c => c.Value ?? 0) + 1;
                if (Math.Pow(cap, cells.Count(c => hidden.Contains(c.Code) && !HasParts(cells, c.Code))) > 50_000) continue;

                var expected = Enumerate(cells, hidden, cap);
                var actual = DisclosureAudit.Ranges(cells, withheld, known);
                Assert.Equal(hidden.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
                foreach (var (code, range) in actual)
                {
                    var context = $"tree {tree}, hidden {{{string.Join(",", hidden.Order(StringComparer.Ordinal))}}}, cell {code}";
                    Assert.True(expected[code].Min == range.Low, $"{context}: low {range.Low}, enumeration {expected[code].Min}");
                    if (double.IsPositiveInfinity(range.High))
                    {
                        Assert.True(expected[code].Max >= cap, $"{context}: unbounded, enumeration stops at {expected[code].Max}");
                        unboundedRanges++;
                    }
                    else Assert.True(expected[code].Max == range.High, $"{context}: high {range.High}, enumeration {expected[code].Max}");
                    checkedRanges++;
                }
            }
        }
        Assert.True(checkedRanges > 1000 && unboundedRanges > 100, $"{checkedRanges} ranges, {unboundedRanges} unbounded");
    }

    private static bool HasParts(IReadOnlyList<CountCell> cells, string code) => cells.Any(c => c.ParentCode == code);

    /// <summary>Min and max of each hidden cell over the integer solutions with hidden cells without parts in [1, cap].</summary>
    private static Dictionary<string, (double Min, double Max)> Enumerate(IReadOnlyList<CountCell> cells, IReadOnlySet<string> hidden, double cap)
    {
        var free = cells.Where(c => hidden.Contains(c.Code) && !HasParts(cells, c.Code)).Select(c => c.Code).ToList();
        var depth = cells.ToDictionary(c => c.Code, c => Depth(cells, c));
        var derived = cells.Where(c => hidden.Contains(c.Code) && HasParts(cells, c.Code)).OrderByDescending(c => depth[c.Code]).ToList();
        var value = cells.ToDictionary(c => c.Code, c => c.Value ?? 0, StringComparer.Ordinal);
        var result = hidden.ToDictionary(c => c, _ => (Min: double.PositiveInfinity, Max: double.NegativeInfinity), StringComparer.Ordinal);
        var parts = cells.ToDictionary(c => c.Code, c => cells.Where(p => p.ParentCode == c.Code).Select(p => p.Code).ToList());
        var knownEquations = cells.Where(c => c.Value is not null && !hidden.Contains(c.Code) && parts[c.Code].Count > 0).ToList();

        void Assign(int i)
        {
            if (i < free.Count)
            {
                for (var v = 1; v <= cap; v++) { value[free[i]] = v; Assign(i + 1); }
                return;
            }
            foreach (var total in derived) value[total.Code] = parts[total.Code].Sum(c => value[c]);
            if (knownEquations.Any(parent => parts[parent.Code].Sum(c => value[c]) != parent.Value)) return;
            foreach (var code in hidden) result[code] = (Math.Min(result[code].Min, value[code]), Math.Max(result[code].Max, value[code]));
        }

        Assign(0);
        return result;
    }

    private static int Depth(IReadOnlyList<CountCell> cells, CountCell cell) =>
        cell.ParentCode is null ? 0 : 1 + Depth(cells, cells.Single(c => c.Code == cell.ParentCode));
}
