using System.Globalization;

namespace RiskMap.Core.Localization;

/// <summary>The three languages of the user interface and of every message.</summary>
public enum Language
{
    Kk,
    Ru,
    En,
}

public static class Languages
{
    public static readonly IReadOnlyList<Language> All = [Language.Kk, Language.Ru, Language.En];

    public static string Code(this Language language) => language switch
    {
        Language.Kk => "kk",
        Language.Ru => "ru",
        _ => "en",
    };

    public static CultureInfo Culture(this Language language) => CultureInfo.GetCultureInfo(language switch
    {
        Language.Kk => "kk-KZ",
        Language.Ru => "ru-KZ",
        _ => "en-GB",
    });

    /// <summary>The text of a (Kazakh, Russian, English) triple in the language.</summary>
    public static string In(this (string Kk, string Ru, string En) text, Language language) => language switch
    {
        Language.Kk => text.Kk,
        Language.Ru => text.Ru,
        _ => text.En,
    };

    /// <summary>Picks the language from a code or a culture name such as "ru-RU"; English when unknown.</summary>
    public static Language FromCode(string? code)
    {
        var prefix = code?.Trim().ToLowerInvariant() ?? "";
        if (prefix.StartsWith("kk", StringComparison.Ordinal)) return Language.Kk;
        if (prefix.StartsWith("ru", StringComparison.Ordinal)) return Language.Ru;
        return Language.En;
    }
}
