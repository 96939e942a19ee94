using RiskMap.Core.Localization;

namespace RiskMap.Core.Geography;

/// <summary>What a region is: an oblast, or one of the cities of republican significance (Astana, Almaty, Shymkent).</summary>
public enum RegionKind
{
    Oblast,
    City,
}

/// <summary>The one home of the rule that tells a city from an oblast, and of how each is named with its kind.</summary>
public static class RegionKinds
{
    /// <summary>The KATO prefixes of the cities of republican significance: Astana 71, Almaty 75, Shymkent 79.</summary>
    private static readonly HashSet<string> CityPrefixes = ["71", "75", "79"];

    /// <summary>Suffixes some sources already give a city's name, e.g. "Алматы (қала)", "Almaty (city)".</summary>
    private static readonly string[] KindSuffixes = [" (қала)", " (город)", " (city)"];

    public static RegionKind Of(Kato unit) => CityPrefixes.Contains(unit.Value[..2]) ? RegionKind.City : RegionKind.Oblast;

    /// <summary>The kind's word: қала / город / city, облыс / область / region.</summary>
    public static string Word(this RegionKind kind, Language language) =>
        (kind == RegionKind.City ? ("қала", "город", "city") : ("облыс", "область", "region")).In(language);

    /// <summary>
    /// A region's name with its kind, as a reader expects it: «Алматы қаласы», «город Алматы», "Almaty city"; «Абай облысы»,
    /// «Абайская область», "Abay Region" (the Russian names of oblasts are adjectives).
    /// </summary>
    public static string Named(Kato region, string name, Language language)
    {
        var bare = KindSuffixes.Aggregate(name.Trim(), (text, suffix) => text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? text[..^suffix.Length] : text);
        return Of(region) == RegionKind.City
            ? ($"{bare} қаласы", $"город {bare}", $"{bare} city").In(language)
            : ($"{bare} облысы", $"{bare} область", $"{bare} Region").In(language);
    }
}
