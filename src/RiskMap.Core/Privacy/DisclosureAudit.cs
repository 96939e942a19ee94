namespace RiskMap.Core.Privacy;

/// <summary>The values a withheld count can still take for someone who reads a table: at least Low, at most High (maybe +∞).</summary>
public readonly record struct FeasibleRange(double Low, double High)
{
    public double Width => High - Low;
}

/// <summary>
/// The interval audit: what an attacker who knows the suppression rule, reads the published cells and knows some cells
/// exactly (an insider's own counts) can work out about each withheld count. The attacker knows that every total with
/// a value equals the sum of its parts (cells without data add nothing), that a withheld count is at least 1 (zeros
/// and cells without data are never withheld), and nothing else. The feasible range of each withheld cell is found by
/// propagating bounds through the equations to a fixpoint. The equations form a tree (a group shares one cell, its
/// total, with its parent's group), and on such a Berge-acyclic system bounds consistency is global consistency: the
/// range found is exactly the set of values the cell takes in some solution (see docs/disclosure-control.md).
/// </summary>
public static class DisclosureAudit
{
    /// <summary>
    /// The views a table is protected against, each as the codes its holder knows exactly: first the public (nothing),
    /// then for every cell below a root an insider who knows that cell and every cell under it (a region's planner, a
    /// district's education department). Whoever knows a root knows its whole tree and has nothing to learn from it.
    /// </summary>
    public static IReadOnlyList<IReadOnlySet<string>> Views(IReadOnlyList<CountCell> cells)
    {
        var hierarchy = new CountHierarchy(cells);
        return [.. InsiderViews(hierarchy).Select(hierarchy.Codes)];
    }

    /// <summary>The feasible range of every withheld cell the view does not know.</summary>
    /// <param name="cells">The counts, forming a forest through <see cref="CountCell.ParentCode"/>.</param>
    /// <param name="withheld">Codes of the cells the table withholds.</param>
    /// <param name="known">Codes of the cells the view knows exactly besides the published ones.</param>
    /// <param name="assumedAtMost">
    /// Upper bounds the attacker assumes on top of what the rule tells them, by code (e.g. from replaying an older rule);
    /// they may be wrong, and then the ranges may be wrong or empty (Low &gt; High).
    /// </param>
    /// <exception cref="ArgumentException">The cells do not form a forest, or a code is not among them.</exception>
    public static IReadOnlyDictionary<string, FeasibleRange> Ranges(IReadOnlyList<CountCell> cells, IReadOnlySet<string> withheld,
        IReadOnlySet<string> known, IReadOnlyDictionary<string, double>? assumedAtMost = null)
    {
        var hierarchy = new CountHierarchy(cells);
        var hidden = Hidden(hierarchy.Flags(withheld, nameof(withheld)), hierarchy.Flags(known, nameof(known)));
        var bounds = new Bounds(hierarchy.Count);
        var caps = Enumerable.Repeat(double.PositiveInfinity, hierarchy.Count).ToArray();
        foreach (var (code, atMost) in assumedAtMost ?? new Dictionary<string, double>())
            caps[hierarchy.TryIndexOf(code, out var i) ? i : throw new ArgumentException($"Cell '{code}' is not among the cells.", nameof(assumedAtMost))] = atMost;
        bounds.Propagate(hierarchy, hidden, caps);
        return Enumerable.Range(0, hierarchy.Count).Where(i => hidden[i])
            .ToDictionary(i => hierarchy.Cells[i].Code, i => new FeasibleRange(bounds.Low[i], bounds.High[i]), StringComparer.Ordinal);
    }

    /// <summary>
    /// The withheld cells the view does not know whose feasible range is narrower than <paramref name="threshold"/>,
    /// leaving out those it can work out from its own cells and the zeros alone (a region whose other districts are all
    /// 0 is its only district's own count): no table can hide them from it. Empty when the table passes the audit.
    /// </summary>
    /// <exception cref="ArgumentException">The cells do not form a forest, or a code is not among them.</exception>
    public static IReadOnlyList<string> Exposed(IReadOnlyList<CountCell> cells, IReadOnlySet<string> withheld, IReadOnlySet<string> known,
        int threshold)
    {
        var hierarchy = new CountHierarchy(cells);
        var view = new View(hierarchy, hierarchy.Flags(known, nameof(known)), threshold);
        var table = hierarchy.Flags(withheld, nameof(withheld));
        return [.. Enumerable.Range(0, hierarchy.Count).Where(i => view.IsExposed(i, table)).Select(i => hierarchy.Cells[i].Code)];
    }

    internal static IEnumerable<bool[]> InsiderViews(CountHierarchy hierarchy)
    {
        yield return new bool[hierarchy.Count];
        for (var cell = 0; cell < hierarchy.Count; cell++)
        {
            if (hierarchy.Parent(cell) < 0) continue;
            var known = new bool[hierarchy.Count];
            foreach (var i in hierarchy.Subtree(cell)) known[i] = true;
            yield return known;
        }
    }

