using RiskMap.Core.Localization;
using RiskMap.Core.Maps;
using SkiaSharp;

namespace RiskMap.Web.Features.MapImages;

/// <summary>The legend: the risk levels as the page's legend lists them, then the overlays shown.</summary>
public sealed partial class MapImageDrawing
{
    /// <summary>A line of the legend: a heading, a plain line, or an entry whose swatch is drawn into the square given.</summary>
    private sealed record LegendLine(string Text, bool Heading = false, Action<SKCanvas, SKRect, float>? Swatch = null);

    private sealed record LegendLayout(IReadOnlyList<LegendLine> Lines, float Line, float Swatch, float Width, float Height);

    private LegendLayout Legend(MapPicture picture)
    {
        var scale = Scale(picture);
        var pad = Pad(picture);
        var lines = new List<LegendLine>();
        lines.AddRange(LevelLines(picture));
        if (picture.Targets is not null)
            lines.Add(new LegendLine(MapImageTexts.TargetedUnits(picture.Language), Swatch: TargetSwatch));
        if (picture.HotSpots is { } hotSpots)
        {
            lines.Add(new LegendLine(MapImageTexts.EmergingHotSpots(picture.Language), Heading: true));
            if (hotSpots.About.Length > 0) lines.Add(new LegendLine(hotSpots.About));
            foreach (var category in hotSpots.Units.Values.Distinct().OrderBy(c => look.Overlays.Emerging.Style(c).Order))
                lines.Add(new LegendLine(HotSpotTexts.Name(category, picture.Language),
                    Swatch: (canvas, square, s) => HotSpotSymbol(canvas, category, new SKPoint(square.MidX, square.MidY), square.Width / 2, s)));
        }

        using var heading = new SKFont(fonts.Bold, 13 * scale);
        using var font = new SKFont(fonts.Regular, 12 * scale);
        var line = 18 * scale;
        var swatch = 12 * scale;
        var width = lines.Max(l => (l.Heading ? heading : font).MeasureText(l.Text) + (l.Swatch is null ? 0 : swatch + 6 * scale)) + 2 * pad;
        return new LegendLayout(lines, line, swatch, width, lines.Count * line + pad);
    }

    /// <summary>"Risk level", the period and classification, levels 5 to 1, then no data, outside, suppressed, low reliability.</summary>
    private IEnumerable<LegendLine> LevelLines(MapPicture picture)
    {
        var language = picture.Language;
        yield return new LegendLine(MapImageTexts.Legend(language), Heading: true);
        yield return new LegendLine(picture.Period);
        yield return new LegendLine(picture.Classification);
        for (var level = 5; level >= 1; level--)
            yield return LevelLine(new ShownLevel(level, false, false), LevelLabel(level, picture.Thresholds, language));
        yield return LevelLine(ShownLevel.NoData, MapImageTexts.NoData(language));
        if (picture.Levels.Values.Any(l => l.Outside)) yield return LevelLine(new ShownLevel(null, false, false, Outside: true), MapImageTexts.Outside(language));
        yield return LevelLine(new ShownLevel(null, true, false), MapImageTexts.Suppressed(language));
        yield return LevelLine(new ShownLevel(null, false, true), MapImageTexts.LowReliability(language));
    }

    private LegendLine LevelLine(ShownLevel shown, string text) => new(text, Swatch: (canvas, square, scale) =>
    {
        var palette = look.Palette;
        // The low-reliability swatch is an outline only, as on the page.
        if (!shown.LowReliability)
            using (var fill = new SKPaint { Style = SKPaintStyle.Fill, Color = SKColor.Parse(palette.Fill(shown)) })
                canvas.DrawRect(square, fill);
        using var outline = Square(square);
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true };
        Outline(canvas, outline, stroke, palette.OutlineOf(shown), scale);
    });

    private void TargetSwatch(SKCanvas canvas, SKRect square, float scale)
    {
        using var outline = Square(square);
        DrawTarget(canvas, outline, scale);
    }

    private static SKPath Square(SKRect square)
    {
        using var builder = new SKPathBuilder();
        builder.AddRect(square, SKPathDirection.Clockwise);
        return builder.Detach();
    }

    /// <summary>The legend box in the map area's lower left corner.</summary>
    private void DrawLegend(SKCanvas canvas, MapPicture picture, SKPoint bottomLeft, float scale, float pad)
    {
        var (lines, line, swatch, width, height) = Legend(picture);
        using var heading = new SKFont(fonts.Bold, 13 * scale);
        using var font = new SKFont(fonts.Regular, 12 * scale);
        var box = SKRect.Create(bottomLeft.X, bottomLeft.Y - height, width, height);
        using (var background = new SKPaint { Color = Panel, Style = SKPaintStyle.Fill }) canvas.DrawRect(box, background);

        var y = box.Top + pad / 2 + line * 0.8f - line;
        foreach (var (text, isHeading, drawSwatch) in lines)
        {
            y += line;
            var x = box.Left + pad;
            if (drawSwatch is not null)
            {
                var square = SKRect.Create(x, y - swatch * 0.9f, swatch, swatch);
                drawSwatch(canvas, square, scale);
                x = square.Right + 6 * scale;
            }
            Text(canvas, text, x, y, isHeading ? heading : font, Ink);
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
}
