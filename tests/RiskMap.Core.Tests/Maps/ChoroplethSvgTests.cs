using System.Xml.Linq;
using RiskMap.Core.Maps;

namespace RiskMap.Core.Tests.Maps;

public class ChoroplethSvgTests
{
    private static readonly ChoroplethPalette Palette = new(["#c1", "#c2", "#c3", "#c4", "#c5"], "#none", "#withheld", "#outside", 0.9,
        new OutlineStyle("#line", 0.8), new OutlineStyle("#low", 1.6, "4 3"), new OutlineStyle("#line", 1.2, "1 3"), new OutlineStyle("#region", 2, null, 0.9));

    private static readonly FirstView View = new(40, 50, 50, 60, 8, 0.25);

    [Theory]
    [InlineData(0, 0, 0, 128, 128)]
    [InlineData(-180, 85.0511287798, 0, 0, 0)]
    [InlineData(180, -85.0511287798, 1, 512, 512)]
    public void Points_are_projected_as_Leaflet_projects_them(double longitude, double latitude, double zoom, double x, double y)
    {
        var pixel = WebMercator.Pixel(longitude, latitude, zoom);
        Assert.Equal(x, pixel.X, 6);
        Assert.Equal(y, pixel.Y, 6);
    }

    [Fact]
    public void A_district_is_one_path_in_its_levels_colour_and_one_too_small_to_show_at_the_zoom_is_left_out_of_its_path()
    {
        var square = new MapShape("1", [[(51, 41), (52, 41), (52, 42), (51, 42), (51, 41)], [(55, 45), (55.0001, 45), (55, 45.0001), (55, 45)]]);
        var withheld = new MapShape("2", [[(53, 43), (54, 43), (54, 44), (53, 43)]]);
        var levels = new Dictionary<string, ShownLevel> { ["1"] = new(4, false, false), ["2"] = new(null, true, false) };

        var svg = XDocument.Parse(ChoroplethSvg.Render(View, 5, Palette, [square, withheld], levels, []));
        var paths = svg.Descendants().Where(e => e.Attribute("data-kato") is not null).ToList();

        Assert.Equal(["1", "2"], paths.Select(p => (string)p.Attribute("data-kato")!));
        Assert.Equal(("4", "#c4"), ((string)paths[0].Attribute("data-level")!, (string)paths[0].Attribute("fill")!));
        Assert.Equal(("suppressed", "#withheld", "1 3"),
            ((string)paths[1].Attribute("data-level")!, (string)paths[1].Attribute("fill")!, (string)paths[1].Attribute("stroke-dasharray")!));
        // One ring: the second is under a pixel at zoom 5. Whole pixels, relative after the first point, closed.
        var d = (string)paths[0].Attribute("d")!;
        Assert.Single(d.Split('M', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^M\d+ \d+l-?\d+[ -]\d+[ -]\d+[ -]\d+[ -]\d+[ -]\d+z$", d);
    }

    [Fact]
    public void The_viewBox_is_the_first_views_box_at_the_zoom()
    {
        var svg = XDocument.Parse(ChoroplethSvg.Render(View, 5, Palette, [], new Dictionary<string, ShownLevel>(), []));
        var box = ((string)svg.Root!.Attribute("viewBox")!).Split(' ').Select(n => double.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var (left, top) = WebMercator.Pixel(50, 50, 5);
        var (width, height) = View.SizeAtZoomZero();

        Assert.Equal([left, top, width * 32, height * 32], box, (a, b) => Math.Abs(a - b) < 0.01);
    }
}
