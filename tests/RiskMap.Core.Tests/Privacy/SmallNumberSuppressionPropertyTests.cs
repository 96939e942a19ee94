using RiskMap.Core.Privacy;

namespace RiskMap.Core.Tests.Privacy;

/// <summary>
/// The guarantees on 500 random hierarchies, against an attacker who knows the rule and the code (not the key), reads
/// the public table and holds one insider's table.
/// </summary>
public class SmallNumberSuppressionPropertyTests
{
    private const int Trees = 500;
    private static readonly SmallNumberSuppression Suppression = new(RandomCountForest.Key(new Random(1)));

    private static IEnumerable<(int Index, List<CountCell> Cells, IReadOnlySet<string> Withheld)> Cases()
    {
        var random = new Random(20250607);
        for (var i = 0; i < Trees; i++)
        {
            var cells = RandomCountForest.Next(random);
            yield return (i, cells, Suppression.Suppress("bullying_reports", "2025Q2", cells));
        }
    }

    [Fact]
    public void Small_counts_are_withheld_and_zeros_and_counts_without_data_never_are()
    {
        foreach (var (index, cells, withheld) in Cases())
        {
            Assert.True(cells.Where(c => c.Value is { } v && Suppression.IsSmall(v)).All(c => withheld.Contains(c.Code)), $"tree {index}: a small count is published");
            Assert.DoesNotContain(cells, c => (c.Value is null or 0) && withheld.Contains(c.Code));
        }
    }

    [Fact]
    public void Neither_the_public_nor_any_insider_narrows_a_withheld_count_below_the_threshold()
    {
        var treesWithSecondarySuppression = 0;
        foreach (var (index, cells, withheld) in Cases())
        {
            foreach (var known in DisclosureAudit.Views(cells))
                Assert.Empty(DisclosureAudit.Exposed(cells, withheld, known, Suppression.Threshold)
                    .Select(code => $"tree {index}, view {{{string.Join(",", known.Order(StringComparer.Ordinal))}}}: {code}"));
            if (withheld.Any(code => cells.Single(c => c.Code == code).Value >= Suppression.Threshold)) treesWithSecondarySuppression++;
        }
        Assert.True(treesWithSecondarySuppression > Trees / 2, $"only {treesWithSecondarySuppression} trees needed complements");
    }

    [Fact]
    public void An_insider_with_the_public_table_pins_no_count_that_is_not_their_own()
    {
        // Linear algebra over "total = sum of parts", independent of the audit: the insider's own cells and the public
        // table leave no withheld count determined, except what they add up from their own cells and zeros anyway.
        foreach (var (index, cells, withheld) in Cases())
            foreach (var known in DisclosureAudit.Views(cells).Skip(1))
            {
                var hidden = withheld.Where(code => !known.Contains(code)).ToHashSet(StringComparer.Ordinal);
                var own = Attacks.OwnDeductions(cells, known);
                Assert.Empty(Attacks.ExactlyRecoverable(cells, hidden).Where(code => !own.Contains(code))
                    .Select(code => $"tree {index}, insider of {{{string.Join(",", known.Order(StringComparer.Ordinal))}}}: {code}"));
            }
    }

    [Fact]
    public void Replaying_the_old_smallest_complement_rule_recovers_nothing()
    {
        foreach (var (index, cells, withheld) in Cases())
            foreach (var known in DisclosureAudit.Views(cells))
            {
                var own = Attacks.OwnDeductions(cells, known);
                Assert.Empty(Attacks.ReplayOfTheSmallestComplementRule(cells, withheld, known, Suppression.Threshold).Where(code => !own.Contains(code))
                    .Select(code => $"tree {index}, view {{{string.Join(",", known.Order(StringComparer.Ordinal))}}}: {code}"));
            }
    }

    [Fact]
    public void The_same_key_and_counts_give_the_same_cells_whatever_their_order()
    {
        var random = new Random(7);
        var again = new SmallNumberSuppression(RandomCountForest.Key(new Random(1)));
        foreach (var (_, cells, withheld) in Cases())
        {
            var shuffled = cells.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(withheld.Order(StringComparer.Ordinal), again.Suppress("bullying_reports", "2025Q2", shuffled).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Another_key_picks_other_complements()
    {
        var otherKey = new SmallNumberSuppression(RandomCountForest.Key(new Random(2)));
        var treesThatDiffer = Cases().Count(c => !c.Withheld.SetEquals(otherKey.Suppress("bullying_reports", "2025Q2", c.Cells)));
        Assert.True(treesThatDiffer > Trees / 4, $"only {treesThatDiffer} trees differ");
    }

    [Fact]
    public void Another_quarter_of_the_same_counts_gets_its_own_order()
    {
        var treesThatDiffer = Cases().Count(c => !c.Withheld.SetEquals(Suppression.Suppress("bullying_reports", "2025Q3", c.Cells)));
        Assert.True(treesThatDiffer > Trees / 4, $"only {treesThatDiffer} trees differ");
    }
}
