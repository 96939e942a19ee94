using System.Net;
using System.Text;

namespace RiskMap.Core.Maps;

/// <summary>
/// Draws the map's first view as SVG, as Leaflet draws it: the districts filled by their risk level under the region
/// outlines, projected to Web Mercator at <c>zoom</c> with every vertex rounded to that zoom's pixel. The viewBox is the
/// first view's box, so a page that scales the image as Leaflet fits the box shows it where Leaflet will draw.
/// Each district's path names it (<c>data-kato</c>) and its level as the map's paths do (<c>data-level</c>: 1–5,
/// suppressed or none); nothing else of the unit is written.
/// </summary>
public static class ChoroplethSvg
{
    public static string Render(FirstView view, double zoom, ChoroplethPalette palette, IEnumerable<MapShape> districts,
        IReadOnlyDictionary<string, ShownLevel> levels, IEnumerable<MapShape> regions)
    {
        var (left, top) = WebMercator.Pixel(view.West, view.North, zoom);
        var (right, bottom) = WebMercator.Pixel(view.East, view.South, zoom);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{left:0.##} {top:0.##} {right - left:0.##} {bottom - top:0.##}\" "))
            .Append(Invariant($"width=\"{right - left:0.##}\" height=\"{bottom - top:0.##}\">"))
            // Leaflet's defaults: even-odd fill, round joins and caps, outlines as wide on screen at any size.
            .Append(Invariant($"<g fill-rule=\"evenodd\" stroke-linejoin=\"round\" stroke-linecap=\"round\" fill-opacity=\"{palette.FillOpacity}\">"));
        foreach (var district in districts)
        {
            var shown = levels.GetValueOrDefault(district.Kato) ?? ShownLevel.NoData;
            svg.Append($"<path data-kato=\"{WebUtility.HtmlEncode(district.Kato)}\" data-level=\"{shown.Key}\" fill=\"{palette.Fill(shown)}\"{Stroke(palette.OutlineOf(shown))} d=\"");
            AppendPath(svg, district, zoom);
            svg.Append("\"/>");
        }
        svg.Append("</g><path fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\"").Append(Stroke(palette.Region)).Append(" d=\"");
        foreach (var region in regions) AppendPath(svg, region, zoom);
        return svg.Append("\"/></svg>").ToString();
    }

    private static string Stroke(OutlineStyle outline) =>
        Invariant($" stroke=\"{outline.Color}\" stroke-width=\"{outline.Weight}\" vector-effect=\"non-scaling-stroke\"") +
        (outline.DashArray is null ? "" : $" stroke-dasharray=\"{outline.DashArray}\"") +
        (outline.Opacity < 1 ? Invariant($" stroke-opacity=\"{outline.Opacity}\"") : "");

    /// <summary>Each ring as an absolute move and relative lines between whole pixels; a ring that rounds to less than a triangle is left out.</summary>
    private static void AppendPath(StringBuilder svg, MapShape shape, double zoom)
    {
        foreach (var ring in shape.Rings)
        {
            var points = new List<(long X, long Y)>(ring.Count);
            foreach (var (longitude, latitude) in ring)
            {
                var (x, y) = WebMercator.Pixel(longitude, latitude, zoom);
                var point = ((long)Math.Round(x), (long)Math.Round(y));
                if (points.Count == 0 || points[^1] != point) points.Add(point);
            }
            if (points.Count > 1 && points[0] == points[^1]) points.RemoveAt(points.Count - 1);
            if (points.Count < 3) continue;
            svg.Append('M').Append(points[0].X).Append(' ').Append(points[0].Y).Append('l');
            for (var i = 1; i < points.Count; i++)
            {
                AppendNumber(svg, points[i].X - points[i - 1].X, i > 1);
                AppendNumber(svg, points[i].Y - points[i - 1].Y, true);
            }
            svg.Append('z');
        }
    }

    /// <summary>A minus sign separates numbers by itself.</summary>
    private static void AppendNumber(StringBuilder svg, long value, bool afterNumber)
    {
        if (afterNumber && value >= 0) svg.Append(' ');
        svg.Append(value);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
