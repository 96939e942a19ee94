using RiskMap.Core.HotSpots;

namespace RiskMap.Core.Tests.HotSpots;

public class GiStarTests
{
    private static readonly Dictionary<string, double> OneToNine = Enumerable.Range(0, 9)
        .ToDictionary(k => Grids.Cell(k / 3, k % 3), k => k + 1.0);

    [Fact]
    public void Gi_star_on_a_three_by_three_rook_grid_is_the_hand_worked_one()
    {
        // 1 2 3 / 4 5 6 / 7 8 9, rook contiguity, each cell its own neighbour. n = 9, Σx = 45, x̄ = 5,
        // Σ(x − x̄)² = 16+9+4+1+0+1+4+9+16 = 60, S = √(60/9) = √(20/3).
        // Corner 1: itself, 2 and 4: W = 3, Σwx = 7, numerator 7 − 5·3 = −8, denominator √(20/3)·√((9·3 − 9)/8) = √15: z = −8/√15.
        // Edge 2: itself, 1, 3, 5: W = 4, Σwx = 11, numerator −9, denominator √(20/3)·√((36 − 16)/8) = √(50/3): z = −9/√(50/3).
        // Corner 3: 3+2+6 = 11, −4/√15. Edge 4: 4+1+7+5 = 17, −3/√(50/3). Centre 5: W = 5, 25 − 25 = 0: z = 0.
        // The grid is antisymmetric about 5, so 6, 7, 8, 9 mirror 4, 3, 2, 1.
        var scores = GiStar.Compute(Grids.Weights(3, queen: false), OneToNine);

        var (corner, edge) = (8 / Math.Sqrt(15), 9 / Math.Sqrt(50.0 / 3));
        double[] expected = [-corner, -edge, -4 / Math.Sqrt(15), -3 / Math.Sqrt(50.0 / 3), 0, 3 / Math.Sqrt(50.0 / 3), 4 / Math.Sqrt(15), edge, corner];
        for (var k = 0; k < 9; k++) Assert.Equal(expected[k], scores[Grids.Cell(k / 3, k % 3)].Z, 12);
        Assert.Equal(-2.0655911179772890, scores["0,0"].Z, 12);
        Assert.Equal(0.03886710381241727, scores["0,0"].P, 15); // Python: math.erfc(8 / math.sqrt(15) / math.sqrt(2))
        Assert.Equal(1, scores["1,1"].P);
    }

    [Fact]
    public void A_unit_without_a_value_is_left_out_of_the_mean_the_spread_and_every_neighbourhood_and_gets_no_score()
    {
        // The same grid without its centre: n = 8, Σx = 40, x̄ = 5, Σ(x − x̄)² = 60, S = √(60/8) = √7.5.
        // Corner 1: itself, 2, 4 (5 is no neighbour of a corner): W = 3, Σwx = 7, numerator −8,
        // denominator √7.5·√((8·3 − 9)/7) = √(112.5/7): z = −8/√(112.5/7) = −1.99555.
        // Edge 2: itself, 1, 3 — the centre is gone: W = 3, Σwx = 6, numerator 6 − 15 = −9: z = −9/√(112.5/7) = −2.24499.
        var values = OneToNine.Where(v => v.Key != "1,1").ToDictionary();

        var scores = GiStar.Compute(Grids.Weights(3, queen: false), values);

        Assert.False(scores.ContainsKey("1,1"));
        Assert.Equal(8, scores.Count);
        Assert.Equal(-8 / Math.Sqrt(112.5 / 7), scores["0,0"].Z, 12);
        Assert.Equal(-9 / Math.Sqrt(112.5 / 7), scores["0,1"].Z, 12);
    }

    [Fact]
    public void Gi_star_on_an_irregular_map_matches_the_independent_reference_script()
    {
        Dictionary<string, string[]> neighbours = new()
        {
            ["A"] = ["B", "C"], ["B"] = ["A", "C", "D"], ["C"] = ["A", "B", "D", "E"], ["D"] = ["B", "C", "F", "I"],
            ["E"] = ["C", "F", "G"], ["F"] = ["D", "E", "G", "H", "I"], ["G"] = ["E", "F", "H"], ["H"] = ["F", "G"], ["I"] = ["D", "F"],
        };
        Dictionary<string, double> values = new()
        {
            ["A"] = 12.5, ["B"] = 7.25, ["C"] = 15.0, ["D"] = 3.4, ["E"] = 9.9, ["F"] = 21.3, ["G"] = 18.75, ["H"] = 25.1,
        };
        // Printed by gistar_reference.py beside this file (the 1992 form G*/ΣX, its expectation and variance).
        Dictionary<string, (double Z, double P)> expected = new()
        {
            ["A"] = (-0.7663836064464914, 0.4434480842898395),
            ["B"] = (-1.7780234716683012, 0.07540000000798945),
            ["C"] = (-2.2593386839396565, 0.02386232535122657),
            ["D"] = (-0.9299689160758318, 0.3523871787697057),
            ["E"] = (0.8046881294542185, 0.4209996713264468),
            ["F"] = (0.766383606446492, 0.4434480842898391),
            ["G"] = (1.7780234716683032, 0.07540000000798915),
            ["H"] = (2.259338683939658, 0.02386232535122649),
        };

        var scores = GiStar.Compute(SpatialWeights.FromNeighbours(neighbours), values);

        Assert.Equal(expected.Keys.Order(), scores.Keys.Order());
        Assert.All(expected, e =>
        {
            Assert.Equal(e.Value.Z, scores[e.Key].Z, 12);
            Assert.Equal(e.Value.P, scores[e.Key].P, 14);
        });
    }

    [Fact]
    public void Contiguity_listed_on_one_side_counts_on_both_and_an_unknown_neighbour_is_refused()
    {
        var oneSided = SpatialWeights.FromNeighbours(new Dictionary<string, string[]> { ["A"] = ["B", "A", "B"], ["B"] = [], ["C"] = ["B"] });

        Assert.Equal([1], oneSided.NeighboursOf(0));
        Assert.Equal([0, 2], oneSided.NeighboursOf(1));
        var refused = Assert.Throws<ArgumentException>(() => SpatialWeights.FromNeighbours(new Dictionary<string, string[]> { ["A"] = ["Z"] }));
        Assert.Contains("'Z'", refused.Message);
    }

    [Fact]
    public void Equal_values_everywhere_are_no_evidence_of_clustering()
    {
        var scores = GiStar.Compute(Grids.Weights(3, queen: true), OneToNine.ToDictionary(v => v.Key, _ => 4.2));

        Assert.All(scores.Values, s => Assert.Equal(new GiStarScore(0, 1), s));
    }

    [Fact]
    public void Two_sided_p_values_are_accurate_far_into_the_tail()
    {
        // Python: math.erfc(z / math.sqrt(2)).
        Assert.Equal(0.31731050786291415, NormalDistribution.TwoSidedP(1), 15);
        Assert.Equal(0.04999579029644087, NormalDistribution.TwoSidedP(-1.96), 15);
        Assert.Equal(1.5239706048321186e-23, NormalDistribution.TwoSidedP(10), 1e-35);
    }
}
