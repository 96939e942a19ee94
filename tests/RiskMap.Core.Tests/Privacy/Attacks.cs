using RiskMap.Core.Privacy;

namespace RiskMap.Core.Tests.Privacy;

/// <summary>Attacks on a published table, each independent of the suppression code except where it says so.</summary>
internal static class Attacks
{
    /// <summary>
    /// The inference that broke the old rule, whose complement was "the smallest count ≥ threshold in the group": every
    /// withheld part is at most the smallest published part ≥ threshold of its group; then propagate (with the audit).
    /// Returns the withheld cells it pins to their true value when its assumption holds for the table; where it does not
    /// (a withheld part exceeds the cap), what it pins is a guess the attacker cannot tell from a wrong one: for parts
    /// 17, 30 and 4 summing to 51 under a cap of 17 it answers 17, 17, 17.
    /// </summary>
    public static IEnumerable<string> ReplayOfTheSmallestComplementRule(IReadOnlyList<CountCell> cells, IReadOnlySet<string> withheld,
        IReadOnlySet<string> known, int threshold)
    {
        var hidden = withheld.Where(code => !known.Contains(code)).ToHashSet(StringComparer.Ordinal);
        var caps = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (_, children) in Groups(cells))
        {
            var smallestPublished = children.Where(c => !hidden.Contains(c.Code) && c.Value >= threshold).Select(c => c.Value!.Value)
                .DefaultIfEmpty(double.PositiveInfinity).Min();
            foreach (var child in children.Where(c => hidden.Contains(c.Code))) caps[child.Code] = smallestPublished;
        }
        var values = cells.ToDictionary(c => c.Code, c => c.Value, StringComparer.Ordinal);
        if (caps.Any(cap => values[cap.Key] > cap.Value)) return [];
        return DisclosureAudit.Ranges(cells, withheld, known, caps)
            .Where(r => r.Value.Low == r.Value.High && r.Value.Low == values[r.Key])
            .Select(r => r.Key);
    }

    /// <summary>
    /// Hidden cells pinned to one value by the equations "total = sum of parts" alone (linear algebra, not the audit):
    /// a cell is pinned exactly when its unit vector lies in the row space of the equations over the hidden cells.
    /// Cells without data are known, and a total without data is no equation.
    /// </summary>
    public static IEnumerable<string> ExactlyRecoverable(IReadOnlyList<CountCell> cells, IReadOnlySet<string> hidden)
    {
        var unknowns = hidden.Order(StringComparer.Ordinal).ToList();
        var column = unknowns.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
        var rows = new List<double[]>();
        foreach (var (parent, children) in Groups(cells).Where(g => g.Parent.Value is not null))
        {
            var row = new double[unknowns.Count];
            if (column.TryGetValue(parent.Code, out var p)) row[p] = 1;
            foreach (var child in children)
                if (column.TryGetValue(child.Code, out var c)) row[c] = -1;
            if (row.Any(x => x != 0)) rows.Add(row);
        }
        ReduceToEchelonForm(rows, unknowns.Count);
        return rows
            .Select(row => Enumerable.Range(0, unknowns.Count).Where(j => Math.Abs(row[j]) > 1e-9).ToList())
            .Where(nonZero => nonZero.Count == 1)
            .Select(nonZero => unknowns[nonZero[0]]);
    }

    /// <summary>
    /// What an insider works out from their own cells and the zeros alone, with everything else hidden: no table can
    /// hide it from them (a region whose other districts are 0 is its one district's count).
    /// </summary>
    public static IReadOnlySet<string> OwnDeductions(IReadOnlyList<CountCell> cells, IReadOnlySet<string> known) =>
        ExactlyRecoverable(cells, cells.Where(c => !known.Contains(c.Code) && c.Value >= 1).Select(c => c.Code).ToHashSet(StringComparer.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<(CountCell Parent, List<CountCell> Children)> Groups(IReadOnlyList<CountCell> cells) =>
        cells.Where(c => c.ParentCode is not null)
            .GroupBy(c => c.ParentCode!)
            .Select(g => (cells.Single(c => c.Code == g.Key), g.ToList()));

    private static void ReduceToEchelonForm(List<double[]> rows, int columns)
    {
        var pivotRow = 0;
        for (var j = 0; j < columns && pivotRow < rows.Count; j++)
        {
            var best = Enumerable.Range(pivotRow, rows.Count - pivotRow).MaxBy(i => Math.Abs(rows[i][j]));
            if (Math.Abs(rows[best][j]) < 1e-9) continue;
            (rows[pivotRow], rows[best]) = (rows[best], rows[pivotRow]);
            var pivot = rows[pivotRow];
            var scale = pivot[j];
            for (var k = 0; k < columns; k++) pivot[k] /= scale;
            for (var i = 0; i < rows.Count; i++)
            {
                if (i == pivotRow || rows[i][j] == 0) continue;
                var factor = rows[i][j];
                for (var k = 0; k < columns; k++) rows[i][k] -= factor * pivot[k];
            }
            pivotRow++;
        }
    }
}
