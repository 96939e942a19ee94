using RiskMap.Core.Rating;

namespace RiskMap.Core.Localization;

/// <summary>What the rating of akimats is called in Kazakh, Russian and English: its components, its caveat, its file.</summary>
public static class RatingTexts
{
    public static string Name(RatingComponent component, Language language) => (component switch
    {
        RatingComponent.RiskLevel => ("Тәуекел деңгейі", "Уровень риска", "Risk level"),
        RatingComponent.RiskChange => ("Тәуекелдің бір жылдағы өзгерісі", "Изменение риска за год", "Change in risk over the year"),
        RatingComponent.Execution => ("Бағдарлама шараларының орындалуы", "Выполнение мер программ", "Programme measures carried out"),
        RatingComponent.Effect => ("Өлшенген әсер", "Измеренный эффект", "Measured effect"),
        RatingComponent.DataDelivery => ("Деректердің уақтылығы мен толықтығы", "Своевременность и полнота данных", "Data timeliness and completeness"),
        _ => throw new ArgumentOutOfRangeException(nameof(component)),
    }).In(language);

    public static string Caveat(Language language) => (
        "Рейтинг — әңгімені бастауға арналған сигнал, дәлел емес.",
        "Рейтинг — повод для разговора, а не доказательство.",
        "A rating is a conversation starter, not proof.").In(language);

    public static string SheetName(Language language) => ("Әкімдіктер рейтингі", "Рейтинг акиматов", "Rating of akimats").In(language);

    public static string Units(string level, Language language) =>
        (level == "region" ? ("өңірлер", "регионы", "regions") : ("аудандар", "районы", "districts")).In(language);

    public static IReadOnlyList<string> Headings(string level, Language language) =>
    [
        ("Орын", "Место", "Rank").In(language),
        ("Орындар аралығы", "Диапазон мест", "Rank band").In(language),
        (level == "region" ? ("Өңір", "Регион", "Region") : ("Аудан", "Район", "District")).In(language),
        ("Рейтинг (0–100)", "Рейтинг (0–100)", "Rating (0–100)").In(language),
        ("Рейтинг, бастап", "Рейтинг, от", "Rating, from").In(language),
        ("Рейтинг, дейін", "Рейтинг, до", "Rating, to").In(language),
        .. RatingComponents.All.Select(c => Name(c, language)),
        ("Жоқ құрамдас бөліктер", "Отсутствующие компоненты", "Missing components").In(language),
    ];
}
