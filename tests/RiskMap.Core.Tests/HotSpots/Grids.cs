using RiskMap.Core.HotSpots;

namespace RiskMap.Core.Tests.HotSpots;

/// <summary>Square grids of units named "r,c" (row, column from 0), with rook or queen contiguity.</summary>
internal static class Grids
{
    public static string Cell(int row, int column) => $"{row},{column}";

    public static SpatialWeights Weights(int size, bool queen)
    {
        var neighbours = new Dictionary<string, string[]>();
        for (var r = 0; r < size; r++)
            for (var c = 0; c < size; c++)
            {
                var touching = new List<string>();
                for (var dr = -1; dr <= 1; dr++)
                    for (var dc = -1; dc <= 1; dc++)
                    {
                        var diagonal = dr != 0 && dc != 0;
                        if ((dr, dc) == (0, 0) || (diagonal && !queen)) continue;
                        if (r + dr is >= 0 and var nr && nr < size && c + dc is >= 0 and var nc && nc < size) touching.Add(Cell(nr, nc));
                    }
                neighbours[Cell(r, c)] = [.. touching];
            }
        return SpatialWeights.FromNeighbours(neighbours);
    }
}
