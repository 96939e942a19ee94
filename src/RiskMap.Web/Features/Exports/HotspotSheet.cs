using RiskMap.Core.Localization;
using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Features.Exports;

/// <summary>
/// A hotspot list as a table: what it is (title, sheet name), localized column headings, and one row of typed cells per
/// unit, riskiest first. Every export format writes this same table, row by row as the units are read. Every heading and
/// text cell is in the file's language: domains and reasons by their names, yes and no in words, never a code.
/// </summary>
public sealed class HotspotSheet
{
    private const int Reasons = 3;

    /// <summary>The unit's own columns (before the domain scores).</summary>
    private const int UnitColumns = 19;

    private readonly Language _language;
    private readonly IReadOnlyList<string> _domains;
    private readonly IReadOnlyDictionary<string, string> _indicatorNames;
    private readonly string? _demoLabel;

    /// <param name="list">The units, read as the rows are written.</param>
    /// <param name="indicators">The catalogue, which names domains and reasons (one it lacks shows its code).</param>
    /// <param name="language">The language of every heading and text.</param>
    /// <param name="demo">Whether the data are the synthetic demo: then every row and the title say so.</param>
    /// <param name="kind">What the file is: <see cref="ExportTexts.Hotspots"/> or <see cref="ExportTexts.Scores"/>.</param>
    /// <param name="area">The area the list covers, named in the language (default: the country).</param>
    public HotspotSheet(HotspotList list, IEnumerable<IndicatorDefinition> indicators, Language language, bool demo,
        string kind = ExportTexts.Hotspots, string? area = null)
    {
        var catalogue = indicators.ToList();
        _language = language;
        _domains = list.Domains;
        _indicatorNames = catalogue.ToDictionary(i => i.Code, i => (i.NameKk, i.NameRu, i.NameEn).In(language));
        var domainNames = catalogue.GroupBy(i => i.Domain).ToDictionary(g => g.Key, g => (g.First().DomainNameKk, g.First().DomainNameRu, g.First().DomainNameEn).In(language));
        _demoLabel = demo ? ExportTexts.Demo(language) : null;
        var texts = Texts(language);
        var headings = new List<string>(texts[..UnitColumns]);
        headings.AddRange(_domains.Select(d => $"{texts[UnitColumns]}: {domainNames.GetValueOrDefault(d, d)}"));
        for (var n = 1; n <= Reasons; n++) headings.AddRange([$"{texts[UnitColumns + 1]} {n}", $"{texts[UnitColumns + 1]} {n}: {texts[UnitColumns + 2]}"]);
        if (demo) headings.Add(texts[UnitColumns + 3]);
        Headings = headings;
        SheetName = ExportTexts.SheetName(kind, language);
        Title = ExportTexts.Title(kind, list.Level, list.Period, area ?? ExportTexts.Area(null, null, null, language),
            ExportTexts.Measure(list.Measure, catalogue, language), demo, language);
    }

    /// <summary>What the list is: kind, level, quarter, area, measure and, for demo data, the marker.</summary>
    public string Title { get; }

    public string SheetName { get; }

    public IReadOnlyList<string> Headings { get; }

    /// <summary>Column widths in characters, for spreadsheets: names and reasons wide, numbers narrow.</summary>
    public IEnumerable<double> Widths => Headings.Select((heading, i) => i == 2 ? 48.0 : IsReasonName(i) ? 36.0 : Math.Clamp(heading.Length + 2, 10, 24));

    private bool IsReasonName(int column)
    {
        var reasonColumn = column - UnitColumns - _domains.Count;
        return reasonColumn >= 0 && reasonColumn < 2 * Reasons && reasonColumn % 2 == 0;
    }

    /// <summary>Cells are strings, doubles, ints or null (empty), in the order of <see cref="Headings"/>.</summary>
    public object?[] Cells(Hotspot hotspot)
    {
        var u = hotspot.Unit;
        var cells = new List<object?>(Headings.Count)
        {
            u.Rank, u.Code, Name(u), u.RegionKato, u.DistrictKato, u.Class, u.Class is { } c ? RiskLevel(c) : null, Round(u.Score),
            u.RankBand?.Low, u.RankBand?.High, Round(u.Reliability), ExportTexts.YesNo(u.LowReliability, _language), Round(u.ChangeQuarter),
            Round(u.ChangeYear), Round(u.ScoreInterval?.Low), Round(u.ScoreInterval?.High),
            u.HighRiskProbability is { } p ? Math.Round(100 * p, 1) : null, YesNo(u.ClearChangeQuarter), YesNo(u.ClearChangeYear),
        };
        cells.AddRange(_domains.Select(d => (object?)Round(u.DomainScores.GetValueOrDefault(d))));
        for (var n = 0; n < Reasons; n++)
        {
            var reason = hotspot.Reasons.ElementAtOrDefault(n);
            cells.AddRange([reason is null ? null : _indicatorNames.GetValueOrDefault(reason.Indicator, reason.Indicator), Round(reason?.Points)]);
        }
        if (_demoLabel is not null) cells.Add(_demoLabel);
        return [.. cells];
    }

    /// <summary>Yes or no in words; empty where there is no answer (a 1.0 run does not judge its changes).</summary>
    private string? YesNo(bool? value) => value is { } v ? ExportTexts.YesNo(v, _language) : null;

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    private string Name(UnitScoreView u) => (u.NameKk, u.NameRu, u.NameEn ?? u.NameRu).In(_language);

    /// <summary>The glossary's word for a risk level (1–5).</summary>
    private string RiskLevel(int level) => RiskLevelNames.Name(level, _language);

    // 0–18: the unit's columns (15–18: methodology 2.0's uncertainty, empty for a 1.0 run); 19: domain score; 20–21:
    // reason, points; 22: the data column's heading. The levels are headed with the glossary's "risk level" in every
    // language (never "class", which reads as a school grade).
    private static string[] Texts(Language language) => language switch
    {
        Language.Kk => ["орын", "код", "атауы", "өңір КАТО", "аудан КАТО", "тәуекел деңгейі (1–5)", "тәуекел деңгейі", "балл (0–10)", "орын аралығы: бастап",
            "орын аралығы: дейін", "сенімділік (0–10)", "сенімділігі төмен", "тоқсан бойынша өзгеріс", "жыл бойынша өзгеріс",
            "балл аралығы: бастап", "балл аралығы: дейін", "4 немесе 5 тәуекел деңгейінің ықтималдығы (%)", "тоқсан бойынша айқын өзгеріс",
            "жыл бойынша айқын өзгеріс",
            "сала балы", "себеп", "балл", "деректер"],
        Language.Ru => ["место", "код", "название", "КАТО региона", "КАТО района", "уровень риска (1–5)", "уровень риска", "балл (0–10)", "диапазон места: от",
            "диапазон места: до", "надёжность (0–10)", "низкая надёжность", "изменение за квартал", "изменение за год",
            "интервал балла: от", "интервал балла: до", "вероятность уровня риска 4 или 5 (%)", "явное изменение за квартал",
            "явное изменение за год",
            "балл по сфере", "причина", "баллы", "данные"],
        _ => ["rank", "code", "name", "region KATO", "district KATO", "risk level (1–5)", "risk level", "score (0–10)", "rank band: from",
            "rank band: to", "reliability (0–10)", "low reliability", "change on quarter", "change on year",
            "score interval: from", "score interval: to", "probability of risk level 4 or 5 (%)", "clear change on quarter",
            "clear change on year",
            "domain score", "reason", "points", "data"],
    };
}
