using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using RiskMap.Core.Maps;
using RiskMap.Core.Scoring;

namespace RiskMap.Web.Features.FirstFrame;

/// <summary>
/// What the front end's map is drawn with, read from its JSON files so that the server's pictures (the first frame, map
/// images) and the map draw alike: the first view's box, the outlines' simplification, the palette and the overlays' look;
/// and so that the server's documents (briefs) call a change a rise or a fall exactly where the map does.
/// </summary>
public sealed record FrontEndLook(FirstView View, double RegionSimplify, double DistrictSimplify, ChoroplethPalette Palette, OverlayPalette Overlays,
    ChangeRule Change)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record ViewFile(double[][] Bounds, int Padding, double ZoomSnap, double RegionSimplify, double DistrictSimplify);

    public static FrontEndLook Read(IFileProvider webRoot)
    {
        var view = Load<ViewFile>(webRoot, "js/map/first-view.json");
        return new FrontEndLook(new FirstView(view.Bounds[0][0], view.Bounds[0][1], view.Bounds[1][0], view.Bounds[1][1], view.Padding, view.ZoomSnap),
            view.RegionSimplify, view.DistrictSimplify, Load<ChoroplethPalette>(webRoot, "js/map/palette.json"), Load<OverlayPalette>(webRoot, "js/map/palette.json"),
            Load<ChangeRule>(webRoot, "js/map/change-rule.json"));
    }

    private static T Load<T>(IFileProvider webRoot, string path)
    {
        using var stream = webRoot.GetFileInfo(path).CreateReadStream();
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"{path} is empty.");
    }
}
