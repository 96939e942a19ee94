using RiskMap.Core.Privacy;

namespace RiskMap.Core.Tests.Privacy;

/// <summary>What someone holding the published table could work out about the withheld cells.</summary>
internal static class DisclosureAudit
{
    /// <summary>What stays hidden from a caller who sees the published cells and the cells they already know.</summary>
    public static IReadOnlySet<string> HiddenFrom(IReadOnlySet<string> withheld, IReadOnlySet<string> known) =>
        withheld.Where(code => !known.Contains(code)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Groups (by parent code) whose equation has exactly one hidden cell, which it therefore gives away.</summary>
    public static IEnumerable<string> GroupsWithOneHiddenCell(IReadOnlyList<CountCell> cells, IReadOnlySet<string> hidden) =>
        Groups(cells)
            .Where(g => g.Children.Append(g.Parent).Count(c => hidden.Contains(c.Code)) == 1)
            .Select(g => g.Parent.Code);

    /// <summary>Groups (by parent code) with a published total whose withheld children are all small, or a single cell.</summary>
    public static IEnumerable<string> GroupsBoundingTheirWithheldChildren(IReadOnlyList<CountCell> cells, IReadOnlySet<string> withheld, int threshold) =>
        Groups(cells)
            .Where(g => g.Parent.Value is not null && !withheld.Contains(g.Parent.Code))
            .Where(g =>
            {
                var hidden = g.Children.Where(c => withheld.Contains(c.Code)).ToList();
                return hidden.Count > 0 && (hidden.Count < 2 || hidden.All(c => c.Value < threshold));
            })
            .Select(g => g.Parent.Code);

    /// <summary>
    /// Withheld cells pinned to one value by the equations "total = sum of parts", cells without data counting as known:
    /// a cell is pinned exactly when its unit vector lies in the row space of the equations over the withheld cells.
    /// </summary>
    public static IEnumerable<string> ExactlyRecoverable(IReadOnlyList<CountCell> cells, IReadOnlySet<string> withheld)
    {
        var unknowns = withheld.Order(StringComparer.Ordinal).ToList();
        var column = unknowns.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
        var rows = new List<double[]>();
        foreach (var (parent, children) in Groups(cells))
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
