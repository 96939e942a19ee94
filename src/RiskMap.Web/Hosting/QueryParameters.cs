using System.Globalization;
using RiskMap.Core.Geography;
using RiskMap.Data.Queries;

namespace RiskMap.Web.Hosting;

/// <summary>
/// Parses query parameters by hand so that a bad value gets a problem response saying what is wrong with it,
/// rather than the framework's bare 400.
/// </summary>
public static class QueryParameters
{
    public sealed class Invalid(string parameter, string detail) : Exception(detail)
    {
        public IResult Problem => ApiProblems.BadParameter(parameter, Message);
    }

    public static double Simplify(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= GeographyQueries.MaxSimplify)
            return value;
        throw new Invalid("simplify", $"simplify is a tolerance in degrees from 0 to {GeographyQueries.MaxSimplify.ToString(CultureInfo.InvariantCulture)}.");
    }

    public static string? Kato(string name, string? text) =>
        text is null ? null
        : Core.Geography.Kato.TryParse(text, out var kato) ? kato.Value
        : throw new Invalid(name, $"{name} must be a nine-digit KATO code.");

    /// <summary>A quarter of the published scores; absent means the latest.</summary>
    public static string? PublishedQuarter(string name, string? text, RiskMap.Data.Tiles.MapDataVersion version)
    {
        if (text is null) return version.LatestPeriod;
        if (!RiskMap.Core.Indicators.Quarter.TryParse(text, out var quarter)) throw new Invalid(name, $"{name} must be a quarter such as 2025Q4.");
        return version.PeriodList.Contains(quarter.ToString())
            ? quarter.ToString()
            : throw new Invalid(name, $"The published scores cover {string.Join(", ", version.PeriodList)}; not {quarter}.");
    }

    /// <summary>The answer's language: lang (kk, ru or en), else the Accept-Language header, else English.</summary>
    public static Core.Localization.Language Language(string? lang, string? acceptLanguage) => lang switch
    {
        null => Core.Localization.Languages.FromCode(acceptLanguage),
        "kk" or "ru" or "en" => Core.Localization.Languages.FromCode(lang),
        _ => throw new Invalid("lang", "lang must be kk, ru or en."),
    };

    /// <summary>A boundary vintage (a year); absent means the current one.</summary>
    public static int? Vintage(string? text) => text is null ? null : WholeNumber("vintage", text, 0, 1990, 2100);

    public static int Limit(string? text, int @default, int max) => WholeNumber("limit", text, @default, 1, max);

    public static int WholeNumber(string name, string? text, int @default, int min, int max) =>
        text is null ? @default
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : throw new Invalid(name, $"{name} must be a whole number from {min} to {max}.");

    public static bool Flag(string name, string? text) => text?.ToLowerInvariant() switch
    {
        null or "false" or "0" => false,
        "" or "true" or "1" => true,
        _ => throw new Invalid(name, $"{name} must be true or false."),
    };

    /// <summary>A bounding box "minLon,minLat,maxLon,maxLat" in WGS 84, as OGC API – Features writes it.</summary>
    public static BoundingBox? Bbox(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(',');
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        if (numbers.Length != 4 || numbers.Any(n => !double.IsFinite(n)))
            throw new Invalid("bbox", "bbox must be four numbers: minLon,minLat,maxLon,maxLat.");
        var box = new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
        if (box.MinLon < -180 || box.MaxLon > 180 || box.MinLat < -90 || box.MaxLat > 90 || box.MinLon > box.MaxLon || box.MinLat > box.MaxLat)
            throw new Invalid("bbox", "bbox must lie within -180..180, -90..90 with min before max.");
        return box;
    }
}
