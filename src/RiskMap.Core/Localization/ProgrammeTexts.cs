using RiskMap.Core.Programmes;

namespace RiskMap.Core.Localization;

/// <summary>What programmes, their exports and their effectiveness view say, in Kazakh, Russian and English.</summary>
public static class ProgrammeTexts
{
    /// <summary>Shown with every effectiveness comparison.</summary>
    public static readonly (string Kk, string Ru, string En) ComparisonNote = (
        "Бұл бағдарлама қамтыған бірліктерді ол қамтымаған ұқсас бірліктермен салыстыру. Бұл салыстыру ғана, өзгерісті шаралар тудырғанының дәлелі емес.",
        "Это сравнение охваченных программой единиц с похожими единицами, которые программа не охватила. Это сравнение, а не доказательство того, что изменение вызвано мерами.",
        "This compares the targeted units with similar units the programme did not target. It is a comparison, not proof that the measures caused the change.");

    public static string Describe(ProgrammeIssue issue, Language language) => string.Format(language.Culture(), Problem(issue.Problem).In(language), issue.Argument);

    public static (string Kk, string Ru, string En) Gap(ComparisonGap gap) => gap switch
    {
        ComparisonGap.NoScores => ("Бағдарлама басталғанға дейінгі жарияланған бағалар жоқ.", "Нет опубликованных оценок до начала программы.",
            "There are no published scores from before the programme's start."),
        ComparisonGap.NoBaseline => ("Бағдарлама басталғанға дейін бұл бірліктің бағасы жоқ.", "У этой единицы нет оценки до начала программы.",
            "This unit has no score from before the programme's start."),
        ComparisonGap.NoScoresSinceStart => ("Бағдарлама басталғаннан бері жарияланған бағалар әлі жоқ.",
            "С начала программы опубликованных оценок ещё нет.", "There are no published scores since the programme's start yet."),
        ComparisonGap.NoComparableUnits => ("Салыстыруға ұқсас қамтылмаған бірліктер жоқ (сол облыс, бастапқы тәуекел деңгейі ±1).",
            "Нет похожих неохваченных единиц для сравнения (та же область, исходный уровень риска ±1).",
            "There are no comparable untargeted units (same region, starting risk level within one)."),
        ComparisonGap.OutsideScope => ("Салыстыру сіздің қолжетімділік аймағыңыздан тыс бірліктерге сүйенеді, сондықтан көрсетілмейді.",
            "Сравнение опирается на единицы вне вашей зоны доступа и поэтому не показывается.",
            "The comparison rests on units outside your access, so it is not shown."),
        _ => throw new ArgumentOutOfRangeException(nameof(gap)),
    };

    public static string Status(MeasureStatus status, Language language) => (status switch
    {
        MeasureStatus.Planned => ("жоспарланған", "запланировано", "planned"),
        MeasureStatus.InProgress => ("орындалуда", "выполняется", "in progress"),
        MeasureStatus.Done => ("орындалды", "выполнено", "done"),
        MeasureStatus.Overdue => ("мерзімі өтті", "просрочено", "overdue"),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    }).In(language);

    /// <summary>The Plan's columns (№, measure, form of completion, deadline, responsible executors, funding amount, source of funding), then target unit, status and effectiveness.</summary>
    public static IReadOnlyList<string> Headings(Language language) => language switch
    {
        Language.Kk => ["№", "Іс-шара", "Аяқталу нысаны", "Орындау мерзімі", "Жауапты орындаушылар", "Қаржыландыру көлемі (теңге)",
            "Қаржыландыру көзі", "Нысаналы бірлік", "Мәртебесі", "Тиімділік: балл өзгерісі (нысана / салыстыру)"],
        Language.Ru => ["№", "Мероприятие", "Форма завершения", "Срок исполнения", "Ответственные исполнители", "Объём финансирования (тенге)",
            "Источник финансирования", "Целевая единица", "Статус", "Эффективность: изменение балла (цель / сравнение)"],
        _ => ["№", "Measure", "Form of completion", "Deadline", "Responsible executors", "Funding amount (tenge)",
            "Source of funding", "Target unit", "Status", "Effectiveness: score change (target / comparison)"],
    };

