using RiskMap.Core.HotSpots;
using RiskMap.Core.Maps;
using SkiaSharp;

namespace RiskMap.Web.Features.MapImages;

/// <summary>
/// The overlays over the coloured units: a programme's targets hatched and outlined in the target colour (as the map page
/// outlines them), and each emerging hot or cold spot as a disc in its category's colour and outline (as the page's layer
/// fills and outlines it), so that both stay readable over the risk colours.
/// </summary>
public sealed partial class MapImageDrawing
{
    private void DrawTargets(SKCanvas canvas, MapPicture picture, IReadOnlyList<SKPath> paths, float scale)
    {
        if (picture.Targets is not { } targets) return;
        for (var i = 0; i < picture.Units.Count; i++)
            if (targets.Units.Contains(picture.Units[i].Kato)) DrawTarget(canvas, paths[i], scale);
    }

    /// <summary>Diagonal hatching clipped to the unit, under its outline.</summary>
    private void DrawTarget(SKCanvas canvas, SKPath path, float scale)
    {
        var style = look.Overlays.Target;
        using var pen = new SKPaint { Color = SKColor.Parse(style.Color), Style = SKPaintStyle.Stroke, StrokeWidth = 2 * scale, IsAntialias = true };
        var box = path.Bounds;
        canvas.Save();
        canvas.ClipPath(path, antialias: true);
        for (var x = box.Left - box.Height; x < box.Right; x += 8 * scale) canvas.DrawLine(x, box.Bottom, x + box.Height, box.Top, pen);
        canvas.Restore();
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
        Outline(canvas, path, stroke, style, scale);
    }

    private void DrawHotSpots(SKCanvas canvas, MapPicture picture, MapFrame frame, float scale)
    {
        if (picture.HotSpots is not { } hotSpots) return;
        foreach (var unit in picture.Units)
        {
            if (!hotSpots.Units.TryGetValue(unit.Kato, out var category) || InteriorPoint.Of(unit) is not { } point) continue;
            var (x, y) = frame.Point(point.Longitude, point.Latitude);
            HotSpotSymbol(canvas, category, new SKPoint(x, y), 6 * scale, scale);
        }
    }

    private void HotSpotSymbol(SKCanvas canvas, EmergingCategory category, SKPoint centre, float radius, float scale)
    {
        var (fill, outline, _) = look.Overlays.Emerging.Style(category);
        using var disc = new SKPaint { Color = SKColor.Parse(fill), Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawCircle(centre, radius, disc);
        using var builder = new SKPathBuilder();
        builder.AddCircle(centre.X, centre.Y, radius);
        using var circle = builder.Detach();
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true };
        Outline(canvas, circle, stroke, outline, scale);
    }
}
