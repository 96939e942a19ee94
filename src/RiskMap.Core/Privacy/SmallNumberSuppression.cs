namespace RiskMap.Core.Privacy;

/// <summary>
/// Statistical disclosure control for published counts: withholds small counts (primary suppression) and enough
/// other cells (secondary suppression) that no withheld count can be worked out exactly, or narrowed to a single
/// value, from a published total and its published parts.
/// </summary>
public sealed class SmallNumberSuppression
{
    /// <param name="threshold">Counts from 1 to <paramref name="threshold"/> − 1 are withheld; at least 2.</param>
    public SmallNumberSuppression(int threshold = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 2);
        Threshold = threshold;
    }

    /// <summary>The smallest count that may be published on its own.</summary>
    public int Threshold { get; }

    /// <summary>True when a count on its own must be withheld (1 ≤ value &lt; threshold).</summary>
    public bool IsSmall(double value) => value >= 1 && value < Threshold;

    /// <summary>Codes of the cells to withhold, primary and secondary.</summary>
    /// <remarks>
    /// Every parent with its children is a group whose total equals the sum of its parts. A cell without data (null) is
    /// never withheld and never protects anything: it is treated as known, and so is a null total.
    /// </remarks>
    /// <exception cref="ArgumentException">Codes repeat, a parent is missing from <paramref name="cells"/>, or parents form a cycle.</exception>
    public IReadOnlySet<string> Suppress(IReadOnlyList<CountCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var hierarchy = new CountHierarchy(cells);
        var withheld = cells.Where(c => c.Value is { } v && IsSmall(v)).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

        // Deepest groups first, so a total withheld for its own group's sake is settled before its parent's group is
        // checked. A complement chosen higher up can still need a partner among its own children, hence the repeat.
        bool changed;
        do
        {
            changed = false;
            foreach (var parent in hierarchy.ParentsDeepestFirst)
                changed |= Protect(parent, hierarchy.ChildrenOf(parent.Code), withheld);
        } while (changed);
        return withheld;
    }

    /// <returns>Whether a cell was newly withheld.</returns>
    private bool Protect(CountCell parent, IReadOnlyList<CountCell> children, HashSet<string> withheld)
    {
        if (IsProtected(parent, children, withheld)) return false;

        var complement = children
            .Where(c => !withheld.Contains(c.Code) && c.Value >= Threshold)
            .OrderBy(c => c.Value)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .FirstOrDefault();
        if (complement is not null) return withheld.Add(complement.Code);

        // Without data, or already withheld, the parent cannot be hidden further; nothing else in the group can help.
        return parent.Value is not null && withheld.Add(parent.Code);
    }

    // The equation "parent = sum of children" gives away a cell that is its only unknown, so a withheld cell needs a
    // withheld partner in its group. This also covers a total withheld as a complement higher up, which its published
    // parts would otherwise add up to. When the total is published, the withheld children's sum is known too, so one
    // of them must be at least the threshold: two withheld cells summing to 2 are both 1.
    private bool IsProtected(CountCell parent, IReadOnlyList<CountCell> children, HashSet<string> withheld)
    {
        var hiddenChildren = children.Where(c => withheld.Contains(c.Code)).ToList();
        if (withheld.Contains(parent.Code)) return hiddenChildren.Count > 0;
        return hiddenChildren.Count == 0 || (hiddenChildren.Count >= 2 && hiddenChildren.Any(c => c.Value >= Threshold));
    }
}
