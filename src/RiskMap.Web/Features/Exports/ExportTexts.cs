using RiskMap.Core.Geography;
using RiskMap.Core.Localization;
using RiskMap.Data.Programmes;
using RiskMap.Data.Queries;

namespace RiskMap.Web.Features.Exports;

/// <summary>What an export file says about itself, in Kazakh, Russian and English: sheet names, title parts, yes and no.</summary>
public static class ExportTexts
{
    public const string Hotspots = "hotspots";
    public const string Scores = "scores";

    /// <summary>The name of a workbook's sheet (at most 31 characters, none of []:*?/\).</summary>
    public static string SheetName(string kind, Language language) => (kind switch
    {
        Hotspots => ("Тәуекел тізімі", "Очаги риска", "Hotspots"),
        Scores => ("Балдар", "Баллы", "Scores"),
        _ => ("Бағдарлама", "Программа", "Programme"),
    }).In(language);

    /// <summary>"Hotspot list — schools · Q4 2025 · Almaty city · composite score[ · demo (synthetic)]".</summary>
    public static string Title(string kind, string level, string period, string area, string measure, bool demo, Language language)
    {
        var what = (kind == Scores ? ("Тәуекел балдары", "Баллы риска", "Risk scores") : ("Тәуекел ошақтарының тізімі", "Список очагов риска", "Hotspot list"))
            .In(language);
        var units = (level switch
        {
            "school" => ("мектептер", "школы", "schools"),
            "region" => ("өңірлер", "регионы", "regions"),
            _ => ("аудандар", "районы", "districts"),
        }).In(language);
        return $"{what} — {units} · {QuarterNames.Name(period, language)} · {area} · {measure}{(demo ? $" · {Demo(language)}" : "")}";
    }

    /// <summary>What a list is scored by: the composite, or the named domain or indicator (never its code).</summary>
    public static string Measure(string measure, IEnumerable<IndicatorDefinition> indicators, Language language)
    {
        var (kind, code) = measure.Split(':', 2) is [var k, var c] ? (k, c) : (measure, "");
        var catalogue = indicators.ToList();
        var names = kind switch
        {
            "domain" => catalogue.FirstOrDefault(i => i.Domain == code) is { } d ? (d.DomainNameKk, d.DomainNameRu, d.DomainNameEn) : ((string, string, string)?)null,
            "indicator" => catalogue.FirstOrDefault(i => i.Code == code) is { } i ? (i.NameKk, i.NameRu, i.NameEn) : null,
            _ => ("Жиынтық балл", "сводный балл", "composite score"),
        };
        return names?.In(language) ?? code;
    }

    /// <summary>The area a list covers, named with its kind: a district, a region or city, or the country.</summary>
    public static string Area(string? regionKato, string? districtKato, Names? names, Language language)
    {
        if (names is null) return ("Қазақстан", "Казахстан", "Kazakhstan").In(language);
        var name = (names.Kk, names.Ru, names.En).In(language);
        if (districtKato is not null) return ($"{name} ауданы", $"{name} район", $"{name} District").In(language);
        return RegionKinds.Named(Kato.Parse(regionKato!), name, language);
    }

    /// <summary>The marker of synthetic data, on every file made from them.</summary>
    public static string Demo(Language language) => ("демо деректер (синтетикалық)", "демо-данные (синтетические)", "demo data (synthetic)").In(language);

    public static string YesNo(bool value, Language language) => (value ? ("иә", "да", "yes") : ("жоқ", "нет", "no")).In(language);
}
