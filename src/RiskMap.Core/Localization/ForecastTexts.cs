using RiskMap.Core.Forecasting;

namespace RiskMap.Core.Localization;

/// <summary>The names of the forecast methods in Kazakh, Russian and English (docs/forecasting.md, §2–4).</summary>
public static class ForecastTexts
{
    public static string Name(ForecastMethod method, Language language) => (method switch
    {
        ForecastMethod.Model => ("Болжам моделі", "Модель прогноза", "Forecast model"),
        ForecastMethod.LastValue => ("Соңғы тоқсанның мәні", "Значение последнего квартала", "Last quarter's value"),
        ForecastMethod.LastFourMean => ("Соңғы төрт тоқсанның орташасы", "Среднее за последние четыре квартала", "Mean of the last four quarters"),
        ForecastMethod.HistoricalMean => ("Бірліктің тарихи орташасы", "Историческое среднее единицы", "The unit's historical mean"),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    }).In(language);
}
