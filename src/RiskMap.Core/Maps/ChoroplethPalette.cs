namespace RiskMap.Core.Maps;

/// <summary>An outline's look: colour, width in screen pixels, SVG dash pattern (null: solid) and opacity.</summary>
public sealed record OutlineStyle(string Color, double Weight, string? DashArray = null, double Opacity = 1);

/// <summary>
/// The choropleth's colours and outlines, read from the front end's <c>js/map/palette.json</c>, the one home of the
/// legend's colours (choropleth.js draws the map with them).
/// </summary>
/// <param name="Classes">Fill colours of risk levels 1 (very low) … 5 (very high).</param>
public sealed record ChoroplethPalette(
    IReadOnlyList<string> Classes, string NoData, string Suppressed, string Outside, double FillOpacity,
    OutlineStyle Outline, OutlineStyle LowReliabilityOutline, OutlineStyle SuppressedOutline, OutlineStyle Region)
{
    /// <summary>A unit's fill, as choropleth.js's districtStyle chooses it.</summary>
    public string Fill(ShownLevel shown) => shown switch
    {
        { Suppressed: true } => Suppressed,
        { Outside: true } => Outside,
        { Level: >= 1 and <= 5 } => Classes[shown.Level.Value - 1],
        _ => NoData,
    };

    /// <summary>A unit's outline: dotted when withheld, dashed when of low reliability.</summary>
    public OutlineStyle OutlineOf(ShownLevel shown) =>
        shown.Suppressed ? SuppressedOutline : shown.LowReliability ? LowReliabilityOutline : Outline;
}
