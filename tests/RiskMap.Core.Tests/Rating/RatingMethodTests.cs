using RiskMap.Core.Rating;

namespace RiskMap.Core.Tests.Rating;

/// <summary>The hand-worked example of docs/rating.md, section "A worked example".</summary>
public class RatingMethodTests
{
    private static readonly RatingInput A = new("A", 3, 2.5, 3.5, -1.0, true, 10, 8, 1, -0.5, 4, 3, 100, 90);
    private static readonly RatingInput B = new("B", 5, 2, 6, 0.5, false, 0, 0, 0, null, 4, 4, 50, 50);
    private static readonly RatingInput C = new("C", null, null, null, null, null, 0, 0, 0, null, 0, 0, 10, 0);
    private static readonly RatingInput D = new("D", 8, 7.9, 8.1, 1.5, true, 4, 0, 4, 3.0, 4, 0, 20, 10);

    private static Dictionary<string, RatedUnit> Rated() => RatingMethod.Rate([A, B, C, D]).ToDictionary(u => u.Code);

    [Fact]
    public void Components_are_normalised_to_0_100_with_100_the_better()
    {
        var a = Rated()["A"].Components;
        Assert.Equal(70, a[RatingComponent.RiskLevel], 9);
        Assert.Equal(70, a[RatingComponent.RiskChange], 9);
        Assert.Equal(85, a[RatingComponent.Execution], 9);
        Assert.Equal(60, a[RatingComponent.Effect], 9);
        Assert.Equal(82.5, a[RatingComponent.DataDelivery], 9);

        var d = Rated()["D"].Components;
        Assert.Equal(20, d[RatingComponent.RiskChange], 9);
        Assert.Equal(0, d[RatingComponent.Execution], 9);
        Assert.Equal(0, d[RatingComponent.Effect], 9);
        Assert.Equal(25, d[RatingComponent.DataDelivery], 9);
    }

    [Fact]
    public void The_rating_is_the_weighted_mean_with_its_interval_from_the_score_interval()
    {
        var a = Rated()["A"];
        Assert.Equal(74.0, a.Rating!.Value, 9);
        Assert.Equal(72.5, a.RatingLow!.Value, 9);
        Assert.Equal(75.5, a.RatingHigh!.Value, 9);
        Assert.Equal(14.0, Rated()["D"].Rating!.Value, 9);
    }

    [Fact]
    public void Missing_components_are_listed_and_the_weights_renormalised_over_the_rest()
    {
        var b = Rated()["B"];
        Assert.Equal([RatingComponent.Execution, RatingComponent.Effect], b.Missing);
        Assert.Equal(50, b.Components[RatingComponent.RiskChange], 9);
        Assert.Equal(42.5 / 0.65, b.Rating!.Value, 9);
        Assert.Equal(39.5 / 0.65, b.RatingLow!.Value, 9);
        Assert.Equal(51.5 / 0.65, b.RatingHigh!.Value, 9);
    }

    [Fact]
    public void A_unit_without_a_risk_level_is_not_rated_and_not_counted_in_the_ranks()
    {
        var c = Rated()["C"];
        Assert.Null(c.Rating);
        Assert.Null(c.Rank);
        Assert.Equal(0, c.Components[RatingComponent.DataDelivery]);
        Assert.Equal(3, Rated()["D"].RankWorst);
    }

    [Fact]
    public void Rank_bands_are_the_ranks_the_overlapping_intervals_allow()
    {
        var rated = Rated();
        Assert.Equal((1, 1, 2), (rated["A"].Rank, rated["A"].RankBest, rated["A"].RankWorst));
        Assert.Equal((2, 1, 2), (rated["B"].Rank, rated["B"].RankBest, rated["B"].RankWorst));
        Assert.Equal((3, 3, 3), (rated["D"].Rank, rated["D"].RankBest, rated["D"].RankWorst));
    }

    [Fact]
    public void The_weights_sum_to_one()
    {
        Assert.Equal(1.0, RatingComponents.All.Sum(c => c.Weight()), 12);
    }
}
