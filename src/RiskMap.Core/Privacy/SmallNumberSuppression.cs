namespace RiskMap.Core.Privacy;

/// <summary>
/// Statistical disclosure control for published counts (docs/disclosure-control.md): one pattern of withheld cells per
/// indicator and quarter, the same for everyone outside a cell's scope, such that neither the public nor any single
/// insider (who also knows their own cell and everything under it exactly) can narrow a withheld count they do not
/// know to fewer than <see cref="Threshold"/> values, by the <see cref="DisclosureAudit"/>.
/// </summary>
public sealed class SmallNumberSuppression
{
    /// <summary>The shortest key accepted: 128 bits.</summary>
    public const int MinimumKeyBytes = 16;

    private readonly byte[] _key;

    /// <param name="key">The secret of the complement order; at least <see cref="MinimumKeyBytes"/> bytes.</param>
    /// <param name="threshold">Counts from 1 to <paramref name="threshold"/> − 1 are withheld; at least 2.</param>
    public SmallNumberSuppression(ReadOnlySpan<byte> key, int threshold = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 2);
        if (key.Length < MinimumKeyBytes)
            throw new ArgumentException($"The disclosure key must have at least {MinimumKeyBytes} bytes.", nameof(key));
        _key = key.ToArray();
        Threshold = threshold;
    }

    /// <summary>The smallest count that may be published on its own, and the narrowest range a withheld count may keep.</summary>
    public int Threshold { get; }

    /// <summary>True when a count on its own must be withheld (1 ≤ value &lt; threshold).</summary>
    public bool IsSmall(double value) => value >= 1 && value < Threshold;

    /// <summary>The codes of the cells withheld from everyone outside their scope.</summary>
    /// <param name="indicator">With <paramref name="period"/>, keys the complement order: each table gets its own.</param>
    /// <param name="period">The quarter.</param>
    /// <param name="cells">The counts, forming a forest through <see cref="CountCell.ParentCode"/>; a total is the sum of its parts.</param>
    /// <remarks>
    /// Primary suppression withholds the small counts. Then, while some view of <see cref="DisclosureAudit.Views"/>
    /// fails the audit, one more cell is withheld in a group around an exposed cell: the first eligible cell (published,
    /// at least 1, not worked out by that view on its own) in the keyed <see cref="ComplementOrder"/>, parts before totals
    /// (see <see cref="Complement"/>). Zeros and cells without data are never withheld. Each step withholds one more
    /// cell, so it ends; and once everything the view does not know is withheld, only what it can work out from its own
    /// cells is narrow, which the audit excuses.
    /// </remarks>
    /// <exception cref="ArgumentException">Codes repeat, a parent is missing from <paramref name="cells"/>, or parents form a cycle.</exception>
    public IReadOnlySet<string> Suppress(string indicator, string period, IReadOnlyList<CountCell> cells)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(period);
        var hierarchy = new CountHierarchy(cells);
        var ranks = ComplementOrder.Ranks(_key, indicator, period, hierarchy);
        var withheld = Enumerable.Range(0, hierarchy.Count).Select(i => hierarchy.Value(i) is { } v && IsSmall(v)).ToArray();
        var views = DisclosureAudit.InsiderViews(hierarchy).Select(known => new DisclosureAudit.View(hierarchy, known, Threshold)).ToList();
        var publicView = views[0];

        // Cells are only ever added, so the number withheld tells whether a view has been audited against this table.
        var withheldCount = withheld.Count(w => w);
        var passedAt = new int[views.Count];
        Array.Fill(passedAt, -1);
        bool changed;
        do
        {
            changed = false;
            for (var v = 0; v < views.Count; v++)
            {
                var view = views[v];
                // An insider who knows nothing withheld sees what the public sees, which the public view covers.
                if (passedAt[v] == withheldCount || (view != publicView && !view.KnowsAnyOf(withheld))) continue;
                for (var exposed = view.Exposed(withheld); exposed.Count > 0; exposed = view.Exposed(withheld))
                {
                    withheld[Complement(hierarchy, view, exposed, withheld, ranks)] = true;
                    withheldCount++;
                    changed = true;
                }
                passedAt[v] = withheldCount;
            }
        } while (changed);
        return hierarchy.Codes(withheld);
    }

    /// <summary>
    /// The next cell to withhold for the view's exposed cells: a part of a group around one of them (a sibling, else one
    /// of its own parts), trying each exposed cell in turn; only if none has one, the total over the first exposed
    /// cell, else the same one level up, and so on; else anything. A total hides more than a part, hence the order.
    /// </summary>
    private static int Complement(CountHierarchy hierarchy, DisclosureAudit.View view, List<int> exposed, bool[] withheld, int[] ranks)
    {
        bool Eligible(int cell) => !withheld[cell] && hierarchy.Value(cell) >= 1 && !view.OwnDeduction(cell);
        int FirstAmong(IEnumerable<int> cells) => cells.Where(Eligible).OrderBy(i => ranks[i]).DefaultIfEmpty(-1).First();
        int PartAround(int cell)
        {
            var parent = hierarchy.Parent(cell);
            if (parent >= 0 && hierarchy.IsGroup(parent) && FirstAmong(hierarchy.Children(parent)) is var sibling and >= 0) return sibling;
            return hierarchy.IsGroup(cell) ? FirstAmong(hierarchy.Children(cell)) : -1;
        }

        foreach (var cell in exposed)
            if (PartAround(cell) is var part and >= 0) return part;
        for (var cell = exposed[0]; cell >= 0; cell = hierarchy.Parent(cell))
        {
            var parent = hierarchy.Parent(cell);
            if (parent >= 0 && hierarchy.IsGroup(parent) && Eligible(parent)) return parent;
            if (parent >= 0 && PartAround(parent) is var higher and >= 0) return higher;
        }
        var anywhere = FirstAmong(Enumerable.Range(0, hierarchy.Count));
        // Unreachable: a cell narrow for the view with every eligible cell withheld is one it works out on its own.
        return anywhere >= 0 ? anywhere : throw new InvalidOperationException(
            $"Nothing more can be withheld to protect '{hierarchy.Cells[exposed[0]].Code}'; the audit should have excused it.");
    }
}
