using RiskMap.Core.Localization;
using RiskMap.Core.Rating;
using RiskMap.Web.Features.Exports;

namespace RiskMap.Web.Features.Rating;

/// <summary>The rated units of a rating table as a file's table, best first, every heading and text in the language.</summary>
public sealed class RatingSheet(RatingTable table, Language language, bool demo, string area) : ITableSheet
{
    public XlsxWorkbook.SheetHead Head => new(RatingTexts.SheetName(language),
        $"{RatingTexts.SheetName(language)} — {RatingTexts.Units(table.Level, language)} · {QuarterNames.Name(table.Period, language)} · {area} · " +
        $"{RatingTexts.Caveat(language)}{(demo ? $" · {ExportTexts.Demo(language)}" : "")}",
        RatingTexts.Headings(table.Level, language), [8, 12, 32, 12, 12, 12, 14, 14, 14, 14, 14, 40]);

    public IReadOnlyList<IReadOnlyList<object?>> Rows => [.. table.Units.Where(u => u.Rank is not null).Select(Cells)];

    private object?[] Cells(RatingEntry u) =>
    [
        u.Rank, $"{u.RankBest}–{u.RankWorst}", language switch { Language.Kk => u.NameKk, Language.Ru => u.NameRu, _ => u.NameEn },
        Round(u.Rating), Round(u.RatingLow), Round(u.RatingHigh),
        .. RatingComponents.All.Select(c => u.Components!.TryGetValue(c.ToCode(), out var v) ? Round(v) : null),
        string.Join("; ", RatingComponents.All.Where(c => u.Missing!.Contains(c.ToCode())).Select(c => RatingTexts.Name(c, language))),
    ];

    private static object? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
