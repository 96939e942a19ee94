using System.Globalization;
using RiskMap.Core.Localization;
using RiskMap.Core.Maps;
using RiskMap.Web.Features.FirstFrame;
using SkiaSharp;

namespace RiskMap.Web.Features.MapImages;

/// <summary>
/// Draws a <see cref="MapPicture"/> with SkiaSharp onto a raster (PNG) or an SVG canvas: the units filled and outlined as
/// the map page draws them (the front end's palette), the region outlines, and around them the title, the legend with the
/// period, a scale bar, a north arrow, the attribution and the demo label. Sizes scale with the image.
/// </summary>
public sealed class MapImageDrawing(MapFonts fonts, FrontEndLook look)
{
    private static readonly SKColor Ink = SKColor.Parse("#1b1f24");
    private static readonly SKColor DemoInk = SKColor.Parse("#b3261e");
    private static readonly SKColor Panel = new(255, 255, 255, 235);

    public byte[] Png(MapPicture picture)
    {
        using var surface = SKSurface.Create(new SKImageInfo(picture.Width, picture.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        Draw(surface.Canvas, picture);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
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
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round };
        foreach (var unit in picture.Units)
        {
            var shown = picture.Levels.GetValueOrDefault(unit.Kato) ?? ShownLevel.NoData;
            using var path = PathOf(unit, frame);
            fill.Color = SKColor.Parse(palette.Fill(shown)).WithAlpha((byte)Math.Round(255 * palette.FillOpacity));
            canvas.DrawPath(path, fill);
            Outline(canvas, path, stroke, palette.OutlineOf(shown), scale);
        }
        foreach (var region in picture.Regions)
        {
            using var path = PathOf(region, frame);
            Outline(canvas, path, stroke, palette.Region, scale);
        }
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

    /// <summary>The legend's entries (levels 5 to 1, then the others, as the page's legend lists them) and its box's size.</summary>
    private sealed record LegendLayout(string Heading, string[] Meta, List<(ShownLevel Shown, string Text)> Items, float Line, float Swatch,
        float Width, float Height);

    private LegendLayout Legend(MapPicture picture)
    {
        var language = picture.Language;
        var scale = Scale(picture);
        var pad = Pad(picture);
        var items = new List<(ShownLevel Shown, string Text)>();
        for (var level = 5; level >= 1; level--) items.Add((new ShownLevel(level, false, false), LevelLabel(level, picture.Thresholds, language)));
        items.Add((ShownLevel.NoData, MapImageTexts.NoData(language)));
        if (picture.Levels.Values.Any(l => l.Outside)) items.Add((new ShownLevel(null, false, false, Outside: true), MapImageTexts.Outside(language)));
        items.Add((new ShownLevel(null, true, false), MapImageTexts.Suppressed(language)));
        items.Add((new ShownLevel(null, false, true), MapImageTexts.LowReliability(language)));

        using var heading = new SKFont(fonts.Bold, 13 * scale);
        using var font = new SKFont(fonts.Regular, 12 * scale);
        var line = 18 * scale;
        var swatch = 12 * scale;
        string[] meta = [picture.Period, picture.Classification];
        var title = MapImageTexts.Legend(language);
        var width = Math.Max(heading.MeasureText(title),
            Math.Max(meta.Max(m => font.MeasureText(m)), items.Max(i => font.MeasureText(i.Text) + swatch + 6 * scale))) + 2 * pad;
        return new LegendLayout(title, meta, items, line, swatch, width, (items.Count + meta.Length + 1) * line + pad);
    }

    /// <summary>The legend box in the map area's lower left corner.</summary>
    private void DrawLegend(SKCanvas canvas, MapPicture picture, SKPoint bottomLeft, float scale, float pad)
    {
        var palette = look.Palette;
        var (title, meta, items, line, swatch, width, height) = Legend(picture);
        using var heading = new SKFont(fonts.Bold, 13 * scale);
        using var font = new SKFont(fonts.Regular, 12 * scale);
        var box = SKRect.Create(bottomLeft.X, bottomLeft.Y - height, width, height);
        using (var background = new SKPaint { Color = Panel, Style = SKPaintStyle.Fill }) canvas.DrawRect(box, background);

        var y = box.Top + pad / 2 + line * 0.8f;
        Text(canvas, title, box.Left + pad, y, heading, Ink);
        foreach (var text in meta)
        {
            y += line;
            Text(canvas, text, box.Left + pad, y, font, Ink);
        }
        using var fill = new SKPaint { Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true };
        foreach (var (shown, text) in items)
        {
            y += line;
            var square = SKRect.Create(box.Left + pad, y - swatch * 0.9f, swatch, swatch);
            // The low-reliability swatch is an outline only, as on the page.
            if (!shown.LowReliability)
            {
                fill.Color = SKColor.Parse(palette.Fill(shown));
                canvas.DrawRect(square, fill);
            }
            using var builder = new SKPathBuilder();
            builder.AddRect(square, SKPathDirection.Clockwise);
            using var outline = builder.Detach();
            Outline(canvas, outline, stroke, palette.OutlineOf(shown), scale);
            Text(canvas, text, square.Right + 6 * scale, y, font, Ink);
        }
    }

    /// <summary>"Very high (8.0–10.0)" where the four bounds are known, else the level's name.</summary>
    private static string LevelLabel(int level, IReadOnlyList<double> thresholds, Language language)
    {
        var name = RiskLevelNames.Name(level, language);
        if (thresholds.Count != 4) return name;
        var from = level == 1 ? 0 : thresholds[level - 2];
        var to = level == 5 ? 10 : thresholds[level - 1];
        var culture = language.Culture();
        return $"{name} ({from.ToString("0.0#", culture)}–{to.ToString("0.0#", culture)})";
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
