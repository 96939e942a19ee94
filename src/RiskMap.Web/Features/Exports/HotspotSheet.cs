using System.Globalization;
using RiskMap.Core.Localization;
using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Features.Exports;

/// <summary>
/// A hotspot list as a table: localized column headings, and one row of typed cells per unit, riskiest first. Every export
/// format writes this same table, row by row as the units are read.
/// </summary>
public sealed class HotspotSheet
{
    private const int Reasons = 3;
    private static readonly string[] ClassNamesEn = ["very low", "low", "medium", "high", "very high"];
    private static readonly string[] ClassNamesRu = ["очень низкий", "низкий", "средний", "высокий", "очень высокий"];
    private static readonly string[] ClassNamesKk = ["өте төмен", "төмен", "орташа", "жоғары", "өте жоғары"];

    private readonly Language _language;
    private readonly IReadOnlyList<string> _domains;
    private readonly IReadOnlyDictionary<string, string> _indicatorNames;
    private readonly string? _demoLabel;

    /// <summary>Takes the names of the reasons from the catalogue (an indicator it lacks shows its code).</summary>
    public HotspotSheet(HotspotList list, IEnumerable<IndicatorDefinition> indicators, Language language, bool demo)
    {
        _language = language;
        _domains = list.Domains;
        _indicatorNames = indicators.ToDictionary(i => i.Code, i => language switch { Language.Kk => i.NameKk, Language.Ru => i.NameRu, _ => i.NameEn });
        _demoLabel = demo ? DemoLabel(language) : null;
        var texts = Texts(language);
        var headings = new List<string>(texts[..14]);
        headings.AddRange(_domains.Select(d => $"{texts[14]}: {d}"));
        for (var n = 1; n <= Reasons; n++) headings.AddRange([$"{texts[15]} {n}", $"{texts[15]} {n}: {texts[16]}"]);
        if (demo) headings.Add(texts[17]);
        Headings = headings;
        Title = string.Create(CultureInfo.InvariantCulture,
            $"RiskMap hotspots: {list.Level}, {list.Period}, {list.Measure}, score run {list.Run}{(demo ? " (demo data)" : "")}");
    }

    public string Title { get; }
    public IReadOnlyList<string> Headings { get; }

    /// <summary>Column widths in characters, for spreadsheets: names and reasons wide, numbers narrow.</summary>
    public IEnumerable<double> Widths => Headings.Select((heading, i) => i == 2 ? 48.0 : IsReasonName(i) ? 36.0 : Math.Clamp(heading.Length + 2, 10, 24));

    private bool IsReasonName(int column) => column >= 14 + _domains.Count && (column - 14 - _domains.Count) % 2 == 0 && column < 14 + _domains.Count + 2 * Reasons;

    /// <summary>Cells are strings, doubles, ints, bools or null (empty), in the order of <see cref="Headings"/>.</summary>
    public object?[] Cells(Hotspot hotspot)
    {
        var u = hotspot.Unit;
        var cells = new List<object?>(Headings.Count)
        {
            u.Rank, u.Code, Name(u), u.RegionKato, u.DistrictKato, u.Class, u.Class is { } c ? ClassName(c) : null, Round(u.Score),
            u.RankBand?.Low, u.RankBand?.High, Round(u.Reliability), u.LowReliability, Round(u.ChangeQuarter), Round(u.ChangeYear),
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

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    private string Name(UnitScoreView u) => _language switch
    {
        Language.Kk => u.NameKk,
        Language.Ru => u.NameRu,
        _ => u.NameEn ?? u.NameRu,
    };

    private string ClassName(int riskClass) =>
        (_language switch { Language.Kk => ClassNamesKk, Language.Ru => ClassNamesRu, _ => ClassNamesEn })[Math.Clamp(riskClass, 1, 5) - 1];

    // 0–13: the unit's columns; 14: domain score; 15–16: reason, points; 17: the data column's heading.
    private static string[] Texts(Language language) => language switch
    {
        Language.Kk => ["орын", "код", "атауы", "облыс КАТО", "аудан КАТО", "сынып", "тәуекел деңгейі", "балл (0–10)", "орын аралығы: бастап",
            "орын аралығы: дейін", "сенімділік (0–10)", "сенімділігі төмен", "тоқсан бойынша өзгеріс", "жыл бойынша өзгеріс",
            "сала балы", "себеп", "балл", "деректер"],
        Language.Ru => ["место", "код", "название", "КАТО области", "КАТО района", "класс", "уровень риска", "балл (0–10)", "диапазон места: от",
            "диапазон места: до", "надёжность (0–10)", "низкая надёжность", "изменение за квартал", "изменение за год",
            "балл по сфере", "причина", "баллы", "данные"],
        _ => ["rank", "code", "name", "region KATO", "district KATO", "class", "risk level", "score (0–10)", "rank band: from",
            "rank band: to", "reliability (0–10)", "low reliability", "change on quarter", "change on year",
            "domain score", "reason", "points", "data"],
    };

    private static string DemoLabel(Language language) => language switch
    {
        Language.Kk => "демо (синтетикалық)",
        Language.Ru => "демо (синтетические)",
        _ => "demo (synthetic)",
    };
}
