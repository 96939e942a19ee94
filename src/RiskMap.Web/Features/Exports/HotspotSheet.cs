using System.Globalization;
using RiskMap.Core.Localization;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Features.Exports;

/// <summary>
/// A hotspot list as a table: localized column headings and one row of typed cells per unit, riskiest first. Every
/// export format writes this same table.
/// </summary>
public sealed class HotspotSheet : ITableSheet
{
    private static readonly string[] ClassNamesEn = ["very low", "low", "medium", "high", "very high"];
    private static readonly string[] ClassNamesRu = ["очень низкий", "низкий", "средний", "высокий", "очень высокий"];
    private static readonly string[] ClassNamesKk = ["өте төмен", "төмен", "орташа", "жоғары", "өте жоғары"];

    private HotspotSheet(string title, IReadOnlyList<string> headings, IReadOnlyList<IReadOnlyList<object?>> rows, IReadOnlyList<UnitScoreView> units)
    {
        Title = title;
        Headings = headings;
        Rows = rows;
        Units = units;
    }

    public string Title { get; }
    public IReadOnlyList<string> Headings { get; }

    /// <summary>Cells are strings, doubles, ints, bools or null (empty).</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    public IReadOnlyList<UnitScoreView> Units { get; }

    public static HotspotSheet Build(ScoreTable table, IReadOnlyList<UnitScoreView> units, Language language, bool demo)
    {
        var domains = table.Units.FirstOrDefault()?.DomainScores.Keys.ToList() ?? [];
        var headings = new List<string>(Texts(language));
        headings.AddRange(domains.Select(d => $"{DomainHeading(language)}: {d}"));
        if (demo) headings.Add(DataHeading(language));
        var rows = units.Select(u =>
        {
            var cells = new List<object?>
            {
                u.Rank, u.Code, Name(u, language), u.RegionKato, u.DistrictKato, u.Class,
                u.Class is { } c ? ClassName(c, language) : null, Round(u.Score), Round(u.Reliability), u.LowReliability,
                Round(u.ChangeQuarter), Round(u.ChangeYear),
            };
            cells.AddRange(domains.Select(d => (object?)Round(u.DomainScores[d])));
            if (demo) cells.Add(DemoLabel(language));
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        var title = string.Create(CultureInfo.InvariantCulture, $"RiskMap hotspots: {table.Level}, {table.Period}, score run {table.Run}{(demo ? " (demo data)" : "")}");
        return new HotspotSheet(title, headings, rows, units);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    private static string Name(UnitScoreView u, Language language) => language switch
    {
        Language.Kk => u.NameKk,
        Language.Ru => u.NameRu,
        _ => u.NameEn ?? u.NameRu,
    };

    private static string ClassName(int riskClass, Language language) =>
        (language switch { Language.Kk => ClassNamesKk, Language.Ru => ClassNamesRu, _ => ClassNamesEn })[Math.Clamp(riskClass, 1, 5) - 1];

    // rank, code, name, region, district, class, class name, score, reliability, low reliability, change on quarter, change on year
    private static string[] Texts(Language language) => language switch
    {
        Language.Kk => ["орын", "код", "атауы", "облыс КАТО", "аудан КАТО", "сынып", "тәуекел деңгейі", "балл (0–10)", "сенімділік (0–10)",
            "сенімділігі төмен", "тоқсан бойынша өзгеріс", "жыл бойынша өзгеріс"],
        Language.Ru => ["место", "код", "название", "КАТО области", "КАТО района", "класс", "уровень риска", "балл (0–10)", "надёжность (0–10)",
            "низкая надёжность", "изменение за квартал", "изменение за год"],
        _ => ["rank", "code", "name", "region KATO", "district KATO", "class", "risk level", "score (0–10)", "reliability (0–10)",
            "low reliability", "change on quarter", "change on year"],
    };

    private static string DomainHeading(Language language) => language switch
    {
        Language.Kk => "сала балы",
        Language.Ru => "балл по сфере",
        _ => "domain score",
    };

    private static string DataHeading(Language language) => language switch
    {
        Language.Kk => "деректер",
        Language.Ru => "данные",
        _ => "data",
    };

    private static string DemoLabel(Language language) => language switch
    {
        Language.Kk => "демо (синтетикалық)",
        Language.Ru => "демо (синтетические)",
        _ => "demo (synthetic)",
    };
}
