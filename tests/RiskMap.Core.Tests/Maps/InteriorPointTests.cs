using RiskMap.Core.Maps;

namespace RiskMap.Core.Tests.Maps;

public class InteriorPointTests
{
    private static MapShape Shape(params (double, double)[][] rings) => new("1", [.. rings.Select(r => (IReadOnlyList<(double, double)>)r)]);

    private static bool Inside(MapShape shape, (double X, double Y) p)
    {
        var inside = false;
        foreach (var ring in shape.Rings)
            for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
                if ((ring[i].Latitude > p.Y) != (ring[j].Latitude > p.Y) &&
                    p.X < (ring[j].Longitude - ring[i].Longitude) * (p.Y - ring[i].Latitude) / (ring[j].Latitude - ring[i].Latitude) + ring[i].Longitude)
                    inside = !inside;
        return inside;
    }

    [Fact]
    public void A_U_shaped_unit_gets_a_point_in_one_of_its_arms_not_in_the_gap_between_them()
    {
        // A U: the centre of its box (5, 5) is in the gap.
        var shape = Shape([(0, 0), (10, 0), (10, 10), (7, 10), (7, 3), (3, 3), (3, 10), (0, 10)]);

        var point = InteriorPoint.Of(shape)!.Value;

        Assert.True(Inside(shape, point), $"{point}");
    }

    [Fact]
    public void A_ring_with_a_hole_gets_a_point_on_the_ring_not_in_the_hole()
    {
        var shape = Shape([(0, 0), (10, 0), (10, 10), (0, 10)], [(2, 2), (8, 2), (8, 8), (2, 8)]);

        var point = InteriorPoint.Of(shape)!.Value;

        Assert.True(Inside(shape, point), $"{point}");
        Assert.Equal(5, point.Latitude);
    }

    [Fact]
    public void A_shape_without_area_has_none() => Assert.Null(InteriorPoint.Of(Shape([(0, 0), (1, 1)])));
}
