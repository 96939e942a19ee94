using System.Globalization;
using RiskMap.Core.Localization;
using RiskMap.Core.Maps;
using RiskMap.Web.Features.FirstFrame;
using SkiaSharp;

namespace RiskMap.Web.Features.MapImages;

/// <summary>
/// Draws a <see cref="MapPicture"/> with SkiaSharp onto a raster (PNG) or an SVG canvas: the units filled and outlined as
/// the map page draws them (the front end's palette), the region outlines, and around them the title, the legend with the
/// period, a scale bar, a north arrow, the attribution and the demo label; over the units the overlays asked for. Sizes
/// scale with the image.
/// </summary>
public sealed partial class MapImageDrawing(MapFonts fonts, FrontEndLook look)
{
    private static readonly SKColor Ink = SKColor.Parse("#1b1f24");
    private static readonly SKColor DemoInk = SKColor.Parse("#b3261e");
    private static readonly SKColor Panel = new(255, 255, 255, 235);

    /// <summary>
    /// Skia's default PNG encoding (all five row filters tried, zlib level 6) took most of an uncached image's time; one
    /// filter (Sub, which suits rows of flat colour) at zlib level 3 encodes three to six times faster to about the same
    /// size (322 against 326 KiB for the national map), and an opaque image is written as RGB, without an alpha channel.
    /// </summary>
    private static readonly SKPngEncoderOptions Encoding = new(SKPngEncoderFilterFlags.Sub, 3);

    public byte[] Png(MapPicture picture)
    {
        using var image = Raster(picture);
        return EncodePng(image);
    }

