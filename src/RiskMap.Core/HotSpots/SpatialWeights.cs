namespace RiskMap.Core.HotSpots;

/// <summary>
/// Binary contiguity weights as sparse neighbour lists: w_ij = 1 when units i and j share a boundary, else 0. Each unit is
/// also its own neighbour in Gi* (the "star"), which <see cref="GiStar"/> adds; the lists here never hold the unit itself.
/// Which units touch is decided elsewhere (queen contiguity from PostGIS boundaries); this type only holds the answer.
/// </summary>
public sealed class SpatialWeights
{
    private readonly Dictionary<string, int> _index;
    private readonly int[][] _neighbours;

    private SpatialWeights(string[] units, int[][] neighbours)
    {
        Units = units;
        _neighbours = neighbours;
        _index = new Dictionary<string, int>(units.Length, StringComparer.Ordinal);
        for (var i = 0; i < units.Length; i++) _index[units[i]] = i;
    }

    /// <summary>The units, in ordinal order of their codes; a unit's position is its index.</summary>
    public IReadOnlyList<string> Units { get; }

    /// <summary>The indices of the units that touch the unit at <paramref name="index"/>, itself excluded.</summary>
    public IReadOnlyList<int> NeighboursOf(int index) => _neighbours[index];

    public bool TryIndexOf(string unit, out int index) => _index.TryGetValue(unit, out index);

    /// <summary>
    /// Weights from each unit's list of touching units. Every listed neighbour must itself be a key. Contiguity is
    /// symmetric, so a pair listed on one side only is taken on both: Gi* must not depend on which side a query named.
    /// A unit listed as its own neighbour or listed twice counts once.
    /// </summary>
    public static SpatialWeights FromNeighbours(IReadOnlyDictionary<string, string[]> neighbours)
    {
        var units = neighbours.Keys.Order(StringComparer.Ordinal).ToArray();
        var index = units.Select((u, i) => (u, i)).ToDictionary(p => p.u, p => p.i, StringComparer.Ordinal);
        var sets = units.Select(_ => new SortedSet<int>()).ToArray();
        foreach (var (unit, touching) in neighbours)
        {
            var i = index[unit];
            foreach (var other in touching)
            {
                if (!index.TryGetValue(other, out var j))
                    throw new ArgumentException($"Unit '{unit}' lists neighbour '{other}', which is not one of the units.", nameof(neighbours));
                if (i == j) continue;
                sets[i].Add(j);
                sets[j].Add(i);
            }
        }
        return new SpatialWeights(units, [.. sets.Select(s => s.ToArray())]);
    }
}
