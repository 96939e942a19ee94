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

    public static IReadOnlyList<string> Headings(Language language) => language switch
    {
        Language.Kk => ["Пайда болды", "Тоқсан", "Ереже", "Деңгей", "Код", "Атауы", "Балл", "Өсуі", "Ошақ санаты", "Күйі", "Кім қарады", "Қашан қаралды", "Ескертпе"],
        Language.Ru => ["Возникло", "Квартал", "Правило", "Уровень", "Код", "Название", "Балл", "Рост", "Категория очага", "Статус", "Кто рассмотрел", "Когда рассмотрено", "Примечание"],
        _ => ["Raised", "Quarter", "Rule", "Level", "Code", "Name", "Score", "Rise", "Hot spot category", "Status", "Acknowledged by", "Acknowledged at", "Note"],
    };

    public static string SheetName(Language language) => ("Ескертулер", "Оповещения", "Alerts").In(language);
}
