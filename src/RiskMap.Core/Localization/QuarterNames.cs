using RiskMap.Core.Indicators;

namespace RiskMap.Core.Localization;

/// <summary>A quarter as a reader writes it (as the UI's formatQuarter does): «2026 ж. 1-тоқсан», «1 квартал 2026 г.», "Q1 2026".</summary>
public static class QuarterNames
{
    public static string Name(this Quarter quarter, Language language) =>
        ($"{quarter.Year} ж. {quarter.Number}-тоқсан", $"{quarter.Number} квартал {quarter.Year} г.", $"Q{quarter.Number} {quarter.Year}").In(language);

    /// <summary>A stored quarter ("2026Q1") by name; text that is no quarter stays as it is.</summary>
    public static string Name(string? quarter, Language language) =>
        Quarter.TryParse(quarter, out var parsed) ? parsed.Name(language) : quarter ?? "";
}
