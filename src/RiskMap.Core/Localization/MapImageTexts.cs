namespace RiskMap.Core.Localization;

/// <summary>The words of a map image (its legend, scale and north arrow) as the map page's legend writes them.</summary>
public static class MapImageTexts
{
    public static string Legend(Language language) => ("Тәуекел деңгейі", "Уровень риска", "Risk level").In(language);

    public static string NoData(Language language) => ("Деректер жоқ", "Нет данных", "No data").In(language);

    public static string Suppressed(Language language) =>
        ("Жасырылған (оқушылар саны аз)", "Скрыто (мало учащихся)", "Suppressed (small population)").In(language);

    public static string Outside(Language language) => ("Сіздің аумағыңыздан тыс", "Вне вашей территории", "Outside your area").In(language);

    public static string LowReliability(Language language) =>
        ("Сенімділігі төмен (үзік шекара)", "Низкая надёжность (пунктирная граница)", "Low reliability (dashed outline)").In(language);

    public static string Period(string period, Language language) =>
        ($"Кезең: {period}", $"Период: {period}", $"Period: {period}").In(language);

    public static string Classification(bool quantile, Language language) => (quantile
        ? ("Квинтильдер (тең топтар)", "Квинтили (равные группы)", "Quintiles (equal groups)")
        : ("Тұрақты шектер", "Фиксированные пороги", "Fixed thresholds")).In(language);

    public static string Level(bool regions, Language language) => (regions
        ? ("өңірлер бойынша", "по регионам", "by region")
        : ("аудандар бойынша", "по районам", "by district")).In(language);

    /// <summary>A title line naming the programme whose targets are drawn, as the map page's programme panel names it.</summary>
    public static string ProgrammeTargets(string title, Language language) =>
        ($"Бағдарлама нысаналары: {title}", $"Объекты программы: {title}", $"Programme targets: {title}").In(language);

    /// <summary>The legend's entry of the hatched, outlined targets.</summary>
    public static string TargetedUnits(Language language) =>
        ("Бағдарлама нысаналары", "Объекты программы", "Programme targets").In(language);

    /// <summary>The heading of the emerging hot spots' legend entries, as the map page's layer is named.</summary>
    public static string EmergingHotSpots(Language language) =>
        ("Пайда болып жатқан ыстық нүктелер", "Возникающие горячие точки", "Emerging hot spots").In(language);

    /// <summary>The confidence of the hot-spot categories and the quarters they span, as the map page's legend says it.</summary>
    public static string EmergingConfidence(string from, string to, int confidence, Language language) => string.Format(language.Culture(),
        ("{0} – {1}, сенімділік {2} %", "{0} – {1}, достоверность {2} %", "{0} – {1}, {2} % confidence").In(language), from, to, confidence);

    /// <summary>The boundaries' credit (CC BY 4.0 asks for it on every map): the author's name and the licence stay as licensed.</summary>
    public static string Attribution(Language language) =>
        ($"Шекаралар: {BoundarySource}", $"Границы: {BoundarySource}", $"Boundaries: {BoundarySource}").In(language);

    private const string BoundarySource = "geokz © Alexander Rodionov, CC BY 4.0";

    /// <summary>The letter of the north arrow: С (солтүстік, север) or N.</summary>
    public static string North(Language language) => ("С", "С", "N").In(language);

    /// <summary>A scale bar's length: an abbreviation, so the same for every count.</summary>
    public static string Kilometres(double kilometres, Language language) =>
        string.Format(language.Culture(), ("{0:#,0.###} км", "{0:#,0.###} км", "{0:#,0.###} km").In(language), kilometres);
}
