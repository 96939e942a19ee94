using System.Globalization;
using RiskMap.Core.HotSpots;
using RiskMap.Core.Localization;
using RiskMap.Data.Alerts;
using RiskMap.Web.Features.Exports;

namespace RiskMap.Web.Features.Alerts;

/// <summary>An alert list as a file's table, every heading and text in the language (rules, levels, categories, forecasts, statuses; no codes but the unit's).</summary>
public sealed class AlertSheet(IReadOnlyList<Alert> alerts, Language language, bool demo, string area) : ITableSheet
{
    public XlsxWorkbook.SheetHead Head => new(AlertTexts.SheetName(language),
        $"{AlertTexts.SheetName(language)} · {area}{(demo ? $" · {ExportTexts.Demo(language)}" : "")}",
        AlertTexts.Headings(language), [18, 16, 30, 14, 12, 40, 8, 8, 28, 36, 14, 16, 18, 40]);

    public IReadOnlyList<IReadOnlyList<object?>> Rows => [.. alerts.Select(Cells)];

    private object?[] Cells(Alert a) =>
    [
        Time(a.RaisedAt), QuarterNames.Name(a.Period, language), AlertTexts.Rule(a.Rule, language), AlertTexts.Level(a.Level, language), a.Code,
        language switch { Language.Kk => a.NameKk, Language.Ru => a.NameRu, _ => a.NameEn ?? a.NameRu },
        a.Score is { } score ? Math.Round(score, 2) : null, a.Change is { } change ? Math.Round(change, 2) : null,
        a.Category is { } category ? HotSpotTexts.Name(EmergingCategories.FromCode(category), language) : null,
        a is { Probability: { } probability, Horizon: { } horizon } ? AlertTexts.Outlook(a.Period, horizon, probability, language) : null,
        AlertTexts.Status(a.Status, language), a.AcknowledgedBy, a.AcknowledgedAt is { } at ? Time(at) : null, a.Note,
    ];

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
