using RiskMap.Core.Alerts;

namespace RiskMap.Core.Localization;

/// <summary>What alerts are called in Kazakh, Russian and English (docs/glossary.md): the rules, the statuses, the units' levels.</summary>
public static class AlertTexts
{
    public static string Rule(string code, Language language) => (code switch
    {
        ClearRiseRule.RuleCode => ("Балдың айқын өсуі", "Явный рост балла", "Clear rise of the score"),
        EmergingHotSpotRule.RuleCode => ("Жаңа немесе күшейіп келе жатқан тәуекел ошағы", "Новый или усиливающийся очаг риска", "New or intensifying hot spot"),
        ProgrammeTargetRiseRule.RuleCode => ("Бағдарлама нысанында тәуекелдің өсуі", "Рост риска в объекте программы", "Risk rising in a programme target"),
        ForecastHighRiskRule.RuleCode => ("Болжам: 4–5 тәуекел деңгейі ықтимал", "Прогноз: вероятен уровень риска 4–5", "Forecast: risk level 4–5 likely"),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not an alert rule."),
    }).In(language);

    public static string Status(string status, Language language) =>
        (status == "new" ? ("Жаңа", "Новое", "New") : ("Қаралды", "Рассмотрено", "Acknowledged")).In(language);

    public static string Level(string level, Language language) => (level switch
    {
        "region" => ("Облыс / қала", "Область / город", "Oblast / city"),
        "district" => ("Аудан", "Район", "District"),
        _ => ("Мектеп", "Школа", "School"),
    }).In(language);

    /// <summary>
    /// What a forecast alert says: «2026 ж. 3-тоқсанда 4–5 тәуекел деңгейінің ықтималдығы 62 %», «Вероятность уровня
    /// риска 4–5 на 3 квартал 2026 г.: 62 %», "Probability of risk level 4–5 in Q3 2026: 62%".
    /// </summary>
    /// <param name="period">The quarter the alert was raised for; the forecast is <paramref name="horizon"/> quarters after it.</param>
    public static string Outlook(string period, int horizon, double probability, Language language)
    {
        var quarter = QuarterNames.Name(ForecastQuarter(period, horizon), language);
        var percent = Math.Round(probability * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        return ($"{quarter}да 4–5 тәуекел деңгейінің ықтималдығы {percent} %", $"Вероятность уровня риска 4–5 на {quarter}: {percent} %",
            $"Probability of risk level 4–5 in {quarter}: {percent}%").In(language);
    }

    /// <summary>The quarter a forecast <paramref name="horizon"/> quarters after <paramref name="period"/> ("2026Q1") is about.</summary>
    public static string ForecastQuarter(string period, int horizon)
    {
        if (!Indicators.Quarter.TryParse(period, out var quarter)) throw new ArgumentException($"{period} is not a quarter.", nameof(period));
        for (var step = 0; step < horizon; step++) quarter = quarter.Next();
        return quarter.ToString();
    }

    public static IReadOnlyList<string> Headings(Language language) => language switch
    {
        Language.Kk => ["Пайда болды", "Тоқсан", "Ереже", "Деңгей", "Код", "Атауы", "Балл", "Өсуі", "Ошақ санаты", "Болжам", "Күйі", "Кім қарады",
            "Қашан қаралды", "Ескертпе"],
        Language.Ru => ["Возникло", "Квартал", "Правило", "Уровень", "Код", "Название", "Балл", "Рост", "Категория очага", "Прогноз", "Статус",
            "Кто рассмотрел", "Когда рассмотрено", "Примечание"],
        _ => ["Raised", "Quarter", "Rule", "Level", "Code", "Name", "Score", "Rise", "Hot spot category", "Forecast", "Status", "Acknowledged by",
            "Acknowledged at", "Note"],
    };

    public static string SheetName(Language language) => ("Ескертулер", "Оповещения", "Alerts").In(language);
}
