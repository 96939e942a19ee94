namespace RiskMap.Core.Privacy;

/// <summary>
/// Cells checked to form a forest, numbered by code (ordinal) so that nothing depends on the order they came in, with
/// each cell's parent and children by number.
/// </summary>
internal sealed class CountHierarchy
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly int[] _parent;
    private readonly int[][] _children;

    public CountHierarchy(IReadOnlyList<CountCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        Cells = [.. cells.OrderBy(c => c.Code, StringComparer.Ordinal)];
        for (var i = 0; i < Cells.Count; i++)
            if (!_index.TryAdd(Cells[i].Code, i))
                throw new ArgumentException($"Cell code '{Cells[i].Code}' appears more than once.", nameof(cells));

        _parent = new int[Cells.Count];
        var children = Cells.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < Cells.Count; i++)
        {
            if (Cells[i].ParentCode is not { } parentCode) { _parent[i] = -1; continue; }
            if (!_index.TryGetValue(parentCode, out var parent))
                throw new ArgumentException($"Cell '{Cells[i].Code}' names parent '{parentCode}', which is not among the cells.", nameof(cells));
            _parent[i] = parent;
            children[parent].Add(i);
        }
        _children = [.. children.Select(c => c.ToArray())];
        ValueOrZero = [.. Cells.Select(c => c.Value ?? 0)];
        var depth = Enumerable.Range(0, Cells.Count).Select(Depth).ToArray();
        GroupsDeepestFirst = [.. Enumerable.Range(0, Cells.Count).Where(IsGroup).OrderByDescending(i => depth[i]).ThenBy(i => i)];
    }

    /// <summary>The cells by code (ordinal); a cell's number is its place here.</summary>
    public IReadOnlyList<CountCell> Cells { get; }

    public int Count => Cells.Count;

    /// <summary>The totals of the groups (see <see cref="IsGroup"/>), deepest first, then by code.</summary>
    public int[] GroupsDeepestFirst { get; }

    /// <summary>Each cell's value, 0 for no data: what it adds to its total.</summary>
    public double[] ValueOrZero { get; }

    public double? Value(int cell) => Cells[cell].Value;

    /// <summary>The parent's number, or −1 for a root.</summary>
    public int Parent(int cell) => _parent[cell];

    public int[] Children(int cell) => _children[cell];

    /// <summary>
    /// Whether the cell with its children is an equation "total = sum of parts" the public knows: it has children and a
    /// value. A total without data says nothing about its parts.
    /// </summary>
    public bool IsGroup(int cell) => _children[cell].Length > 0 && Cells[cell].Value is not null;

    public bool TryIndexOf(string code, out int cell) => _index.TryGetValue(code, out cell);

    /// <summary>The cell and every cell under it.</summary>
    public IEnumerable<int> Subtree(int cell)
    {
        yield return cell;
        foreach (var child in _children[cell])
            foreach (var below in Subtree(child))
                yield return below;
    }

    /// <summary>Numbers of the cells with these codes.</summary>
    /// <exception cref="ArgumentException">A code is not among the cells.</exception>
    public bool[] Flags(IEnumerable<string> codes, string parameterName)
    {
        var flags = new bool[Count];
        foreach (var code in codes)
            flags[_index.TryGetValue(code, out var i) ? i : throw new ArgumentException($"Cell '{code}' is not among the cells.", parameterName)] = true;
        return flags;
    }

    public IReadOnlySet<string> Codes(bool[] flags) =>
        Enumerable.Range(0, Count).Where(i => flags[i]).Select(i => Cells[i].Code).ToHashSet(StringComparer.Ordinal);

    private int Depth(int cell)
    {
        var depth = 0;
        for (var i = _parent[cell]; i >= 0; i = _parent[i])
            if (++depth > Count)
                throw new ArgumentException($"Cell '{Cells[cell].Code}' is its own ancestor.", "cells");
        return depth;
    }
}
