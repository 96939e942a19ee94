using RiskMap.Core.Geography;
using RiskMap.Core.Localization;
using RiskMap.Web.Features.Scoring;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.MapImages;

/// <summary>
/// A view of the map as an image: level, the scores' view (quarter, measure, classification), the extent (the country, a
/// region or a district), language, size in pixels, and the overlays: a programme's targets and the emerging hot spots.
/// </summary>
public sealed record MapImageRequest(EntityLevel Level, ScoreViewParameters View, string? RegionKato, string? DistrictKato,
    Language Language, int Width, int Height, long? Programme = null, bool EmergingHotSpots = false)
{
    public const int MinSide = 200;
    public const int MaxSide = 4000;

    public const string Description =
        "level: region or district (default); region or district: a KATO code whose unit the image is fitted to (default: the country); " +
        ScoreViewParameters.Description + "; lang: kk, ru or en (default: Accept-Language, else English); width and height: pixels, " +
        "200–4000 (default 1600 × 1000); targets: a programme's id, whose targeted units are hatched and outlined (a programme the " +
        "caller may read, as GET /api/programmes/{id}); hotspots=emerging: the emerging hot-spot category of every unit the caller sees " +
        "in full, as a symbol (as GET /api/hotspots/emerging).";

    /// <exception cref="QueryParameters.Invalid">Any parameter out of its range.</exception>
    public static MapImageRequest Parse(string? level, string? region, string? district, string? period, string? classes, string? domain,
        string? indicator, string? lang, string? acceptLanguage, string? width, string? height, string? targets = null, string? hotspots = null)
    {
        var entityLevel = level switch
        {
            null or "district" => EntityLevel.District,
            "region" => EntityLevel.Region,
            _ => throw new QueryParameters.Invalid("level", "level must be region or district."),
        };
        if (region is not null && district is not null) throw new QueryParameters.Invalid("district", "Give region or district, not both.");
        return new MapImageRequest(entityLevel, ScoreViewParameters.Parse(period, classes, domain, indicator),
            QueryParameters.Kato("region", region), QueryParameters.Kato("district", district),
            QueryParameters.Language(lang, acceptLanguage),
            QueryParameters.WholeNumber("width", width, 1600, MinSide, MaxSide), QueryParameters.WholeNumber("height", height, 1000, MinSide, MaxSide),
            targets is null ? null : QueryParameters.WholeNumber("targets", targets, 0, 1, int.MaxValue),
            hotspots switch
            {
                null => false,
                "emerging" => true,
                _ => throw new QueryParameters.Invalid("hotspots", "hotspots must be emerging (the emerging hot-spot categories)."),
            });
    }

    /// <summary>
    /// The image's name in the cache, with the published data's version, the caller's scope key and the overlays (a
    /// programme's targets by their content, which changes without a new data version).
    /// </summary>
    public string CacheKey(string format, string dataTag, string period, string scopeKey, string? targetsKey) =>
        $"map-image/{format}/{dataTag}/{scopeKey}/{Level.ToCode()}/{period}/{View.Measure}/{View.QuantileClasses}/{RegionKato}/{DistrictKato}/{Language.Code()}/{Width}x{Height}" +
        $"/{targetsKey}/{(EmergingHotSpots ? "emerging" : "")}";
}