    internal static bool[] Hidden(bool[] withheld, bool[] known)
    {
        var hidden = new bool[withheld.Length];
        for (var i = 0; i < hidden.Length; i++) hidden[i] = withheld[i] && !known[i];
        return hidden;
    }

    /// <summary>One view's audit of a table over one hierarchy, with what it can work out on its own computed once.</summary>
    internal sealed class View(CountHierarchy hierarchy, bool[] known, int threshold)
    {
        private readonly Bounds _bounds = new(hierarchy.Count);
        private bool[]? _ownDeductions;

        public bool Knows(int cell) => known[cell];

        /// <summary>Whether anything the table withholds is known to this view: if not, it sees what the public sees.</summary>
        public bool KnowsAnyOf(bool[] withheld) => Enumerable.Range(0, hierarchy.Count).Any(i => withheld[i] && known[i]);

        /// <summary>The cells the table fails to protect from this view, by code.</summary>
        public List<int> Exposed(bool[] withheld)
        {
            _bounds.Propagate(hierarchy, Hidden(withheld, known));
            return [.. Enumerable.Range(0, hierarchy.Count).Where(i => withheld[i] && !known[i] && _bounds.IsNarrow(i, threshold) && !OwnDeduction(i))];
        }

        public bool IsExposed(int cell, bool[] withheld)
        {
            if (!withheld[cell] || known[cell]) return false;
            _bounds.Propagate(hierarchy, Hidden(withheld, known));
            return _bounds.IsNarrow(cell, threshold) && !OwnDeduction(cell);
        }

        /// <summary>
        /// Whether the view narrows the cell even when every cell it does not know is withheld, except the zeros and
        /// cells without data, which are always published. Withholding more can neither protect nor help protect it.
        /// </summary>
        public bool OwnDeduction(int cell)
        {
            if (_ownDeductions is null)
            {
                var everythingElse = new bool[hierarchy.Count];
                for (var i = 0; i < hierarchy.Count; i++) everythingElse[i] = !known[i] && hierarchy.Value(i) >= 1;
                var bounds = new Bounds(hierarchy.Count);
                bounds.Propagate(hierarchy, everythingElse);
                _ownDeductions = [.. Enumerable.Range(0, hierarchy.Count).Select(i => everythingElse[i] && bounds.IsNarrow(i, threshold))];
            }
            return known[cell] || _ownDeductions[cell];
        }
    }

    /// <summary>Lower and upper bounds of every cell, tightened through the group equations.</summary>
    internal sealed class Bounds(int count)
    {
        public readonly double[] Low = new double[count];
        public readonly double[] High = new double[count];

        public bool IsNarrow(int cell, int threshold) => High[cell] - Low[cell] < threshold;

        /// <summary>
        /// Hidden cells start at [1, +∞) (or up to their cap), the others at their value (no data adds 0); then bounds
        /// tighten to a fixpoint.
        /// </summary>
        public void Propagate(CountHierarchy hierarchy, bool[] hidden, double[]? caps = null)
        {
            var values = hierarchy.ValueOrZero;
            for (var i = 0; i < values.Length; i++)
            {
                Low[i] = hidden[i] ? 1 : values[i];
                High[i] = hidden[i] ? caps?[i] ?? double.PositiveInfinity : values[i];
            }
            // Up the tree then down reaches the fixpoint on consistent data; the bound on passes only guards against
            // totals that are not the sum of their parts, where the bounds may cross.
            var groups = hierarchy.GroupsDeepestFirst;
            for (var pass = 0; pass <= values.Length; pass++)
            {
                var changed = false;
                foreach (var total in groups) changed |= Tighten(total, hierarchy.Children(total), hidden);
                for (var i = groups.Length - 1; i >= 0; i--) changed |= Tighten(groups[i], hierarchy.Children(groups[i]), hidden);
                if (!changed) return;
            }
        }

        private bool Tighten(int total, int[] parts, bool[] hidden)
        {
            double sumLow = 0, sumFiniteHigh = 0;
            var infiniteHighs = 0;
            foreach (var part in parts)
            {
                sumLow += Low[part];
                if (double.IsPositiveInfinity(High[part])) infiniteHighs++;
                else sumFiniteHigh += High[part];
            }
            var changed = false;
            if (hidden[total])
                changed |= Raise(total, sumLow) | Lower(total, infiniteHighs > 0 ? double.PositiveInfinity : sumFiniteHigh);
            foreach (var part in parts)
            {
                if (!hidden[part]) continue;
                var partInfinite = double.IsPositiveInfinity(High[part]);
                var othersHigh = infiniteHighs - (partInfinite ? 1 : 0) > 0
                    ? double.PositiveInfinity
                    : sumFiniteHigh - (partInfinite ? 0 : High[part]);
                var othersLow = sumLow - Low[part];
                changed |= Raise(part, Low[total] - othersHigh) | Lower(part, High[total] - othersLow);
            }
            return changed;
        }

        private bool Raise(int cell, double low)
        {
            if (!(low > Low[cell])) return false;
            Low[cell] = low;
            return true;
        }

        private bool Lower(int cell, double high)
        {
            if (!(high < High[cell])) return false;
            High[cell] = high;
            return true;
        }
    }
}
