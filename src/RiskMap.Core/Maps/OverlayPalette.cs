using RiskMap.Core.HotSpots;

namespace RiskMap.Core.Maps;

/// <summary>
/// How overlays are drawn over the choropleth, read from the front end's <c>js/map/palette.json</c> as the map page
/// draws them: a programme's targets (programme-overlay.js) and the emerging hot-spot categories (emerging-style.js).
/// </summary>
public sealed record OverlayPalette(OutlineStyle Target, EmergingPalette Emerging);

/// <param name="Outlines">Outlines by kind: solid, dashed, dotted (and plain for no pattern).</param>
/// <param name="Categories">[category code, fill, outline kind] in the legend's order.</param>
public sealed record EmergingPalette(IReadOnlyDictionary<string, OutlineStyle> Outlines, IReadOnlyList<string[]> Categories)
{
    /// <summary>The fill and outline of a category, and its place in the legend.</summary>
    public (string Fill, OutlineStyle Outline, int Order) Style(EmergingCategory category)
    {
        var code = category.Code();
        for (var i = 0; i < Categories.Count; i++)
            if (Categories[i][0] == code) return (Categories[i][1], Outlines[Categories[i][2]], i);
        throw new ArgumentException($"palette.json has no style for the emerging category {code}.", nameof(category));
    }
}
