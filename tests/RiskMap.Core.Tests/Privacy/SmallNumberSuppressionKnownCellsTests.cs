using RiskMap.Core.Privacy;

namespace RiskMap.Core.Tests.Privacy;

/// <summary>Suppression for a caller who already sees some cells in full, such as a planner's own region.</summary>
public class SmallNumberSuppressionKnownCellsTests
{
    private const int Trees = 500;
    private static readonly SmallNumberSuppression Default = new();

    private static CountCell Cell(string code, string? parent, double? value) => new(code, parent, value);

    private static HashSet<string> Known(params string[] codes) => new(codes, StringComparer.Ordinal);

    private static string[] Withheld(IReadOnlySet<string> known, params CountCell[] cells) =>
        [.. Default.Suppress(cells, known).Order(StringComparer.Ordinal)];

    private static readonly CountCell[] PlannerOfRegionA =
    [
        Cell("KZ", null, 40),
        Cell("A", "KZ", 12), Cell("A1", "A", 3), Cell("A2", "A", 9),
        Cell("B", "KZ", 2),
        Cell("C", "KZ", 26),
    ];

    [Fact]
    public void A_small_region_is_not_hidden_behind_the_planners_own_region()
    {
        // Hiding B behind A would leave it as 40 − 12 − 26 for the planner, who sees A = 12 anyway.
        Assert.Equal(["B", "C"], Withheld(Known("A", "A1", "A2"), PlannerOfRegionA));
    }

    [Fact]
    public void Without_known_cells_the_same_table_hides_the_small_region_behind_the_smaller_large_one()
    {
        // The contrast with the planner: A = 12 is the cheapest complement, and its small district needs a partner.
        Assert.Equal(["A", "A1", "A2", "B"], Withheld(Known(), PlannerOfRegionA));
        Assert.Equal(["A", "A1", "A2", "B"], [.. Default.Suppress(PlannerOfRegionA).Order(StringComparer.Ordinal)]);
    }

    [Fact]
    public void A_known_small_count_is_shown_to_the_caller_who_knows_it()
    {
        var withheld = Default.Suppress(PlannerOfRegionA, Known("A", "A1", "A2"));
        Assert.DoesNotContain("A1", withheld);
        Assert.Contains("B", withheld);
    }

    [Fact]
    public void When_every_possible_complement_is_known_the_total_is_withheld()
    {
        // b = 20 would be the complement of a = 3, but the caller knows it; T = 23 goes instead.
        Assert.Equal(["T", "a"], Withheld(Known("b"), Cell("T", null, 23), Cell("a", "T", 3), Cell("b", "T", 20)));
    }

    [Fact]
    public void A_total_withheld_for_lack_of_unknown_complements_is_protected_one_level_up()
    {
        var withheld = Withheld(Known("R1b"),
            Cell("KZ", null, 53),
            Cell("R1", "KZ", 23), Cell("R1a", "R1", 3), Cell("R1b", "R1", 20),
            Cell("R2", "KZ", 30), Cell("R2a", "R2", 10), Cell("R2b", "R2", 20));

        // R1 would be 53 − 30 unless R2 is withheld too, and R2 would be 10 + 20 unless R2a is.
        Assert.Equal(["R1", "R1a", "R2", "R2a"], withheld);
    }

    [Fact]
    public void A_region_the_caller_can_add_up_from_their_own_district_is_not_withheld_in_vain()
    {
        CountCell[] cells =
        [
            Cell("KZ", null, 40),
            Cell("R1", "KZ", 3), Cell("R1a", "R1", 3), Cell("R1b", "R1", 0),
            Cell("R2", "KZ", 37), Cell("R2a", "R2", 17), Cell("R2b", "R2", 20),
        ];

        // R1 = 3 + 0 for a planner of district R1a, so there is nothing to hide and no complement to sacrifice.
        Assert.Empty(Withheld(Known("R1a"), cells));
        Assert.Equal(["R1", "R1a", "R2", "R2a"], Withheld(Known(), cells));
    }

