using RiskMap.Core.Privacy;

namespace RiskMap.Core.Tests.Privacy;

public class SmallNumberSuppressionTests
{
    private static readonly SmallNumberSuppression Default = new();

    private static CountCell Cell(string code, string? parent, double? value) => new(code, parent, value);

    private static string[] Withheld(SmallNumberSuppression suppression, params CountCell[] cells) =>
        [.. suppression.Suppress(cells).Order(StringComparer.Ordinal)];

    private static string[] Withheld(params CountCell[] cells) => Withheld(Default, cells);

    [Fact]
    public void Nothing_is_withheld_when_no_count_is_small()
    {
        Assert.Empty(Withheld(
            Cell("KZ", null, 30),
            Cell("R1", "KZ", 10), Cell("R1a", "R1", 10),
            Cell("R2", "KZ", 20), Cell("R2a", "R2", 5), Cell("R2b", "R2", 15), Cell("R2c", "R2", 0)));
    }

    [Fact]
    public void A_small_count_is_not_recoverable_from_the_total_and_the_other_districts()
    {
        // Withholding only the 3 would leave it as 13 − 10 − 0.
        Assert.Equal(["a", "b"], Withheld(Cell("R", null, 13), Cell("a", "R", 3), Cell("b", "R", 10), Cell("c", "R", 0)));
    }

    [Fact]
    public void Two_small_counts_are_joined_by_a_larger_one_so_their_sum_does_not_give_them_away()
    {
        // With only the two 1s withheld, 12 − 10 = 2 would force both to be 1.
        Assert.Equal(["a", "b", "c"], Withheld(Cell("T", null, 12), Cell("a", "T", 1), Cell("b", "T", 1), Cell("c", "T", 10)));
    }

    [Fact]
    public void The_complement_is_the_smallest_large_count_and_ties_go_to_the_lowest_code()
    {
        Assert.Equal(["s1", "s2", "x"], Withheld(
            Cell("T", null, 40), Cell("s1", "T", 3), Cell("s2", "T", 2), Cell("y", "T", 10), Cell("x", "T", 10), Cell("w", "T", 15)));
    }

    [Fact]
    public void A_small_region_is_protected_in_the_national_table_and_its_complement_in_its_own()
    {
        var withheld = Withheld(
            Cell("KZ", null, 31),
            Cell("R1", "KZ", 2), Cell("R1a", "R1", 2), Cell("R1b", "R1", 0), Cell("R1c", "R1", 0),
            Cell("R2", "KZ", 9), Cell("R2a", "R2", 9), Cell("R2b", "R2", 0),
            Cell("R3", "KZ", 20), Cell("R3a", "R3", 20));

        // R1 = 31 − R2 − 20 unless R2 is withheld too, and R2 = 9 + 0 unless one of its districts is.
        Assert.Equal(["R1", "R1a", "R2", "R2a"], withheld);
    }

    [Fact]
    public void A_region_without_a_complement_is_withheld_and_protected_in_the_national_table()
    {
        var withheld = Withheld(
            Cell("KZ", null, 49),
            Cell("R1", "KZ", 7), Cell("R1a", "R1", 3), Cell("R1b", "R1", 4), Cell("R1c", "R1", 0),
            Cell("R2", "KZ", 12), Cell("R2a", "R2", 12),
            Cell("R3", "KZ", 30), Cell("R3a", "R3", 10), Cell("R3b", "R3", 20));

        // Publishing 7 would give away 3 + 4; withholding only it would leave it as 49 − 12 − 30.
        Assert.Equal(["R1", "R1a", "R1b", "R2", "R2a"], withheld);
    }

    [Fact]
    public void A_withheld_total_is_not_protected_again_by_its_own_children()
    {
        // R1 is small: its 4 and R1 itself are both unknown, so the district table needs nothing more.
        var withheld = Withheld(
            Cell("KZ", null, 24),
            Cell("R1", "KZ", 4), Cell("R1a", "R1", 4), Cell("R1b", "R1", 0),
            Cell("R2", "KZ", 20), Cell("R2a", "R2", 8), Cell("R2b", "R2", 12));
        Assert.Equal(["R1", "R1a", "R2", "R2a"], withheld);
    }

    [Fact]
    public void The_threshold_is_configurable()
    {
        var threshold3 = new SmallNumberSuppression(3);
        CountCell[] counts = [Cell("a", null, 1), Cell("b", null, 2), Cell("c", null, 3), Cell("d", null, 4)];

        Assert.Equal(3, threshold3.Threshold);
        Assert.Equal(["a", "b"], Withheld(threshold3, counts));
        Assert.Equal(["a", "b", "c", "d"], Withheld(counts));
        Assert.True(threshold3.IsSmall(2));
        Assert.False(threshold3.IsSmall(3));
        Assert.False(threshold3.IsSmall(0));
        Assert.Equal(5, Default.Threshold);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_threshold_below_two_is_refused(int threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmallNumberSuppression(threshold));

    [Fact]
    public void A_count_without_data_is_never_withheld_nor_used_as_a_complement()
    {
        // The null cannot hide the 3, so the total goes instead.
        Assert.Equal(["T", "a"], Withheld(Cell("T", null, 8), Cell("a", "T", 3), Cell("b", "T", null)));
    }

    [Fact]
    public void A_total_without_data_is_never_withheld_but_its_parts_are_still_protected()
    {
        Assert.Equal(["a", "b"], Withheld(Cell("R", null, null), Cell("a", "R", 3), Cell("b", "R", 10)));
        Assert.Equal(["a"], Withheld(Cell("R", null, null), Cell("a", "R", 3), Cell("b", "R", 0)));
    }

    [Fact]
    public void Input_order_does_not_change_the_result()
    {
        CountCell[] cells = [Cell("T", null, 30), Cell("a", "T", 2), Cell("b", "T", 14), Cell("c", "T", 14)];
        Assert.Equal(Withheld(cells), Withheld([.. cells.Reverse()]));
    }

    [Fact]
    public void Inconsistent_hierarchies_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Default.Suppress([Cell("a", null, 1), Cell("a", null, 2)]));
        Assert.Throws<ArgumentException>(() => Default.Suppress([Cell("a", "missing", 1)]));
        Assert.Throws<ArgumentException>(() => Default.Suppress([Cell("a", "b", 1), Cell("b", "a", 2)]));
    }
}
