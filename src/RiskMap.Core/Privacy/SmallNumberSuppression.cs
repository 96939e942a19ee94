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

    /// <summary>Codes of the cells to withhold, primary and secondary, from someone who sees only what is published.</summary>
    /// <remarks>
    /// Every parent with its children is a group whose total equals the sum of its parts. A cell without data (null) is
    /// never withheld and never protects anything: it is treated as known, and so is a null total.
    /// Same as <see cref="Suppress(IReadOnlyList{CountCell}, IReadOnlySet{string})"/> with no known cells.
    /// </remarks>
    /// <exception cref="ArgumentException">Codes repeat, a parent is missing from <paramref name="cells"/>, or parents form a cycle.</exception>
    public IReadOnlySet<string> Suppress(IReadOnlyList<CountCell> cells) => Suppress(cells, NoneKnown);

    /// <summary>
    /// Codes of the cells to withhold, primary and secondary, from a caller who already sees the <paramref name="known"/>
    /// cells in full (e.g. an akimat planner sees every count of their own region and its districts).
    /// </summary>
    /// <param name="cells">The counts, forming a forest through <see cref="CountCell.ParentCode"/>.</param>
    /// <param name="known">
    /// Codes of cells the caller sees unsuppressed. They must be among <paramref name="cells"/> and closed downwards:
    /// every child of a known cell is known too (a planner who sees a region in full sees its districts in full).
    /// </param>
    /// <remarks>
    /// <para>
    /// Every parent with its children is a group whose total equals the sum of its parts. A cell without data (null) is
    /// never withheld and never protects anything: it is treated as known, and so is a null total.
    /// </para>
    /// <para>
    /// Known cells are never withheld, even when small, and are never chosen as complements: for this caller they count
    /// as published in every group, so they protect nothing. The same goes for a cell the caller can add up without
    /// help: one whose children are all known, zero or without data, at least one of them known, and whose count is
    /// their sum (e.g. a region whose only non-zero district is the caller's own). Withholding it would hide nothing.
    /// </para>
    /// <para>
    /// The guarantee holds for the caller, who sees the published cells together with the known ones: no withheld cell
    /// is the only unknown in any group's equation, and a published total never narrows its withheld parts to small
    /// counts only. When every candidate complement in a group is known, the parent is withheld instead. Closure
    /// downwards is what makes that always possible: a known parent has only known children, so nothing in its group
    /// is withheld. With no known cells the result is that of <see cref="Suppress(IReadOnlyList{CountCell})"/>.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// Codes repeat, a parent is missing from <paramref name="cells"/>, parents form a cycle, a known code is not among
    /// <paramref name="cells"/>, or a known cell has a child that is not known.
    /// </exception>
    public IReadOnlySet<string> Suppress(IReadOnlyList<CountCell> cells, IReadOnlySet<string> known)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(known);
        var hierarchy = new CountHierarchy(cells);
        var knownCodes = KnownCodes(hierarchy, known);
        AddCellsTheCallerCanAddUp(hierarchy, knownCodes);
        var withheld = cells
            .Where(c => c.Value is { } v && IsSmall(v) && !knownCodes.Contains(c.Code))
            .Select(c => c.Code)
            .ToHashSet(StringComparer.Ordinal);

        // Deepest groups first, so a total withheld for its own group's sake is settled before its parent's group is
        // checked. A complement chosen higher up can still need a partner among its own children, hence the repeat.
        bool changed;
        do
        {
            changed = false;
            foreach (var parent in hierarchy.ParentsDeepestFirst)
                changed |= Protect(parent, hierarchy.ChildrenOf(parent.Code), withheld, knownCodes);
        } while (changed);
        return withheld;
    }

    private static readonly IReadOnlySet<string> NoneKnown = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The known codes, compared ordinally, after checking they exist and are closed downwards.</summary>
    private static HashSet<string> KnownCodes(CountHierarchy hierarchy, IReadOnlySet<string> known)
    {
        var codes = new HashSet<string>(known, StringComparer.Ordinal);
        foreach (var code in codes.Order(StringComparer.Ordinal))
        {
            if (!hierarchy.Contains(code))
                throw new ArgumentException($"Known cell '{code}' is not among the cells.", nameof(known));
            if (hierarchy.ChildrenOf(code).FirstOrDefault(child => !codes.Contains(child.Code)) is { } unknownChild)
                throw new ArgumentException(
                    $"Known cell '{code}' has child '{unknownChild.Code}', which is not known; known cells must be closed downwards.",
                    nameof(known));
        }
        return codes;
    }

    /// <summary>
    /// Adds to <paramref name="known"/> each total the caller can work out from cells they know and zeros or cells
    /// without data, which are always published. Deepest first, so a region can rest on districts added before it.
    /// </summary>
    private static void AddCellsTheCallerCanAddUp(CountHierarchy hierarchy, HashSet<string> known)
    {
        if (known.Count == 0) return;
        foreach (var parent in hierarchy.ParentsDeepestFirst)
        {
            if (known.Contains(parent.Code) || parent.Value is not { } total) continue;
            var children = hierarchy.ChildrenOf(parent.Code);
            if (children.Any(c => known.Contains(c.Code))
                && children.All(c => known.Contains(c.Code) || c.Value is null or 0)
                && Math.Abs(total - children.Sum(c => c.Value ?? 0)) <= 1e-9 * Math.Max(1, Math.Abs(total)))
                known.Add(parent.Code);
        }
    }

    /// <returns>Whether a cell was newly withheld.</returns>
    private bool Protect(CountCell parent, IReadOnlyList<CountCell> children, HashSet<string> withheld, HashSet<string> known)
    {
        if (IsProtected(parent, children, withheld)) return false;

        // A known cell is published as far as this caller is concerned: withholding it would hide nothing.
        var complement = children
            .Where(c => !withheld.Contains(c.Code) && !known.Contains(c.Code) && c.Value >= Threshold)
            .OrderBy(c => c.Value)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .FirstOrDefault();
        if (complement is not null) return withheld.Add(complement.Code);

        // Without data, known, or already withheld, the parent cannot be hidden further; nothing else in the group can
        // help. A known parent cannot get here when the known cells are closed downwards: its children are all known.
        return parent.Value is not null && !known.Contains(parent.Code) && withheld.Add(parent.Code);
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
