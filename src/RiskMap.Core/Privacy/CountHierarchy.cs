namespace RiskMap.Core.Privacy;

/// <summary>Cells indexed by code with each parent's children, checked to form a forest.</summary>
internal sealed class CountHierarchy
{
    private readonly Dictionary<string, List<CountCell>> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CountCell> _byCode = new(StringComparer.Ordinal);

    public CountHierarchy(IReadOnlyList<CountCell> cells)
    {
        var byCode = _byCode;
        foreach (var cell in cells)
            if (!byCode.TryAdd(cell.Code, cell))
                throw new ArgumentException($"Cell code '{cell.Code}' appears more than once.", nameof(cells));

        foreach (var cell in cells)
        {
            if (cell.ParentCode is not { } parentCode) continue;
            if (!byCode.ContainsKey(parentCode))
                throw new ArgumentException($"Cell '{cell.Code}' names parent '{parentCode}', which is not among the cells.", nameof(cells));
            if (!_children.TryGetValue(parentCode, out var siblings)) _children[parentCode] = siblings = [];
            siblings.Add(cell);
        }
        foreach (var siblings in _children.Values) siblings.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));

        ParentsDeepestFirst = _children.Keys
            .Select(code => byCode[code])
            .OrderByDescending(parent => Depth(parent, byCode))
            .ThenBy(parent => parent.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Cells with at least one child, deepest first, then by code (ordinal).</summary>
    public IReadOnlyList<CountCell> ParentsDeepestFirst { get; }

    /// <summary>Whether a cell has this code.</summary>
    public bool Contains(string code) => _byCode.ContainsKey(code);

    /// <summary>The children of a cell, by code (ordinal); none for a leaf.</summary>
    public IReadOnlyList<CountCell> ChildrenOf(string parentCode) =>
        _children.TryGetValue(parentCode, out var children) ? children : [];

    private static int Depth(CountCell cell, Dictionary<string, CountCell> byCode)
    {
        var depth = 0;
        for (var code = cell.ParentCode; code is not null; code = byCode[code].ParentCode)
            if (++depth > byCode.Count)
                throw new ArgumentException($"Cell '{cell.Code}' is its own ancestor.", "cells");
        return depth;
    }
}
