using System.Security.Cryptography;
using System.Text;
using RiskMap.Core.HotSpots;

namespace RiskMap.Web.Features.MapImages;

/// <summary>A programme's targets drawn over a map image: the programme's title and the units of the image's level holding a target.</summary>
public sealed record TargetOverlay(string Title, IReadOnlySet<string> Units)
{
    /// <summary>The overlay's content in the image cache's key: targets change without a new data version.</summary>
    public string Key => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{Title}\n{string.Join(',', Units.Order(StringComparer.Ordinal))}")))[..16];
}

/// <summary>
/// The emerging hot-spot categories drawn over a map image, of the units the caller sees in full (no pattern left out),
/// and the legend's line with their quarters and confidence.
/// </summary>
public sealed record HotSpotOverlay(IReadOnlyDictionary<string, EmergingCategory> Units, string About);