    /// <summary>"−0.80 / −0.20 (Q4 2024 → Q4 2025)": the target's change since the baseline against the comparison group's.</summary>
    public static string EffectCell(TargetEffect effect, string? baseline, Language language)
    {
        if (effect.Gap is { } gap) return Gap(gap).In(language);
        if (effect.Latest is not { TargetChange: { } target, ComparisonChange: { } comparison } latest) return Gap(ComparisonGap.NoScores).In(language);
        var culture = language.Culture();
        return string.Format(culture, "{0} / {1} ({2} → {3})", target.ToString("+0.00;−0.00;0.00", culture), comparison.ToString("+0.00;−0.00;0.00", culture),
            QuarterNames.Name(baseline, language), QuarterNames.Name(latest.Period, language));
    }

    public static (string Kk, string Ru, string En) Period => ("Кезең", "Период", "Period");

    public static (string Kk, string Ru, string En) Region => ("Облыс", "Область", "Region");

    public static (string Kk, string Ru, string En) Programme => ("Дағдарысқа қарсы бағдарлама", "Антикризисная программа", "Crisis-management programme");

    private static (string Kk, string Ru, string En) Problem(ProgrammeProblem problem) => problem switch
    {
        ProgrammeProblem.Required => ("Міндетті өріс толтырылмаған.", "Обязательное поле не заполнено.", "This field is required."),
        ProgrammeProblem.TooLong => ("Тым ұзын: ең көбі {0} таңба.", "Слишком длинно: не более {0} символов.", "Too long: at most {0} characters."),
        ProgrammeProblem.ControlCharacters => ("Мәтінде басқару таңбалары бар.", "Текст содержит управляющие символы.", "The text holds control characters."),
        ProgrammeProblem.InvalidQuarter => ("Тоқсан 2025Q1 сияқты жазылады.", "Квартал записывается как 2025Q1.", "A quarter is written like 2025Q1."),
        ProgrammeProblem.EndBeforeStart => ("Аяқталу тоқсаны басталудан ({0}) бұрын.", "Квартал окончания раньше начала ({0}).", "The end quarter is before the start ({0})."),
        ProgrammeProblem.InvalidDate => ("Күн ЖЖЖЖ-АА-КК түрінде жазылады.", "Дата записывается как ГГГГ-ММ-ДД.", "A date is written YYYY-MM-DD."),
        ProgrammeProblem.DeadlineBeforeStart => ("Мерзім бағдарлама басталғанға ({0}) дейін.", "Срок раньше начала программы ({0}).",
            "The deadline is before the programme starts ({0})."),
        ProgrammeProblem.NegativeFunding => ("Қаржыландыру көлемі теріс бола алмайды.", "Объём финансирования не может быть отрицательным.",
            "The funding amount cannot be negative."),
        ProgrammeProblem.FundingTooLarge => ("Қаржыландыру көлемі тым үлкен.", "Объём финансирования слишком велик.", "The funding amount is too large."),
        ProgrammeProblem.InvalidStatus => ("Мәртебе: planned, in_progress немесе done.", "Статус: planned, in_progress или done.", "The status is planned, in_progress or done."),
        ProgrammeProblem.StatusDerived => ("«Мерзімі өтті» мәртебесі мерзімнен анықталады, оны орнатуға болмайды.",
            "Статус «просрочено» определяется по сроку, его нельзя задать.", "\"overdue\" follows from the deadline and cannot be set."),
        ProgrammeProblem.UnknownMeasure => ("«{0}» іс-шарасы каталогта жоқ.", "Мероприятия «{0}» нет в каталоге.", "There is no measure \"{0}\" in the catalogue."),
        ProgrammeProblem.UnknownUnit => ("Мұндай аудан немесе мектеп жоқ.", "Такого района или школы нет.", "There is no such district or school."),
        ProgrammeProblem.InvalidLevel => ("Деңгей: district немесе school.", "Уровень: district или school.", "The level is district or school."),
        ProgrammeProblem.PercentOutOfRange => ("Пайыз 0-ден 100-ге дейін.", "Процент от 0 до 100.", "The percentage is from 0 to 100."),
        ProgrammeProblem.QuarterBeforeStart => ("Тоқсан бағдарлама басталғанға ({0}) дейін.", "Квартал раньше начала программы ({0}).",
            "The quarter is before the programme starts ({0})."),
        ProgrammeProblem.QuarterInFuture => ("Тоқсан әлі келмеді (ағымдағы: {0}).", "Квартал ещё не наступил (текущий: {0}).", "The quarter has not come yet (current: {0})."),
        ProgrammeProblem.MeasuresBeforeStart => ("Іс-шараның мерзімі ({0}) жаңа басталудан бұрын.", "Срок мероприятия ({0}) раньше нового начала.",
            "A measure's deadline ({0}) is before the new start."),
        _ => throw new ArgumentOutOfRangeException(nameof(problem)),
    };
}
