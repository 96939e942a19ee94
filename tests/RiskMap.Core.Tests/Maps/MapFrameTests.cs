using RiskMap.Core.Maps;

namespace RiskMap.Core.Tests.Maps;

/// <summary>A map image's frame and scale bar: a box fitted and centred in Web Mercator, and a round length that fits.</summary>
public class MapFrameTests
{
    [Fact]
    public void The_box_fills_the_rectangle_in_one_direction_and_is_centred_in_the_other()
    {
        var frame = new MapFrame(new GeoBox(46.4, 40.5, 87.4, 55.5), 10, 20, 1000, 1000);
        var (west, north) = frame.Point(46.4, 55.5);
        var (east, south) = frame.Point(87.4, 40.5);

        Assert.Equal(10, west, 3);
        Assert.Equal(1010, east, 3);
        // Kazakhstan is wider than high in Mercator, so it is centred vertically.
        Assert.Equal(520, (north + south) / 2, 3);
        Assert.True(south - north < 1000);
    }

    [Fact]
    public void A_pixel_is_as_many_metres_as_the_box_is_wide_on_the_ground_at_its_centre()
    {
        // One degree of longitude at 45° is about 78.8 km; fitted into 788 pixels a pixel is about 100 m.
        var frame = new MapFrame(new GeoBox(70, 44.9, 71, 45.1), 0, 0, 788, 10_000);

        Assert.Equal(100, frame.MetresPerPixel, 0);
    }

    [Theory]
    [InlineData(1000, 150, 100, 100)]
    [InlineData(1000, 120, 100, 100)]
    [InlineData(1000, 99, 50, 50)]
    [InlineData(2500, 150, 200, 80)]
    [InlineData(30, 150, 2, 66.667)]
    public void The_scale_bar_is_the_longest_round_length_that_fits(double metresPerPixel, double maxPixels, double kilometres, double pixels)
    {
        var bar = ScaleBar.Fit(metresPerPixel, maxPixels);

        Assert.Equal(kilometres, bar.Kilometres, 6);
        Assert.Equal(pixels, bar.Pixels, 2);
    }
}
