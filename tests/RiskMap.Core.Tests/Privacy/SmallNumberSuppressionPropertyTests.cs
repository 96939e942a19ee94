using RiskMap.Core.Privacy;

namespace RiskMap.Core.Tests.Privacy;

public class SmallNumberSuppressionPropertyTests
{
    private const int Trees = 500;
    private static readonly SmallNumberSuppression Suppression = new();

    private static IEnumerable<(int Index, List<CountCell> Cells, IReadOnlySet<string> Withheld)> Cases()
    {
        var random = new Random(20250607);
        for (var i = 0; i < Trees; i++)
        {
            var cells = RandomCountForest.Next(random);
            yield return (i, cells, Suppression.Suppress(cells));
        }
    }

    [Fact]
    public void No_published_total_pins_or_tightly_bounds_a_withheld_count()
    {
        foreach (var (index, cells, withheld) in Cases())
        {
            Assert.True(cells.Where(c => c.Value is { } v && Suppression.IsSmall(v)).All(c => withheld.Contains(c.Code)), $"tree {index}: a small count is published");
            Assert.Empty(DisclosureAudit.GroupsBoundingTheirWithheldChildren(cells, withheld, Suppression.Threshold).Select(g => $"tree {index}: {g}"));
            Assert.Empty(DisclosureAudit.ExactlyRecoverable(cells, withheld).Select(code => $"tree {index}: {code}"));
        }
    }

    [Fact]
    public void Zeros_and_counts_without_data_are_always_published()
    {
        foreach (var (_, cells, withheld) in Cases())
            Assert.DoesNotContain(cells, c => (c.Value is null or 0) && withheld.Contains(c.Code));
    }

    [Fact]
    public void A_large_count_is_withheld_only_as_a_complement_or_as_a_total_that_has_none()
    {
        var threshold = Suppression.Threshold;
        foreach (var (index, cells, withheld) in Cases())
        {
            var groups = DisclosureAudit.Groups(cells).ToDictionary(g => g.Parent.Code, g => g.Children);
            bool IsTotalWithoutComplement(CountCell cell) =>
                groups.TryGetValue(cell.Code, out var children)
                && children.Any(c => withheld.Contains(c.Code))
                && !children.Any(c => !withheld.Contains(c.Code) && c.Value >= threshold);
            bool HasWithheldPartner(CountCell cell) =>
                cell.ParentCode is { } parent
                && (withheld.Contains(parent) || groups[parent].Any(c => c != cell && withheld.Contains(c.Code)));

            foreach (var cell in cells.Where(c => c.Value >= threshold && withheld.Contains(c.Code)))
                Assert.True(IsTotalWithoutComplement(cell) || HasWithheldPartner(cell), $"tree {index}: {cell.Code} withheld without need");

            foreach (var (parent, children) in groups)
                Assert.True(children.Count(c => c.Value >= threshold && withheld.Contains(c.Code) && !IsTotalWithoutComplement(c)) <= 1,
                    $"tree {index}: more than one complement under {parent}");
        }
    }

    [Fact]
    public void The_same_counts_give_the_same_cells_whatever_their_order()
    {
        var random = new Random(7);
        foreach (var (index, cells, withheld) in Cases())
        {
            var shuffled = cells.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(withheld.Order(StringComparer.Ordinal), Suppression.Suppress(cells).Order(StringComparer.Ordinal));
            Assert.Equal(withheld.Order(StringComparer.Ordinal), Suppression.Suppress(shuffled).Order(StringComparer.Ordinal));
        }
    }
}