    /// <summary>The picture drawn into pixels (the first half of <see cref="Png"/>, apart for the benchmark's profile).</summary>
    public SKImage Raster(MapPicture picture)
    {
        using var surface = SKSurface.Create(new SKImageInfo(picture.Width, picture.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Draw(surface.Canvas, picture);
        return surface.Snapshot();
    }

    public static byte[] EncodePng(SKImage image)
    {
        // A raster image's pixels are in memory, so they can always be peeked at.
        using var pixels = image.PeekPixels()!;
        using var data = pixels.Encode(Encoding) ?? throw new InvalidOperationException("Skia could not encode the map image as PNG.");
        return data.ToArray();
    }

    /// <summary>Text stays text (&lt;text&gt; elements), so the title can be read, searched and translated.</summary>
    public byte[] Svg(MapPicture picture)
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(picture.Width, picture.Height), stream)) Draw(canvas, picture);
        return stream.ToArray();
    }

    /// <summary>
    /// Where the map itself lies in the image: below the title lines, inside the margin, and beside or above the legend,
    /// whichever leaves the map larger, so that the legend covers no unit.
    /// </summary>
    public MapFrame Frame(MapPicture picture)
    {
        var area = MapArea(picture);
        var pad = Pad(picture);
        var legend = Legend(picture);
        var besideWidth = area.Width - legend.Width - 2 * pad;
        var aboveHeight = area.Height - legend.Height - 2 * pad;
        var whole = new MapFrame(picture.Extent, area.Left, area.Top, area.Width, area.Height);
        var beside = besideWidth > 0 ? new MapFrame(picture.Extent, area.Right - besideWidth, area.Top, besideWidth, area.Height) : null;
        var above = aboveHeight > 0 ? new MapFrame(picture.Extent, area.Left, area.Top, area.Width, aboveHeight) : null;
        return new[] { beside, above }.OfType<MapFrame>().MinBy(f => f.DegreesPerPixel) ?? whole;
    }

    private static float Scale(MapPicture picture) => Math.Clamp(Math.Min(picture.Width, picture.Height) / 800f, 0.5f, 3f);

    private static float Pad(MapPicture picture) => 12 * Scale(picture);

    /// <summary>The title's lines (the first larger), then the demo label: the baseline of each.</summary>
    private static IEnumerable<(string Text, float Size, float Baseline)> HeaderLines(MapPicture picture)
    {
        var scale = Scale(picture);
        var y = Pad(picture);
        var lines = picture.Title.Select((text, i) => (text, size: (i == 0 ? 20 : 14) * scale, spacing: 1.25f))
            .Concat(picture.DemoLabel is null ? [] : [(picture.DemoLabel, 14 * scale, 1.4f)]);
        foreach (var (text, size, spacing) in lines)
        {
            y += size * spacing;
            yield return (text, size, y);
        }
    }

    private static SKRect MapArea(MapPicture picture)
    {
        var pad = Pad(picture);
        var top = HeaderLines(picture).Last().Baseline + pad * 0.75f;
        return new SKRect(pad, top, picture.Width - pad, picture.Height - pad);
    }

    private void Draw(SKCanvas canvas, MapPicture picture)
    {
        var scale = Scale(picture);
        var pad = Pad(picture);
        canvas.Clear(SKColors.White);

        DrawHeader(canvas, picture);
        var area = MapArea(picture);
        var frame = Frame(picture);
        canvas.Save();
        canvas.ClipRect(area);
        DrawUnits(canvas, picture, frame, scale);
        canvas.Restore();
        using (var border = new SKPaint { Color = SKColor.Parse("#c9d1db"), Style = SKPaintStyle.Stroke, StrokeWidth = scale, IsAntialias = true })
            canvas.DrawRect(area, border);

        DrawNorthArrow(canvas, picture.Language, new SKPoint(area.Right - pad - 14 * scale, area.Top + pad), scale);
        var attributionTop = DrawAttribution(canvas, picture.Attribution, area, scale, pad);
        DrawScaleBar(canvas, frame, picture.Language, new SKPoint(area.Right - pad, attributionTop - pad), scale);
        DrawLegend(canvas, picture, new SKPoint(area.Left + pad, area.Bottom - pad), scale, pad);
    }

    private void DrawHeader(SKCanvas canvas, MapPicture picture)
    {
        var first = true;
        foreach (var (text, size, baseline) in HeaderLines(picture))
        {
            var demo = picture.DemoLabel is not null && ReferenceEquals(text, picture.DemoLabel);
            using var font = new SKFont(first || demo ? fonts.Bold : fonts.Regular, size);
            Text(canvas, text, Pad(picture), baseline, font, demo ? DemoInk : Ink);
            first = false;
        }
    }

    private void DrawUnits(SKCanvas canvas, MapPicture picture, MapFrame frame, float scale)
    {
        var palette = look.Palette;
        // Fills are opaque, their colour at the palette's opacity already mixed with the white ground (the same pixels as
        // drawing them translucent: units do not overlap), and not anti-aliased, as every edge gets an anti-aliased
        // outline over it: blending and anti-aliasing the fills took a third of the drawing's time.
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = false };
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round };
        var paths = picture.Units.Select(unit => PathOf(unit, frame)).ToList();
        for (var i = 0; i < paths.Count; i++)
        {
            var shown = picture.Levels.GetValueOrDefault(picture.Units[i].Kato) ?? ShownLevel.NoData;
            fill.Color = OverWhite(SKColor.Parse(palette.Fill(shown)), palette.FillOpacity);
            canvas.DrawPath(paths[i], fill);
            Outline(canvas, paths[i], stroke, palette.OutlineOf(shown), scale);
        }
        DrawTargets(canvas, picture, paths, scale);
        foreach (var region in picture.Regions)
        {
            using var path = PathOf(region, frame);
            Outline(canvas, path, stroke, palette.Region, scale);
        }
        DrawHotSpots(canvas, picture, frame, scale);
        foreach (var path in paths) path.Dispose();
    }

    private static SKColor OverWhite(SKColor colour, double opacity)
    {
        byte Mix(byte channel) => (byte)Math.Round(channel * opacity + 255 * (1 - opacity));
        return new SKColor(Mix(colour.Red), Mix(colour.Green), Mix(colour.Blue));
    }

    private static void Outline(SKCanvas canvas, SKPath path, SKPaint stroke, OutlineStyle style, float scale)
    {
        stroke.Color = SKColor.Parse(style.Color).WithAlpha((byte)Math.Round(255 * style.Opacity));
        stroke.StrokeWidth = (float)style.Weight * scale;
        using var dash = style.DashArray is null ? null
            : SKPathEffect.CreateDash([.. style.DashArray.Split(' ').Select(d => float.Parse(d, CultureInfo.InvariantCulture) * scale)], 0);
        stroke.PathEffect = dash;
        canvas.DrawPath(path, stroke);
        stroke.PathEffect = null;
    }

    private static SKPath PathOf(MapShape shape, MapFrame frame)
    {
        using var path = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
        foreach (var ring in shape.Rings)
        {
            for (var i = 0; i < ring.Count; i++)
            {
                var (x, y) = frame.Point(ring[i].Longitude, ring[i].Latitude);
                if (i == 0) path.MoveTo(x, y);
                else path.LineTo(x, y);
            }
            path.Close();
        }
        return path.Detach();
    }

    /// <returns>The top of the attribution's line.</returns>
    private float DrawAttribution(SKCanvas canvas, string attribution, SKRect area, float scale, float pad)
    {
        using var font = new SKFont(fonts.Regular, 11 * scale);
        var width = font.MeasureText(attribution);
        var box = SKRect.Create(area.Right - width - 2 * pad, area.Bottom - font.Size - pad, width + 2 * pad, font.Size + pad);
        using (var background = new SKPaint { Color = Panel, Style = SKPaintStyle.Fill }) canvas.DrawRect(box, background);
        Text(canvas, attribution, box.Left + pad, box.Bottom - pad * 0.7f, font, Ink);
        return box.Top;
    }

    /// <summary>A bar of a round number of kilometres at the map's centre, its right end at <paramref name="bottomRight"/>.</summary>
    private void DrawScaleBar(SKCanvas canvas, MapFrame frame, Language language, SKPoint bottomRight, float scale)
    {
        var bar = ScaleBar.Fit(frame.MetresPerPixel, 150 * scale);
        var left = bottomRight.X - (float)bar.Pixels;
        var tick = 5 * scale;
        using var pen = new SKPaint { Color = Ink, Style = SKPaintStyle.Stroke, StrokeWidth = 2 * scale, IsAntialias = true };
        canvas.DrawLine(left, bottomRight.Y, bottomRight.X, bottomRight.Y, pen);
        canvas.DrawLine(left, bottomRight.Y, left, bottomRight.Y - tick, pen);
        canvas.DrawLine(bottomRight.X, bottomRight.Y, bottomRight.X, bottomRight.Y - tick, pen);
        using var font = new SKFont(fonts.Regular, 12 * scale);
        var label = MapImageTexts.Kilometres(bar.Kilometres, language);
        Text(canvas, label, bottomRight.X - font.MeasureText(label), bottomRight.Y - tick - 3 * scale, font, Ink);
    }

    /// <summary>An arrow pointing up (north: Web Mercator keeps meridians vertical) under its letter.</summary>
    private void DrawNorthArrow(SKCanvas canvas, Language language, SKPoint top, float scale)
    {
        using var font = new SKFont(fonts.Bold, 14 * scale);
        var letter = MapImageTexts.North(language);
        Text(canvas, letter, top.X - font.MeasureText(letter) / 2, top.Y + font.Size, font, Ink);
        var tip = top.Y + font.Size + 4 * scale;
        using var builder = new SKPathBuilder();
        builder.MoveTo(top.X, tip);
        builder.LineTo(top.X + 8 * scale, tip + 26 * scale);
        builder.LineTo(top.X, tip + 20 * scale);
        builder.LineTo(top.X - 8 * scale, tip + 26 * scale);
        builder.Close();
        using var arrow = builder.Detach();
        using var paint = new SKPaint { Color = Ink, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawPath(arrow, paint);
    }

    private static void Text(SKCanvas canvas, string text, float x, float baseline, SKFont font, SKColor color)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, x, baseline, SKTextAlign.Left, font, paint);
    }
}