    [Fact]
    public void A_region_the_caller_can_add_up_is_not_chosen_as_a_complement()
    {
        var withheld = Withheld(Known("R2a"),
            Cell("KZ", null, 42),
            Cell("R1", "KZ", 2), Cell("R1a", "R1", 2),
            Cell("R2", "KZ", 10), Cell("R2a", "R2", 10), Cell("R2b", "R2", 0),
            Cell("R3", "KZ", 30), Cell("R3a", "R3", 12), Cell("R3b", "R3", 18));

        // R2 = 10 + 0 for this caller, so hiding it would leave R1 as 42 − 10 − 30; R3 hides it instead.
        Assert.Equal(["R1", "R1a", "R3", "R3a"], withheld);
    }

    [Fact]
    public void A_region_whose_count_is_not_the_sum_of_its_districts_is_not_taken_as_added_up()
    {
        var withheld = Withheld(Known("R1a"),
            Cell("KZ", null, 44),
            Cell("R1", "KZ", 4), Cell("R1a", "R1", 3), Cell("R1b", "R1", 0),
            Cell("R2", "KZ", 40), Cell("R2a", "R2", 15), Cell("R2b", "R2", 25));

        // 3 + 0 is not 4 (a school without a district, say): the caller cannot work R1 out, so it stays hidden.
        Assert.Equal(["R1", "R2", "R2a"], withheld);
    }

    [Fact]
    public void A_known_cell_with_a_child_that_is_not_known_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Default.Suppress(PlannerOfRegionA, Known("A", "A1")));
        Assert.Equal("known", error.ParamName);
        Assert.Contains("A2", error.Message);
    }

    [Fact]
    public void A_known_code_that_is_not_among_the_cells_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Default.Suppress(PlannerOfRegionA, Known("Z")));
        Assert.Equal("known", error.ParamName);
        Assert.Contains("Z", error.Message);
    }

    [Fact]
    public void Known_codes_are_compared_exactly()
    {
        var caseless = new HashSet<string>(["b"], StringComparer.OrdinalIgnoreCase);
        Assert.Throws<ArgumentException>(() => Default.Suppress([Cell("T", null, 23), Cell("a", "T", 3), Cell("B", "T", 20)], caseless));
    }

    [Fact]
    public void A_null_known_set_is_refused() =>
        Assert.Throws<ArgumentNullException>(() => Default.Suppress(PlannerOfRegionA, null!));

    [Fact]
    public void With_no_known_cells_the_result_is_that_of_the_overload_without_them()
    {
        var random = new Random(20250607);
        for (var i = 0; i < Trees; i++)
        {
            var cells = RandomCountForest.Next(random);
            Assert.Equal(
                Default.Suppress(cells).Order(StringComparer.Ordinal),
                Default.Suppress(cells, new HashSet<string>()).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void A_caller_who_knows_whole_regions_can_pin_no_withheld_count()
    {
        var random = new Random(20250608);
        var treesWhereKnowingChangedTheResult = 0;
        for (var i = 0; i < Trees; i++)
        {
            var cells = RandomCountForest.Next(random);
            var known = RandomCountForest.KnownClosedDownwards(cells, random);
            var withheld = Default.Suppress(cells, known);
            var hidden = DisclosureAudit.HiddenFrom(withheld, known);
            var context = $"tree {i}, known {{{string.Join(", ", known.Order(StringComparer.Ordinal))}}}";

            Assert.True(withheld.SetEquals(hidden), $"{context}: a known cell is withheld");
            // A small count may be shown only when hiding it would protect nothing: the caller could work it out anyway.
            var shownSmall = cells.Where(c => c.Value is { } v && Default.IsSmall(v) && !known.Contains(c.Code) && !hidden.Contains(c.Code));
            foreach (var cell in shownSmall)
                Assert.Contains(cell.Code, DisclosureAudit.ExactlyRecoverable(cells, new HashSet<string>(hidden) { cell.Code }));
            Assert.Empty(DisclosureAudit.GroupsWithOneHiddenCell(cells, hidden).Select(g => $"{context}: group {g}"));
            Assert.Empty(DisclosureAudit.GroupsBoundingTheirWithheldChildren(cells, hidden, Default.Threshold).Select(g => $"{context}: group {g}"));
            Assert.Empty(DisclosureAudit.ExactlyRecoverable(cells, hidden).Select(code => $"{context}: {code}"));

            if (!withheld.SetEquals(Default.Suppress(cells))) treesWhereKnowingChangedTheResult++;
        }

        // Not a vacuous pass: the known cells matter in many of the trees.
        Assert.True(treesWhereKnowingChangedTheResult > Trees / 4, $"only {treesWhereKnowingChangedTheResult} trees changed");
    }
}
