using System.Globalization;
using RiskMap.Core.Scoring;

namespace RiskMap.Core.Localization;

/// <summary>
/// What a regional or national brief (PDF) says, in Kazakh, Russian and English, in the glossary's words (docs/glossary.md):
/// its headings, labels and how it writes scores, changes and percentages. No text here counts things with a noun, so no
/// plural forms are needed.
/// </summary>
public static class BriefTexts
{
    public static string Title(bool national, Language language) =>
        (national ? ("Ұлттық анықтама", "Национальная справка", "National brief") : ("Өңірлік анықтама", "Региональная справка", "Regional brief")).In(language);

    /// <summary>When the brief was made, in Almaty's time.</summary>
    public static string Generated(DateTimeOffset almatyTime, Language language)
    {
        var time = almatyTime.ToString("g", language.Culture());
        return ($"Құрылған уақыты: {time} (Алматы уақыты)", $"Сформировано: {time} (время Алматы)", $"Generated {time} (Almaty time)").In(language);
    }

    public static string Page(int number, int count, Language language) =>
        ($"{count} беттің {number}-беті", $"Страница {number} из {count}", $"Page {number} of {count}").In(language);

    public static string MapHeading(Language language) => ("Тәуекел деңгейлерінің картасы", "Карта уровней риска", "Map of risk levels").In(language);

    public static string KeyFigures(Language language) => ("Негізгі көрсеткіштер", "Основные показатели", "Key figures").In(language);

    public static string FiguresByRegion(Language language) => ("Өңірлер бойынша көрсеткіштер", "Показатели по регионам", "Figures by region").In(language);

    public static string RiskLevel(Language language) => ("Тәуекел деңгейі", "Уровень риска", "Risk level").In(language);

    public static string Score(Language language) => ("Жиынтық тәуекел баллы", "Сводный балл риска", "Composite risk score").In(language);

    public static string ShortScore(Language language) => ("Балл", "Балл", "Score").In(language);

    /// <summary>"4,2 (3,1–5,0) / 10": the score with its interval where the run gives one (methodology 2.0).</summary>
    public static string ScoreValue(double score, double? low, double? high, Language language)
    {
        var culture = language.Culture();
        var text = Number(score, culture);
        if (low is { } from && high is { } to) text += $" ({Number(from, culture)}–{Number(to, culture)})";
        return (text + " / 10", text + " из 10", text + " of 10").In(language);
    }

    /// <summary>A score on the 0–10 scale with one decimal, as the map's formatScore writes it.</summary>
    public static string Number(double score, CultureInfo culture) => score.ToString("0.0", culture);

    public static string HighRisk(Language language) =>
        ("Жоғары немесе өте жоғары тәуекел деңгейінің ықтималдығы", "Вероятность высокого или очень высокого уровня риска",
            "Probability of a high or very high risk level").In(language);

    public static string Percent(double share, Language language)
    {
        var value = Math.Round(100 * share).ToString("0", language.Culture());
        return language == Language.En ? $"{value}%" : $"{value} %";
    }

    /// <summary>[label, value] of a rank: national with its band for a caller who sees the country, else among the units seen.</summary>
    public static (string Label, string Value) Rank(int rank, int total, (int Low, int High)? band, Language language)
    {
        var culture = language.Culture();
        var (r, n) = (rank.ToString(culture), total.ToString(culture));
        if (band is not { } b)
            return (("Қолжетімді аумақтағы орын", "Место в зоне доступа", "Rank within your access").In(language),
                ($"{n} ішінен {r}-орын", $"{r} из {n}", $"rank {r} of {n}").In(language));
        var (low, high) = (b.Low.ToString(culture), b.High.ToString(culture));
        return (("Ұлттық орын", "Место в стране", "National rank").In(language),
            ($"{n} ішінен {r}-орын ({low}–{high})", $"{r} ({low}–{high}) из {n}", $"rank {r} ({low}–{high}) of {n}").In(language));
    }

    public static string ChangeSinceQuarter(Language language) =>
        ("Алдыңғы тоқсанмен салыстырғанда", "К предыдущему кварталу", "Since the previous quarter").In(language);

    public static string ChangeSinceYear(Language language) =>
        ("Бір жыл бұрынғы тоқсанмен салыстырғанда", "К тому же кварталу год назад", "Since the same quarter a year before").In(language);

    /// <summary>"+0,8 ▲ өсті", "−0.1 (no clear change)": the change with what it means, as the map's changeText writes it.</summary>
    public static string Change(double shown, ChangeDirection direction, Language language)
    {
        var culture = language.Culture();
        var magnitude = Math.Abs(shown).ToString("0.0", culture);
        var signed = Math.Round(Math.Abs(shown), 1) == 0 ? magnitude : shown > 0 ? $"+{magnitude}" : $"−{magnitude}";
        return (direction switch
        {
            ChangeDirection.Rise => ($"{signed} ▲ өсті", $"{signed} ▲ рост", $"{signed} ▲ rise"),
            ChangeDirection.Fall => ($"{signed} ▼ төмендеді", $"{signed} ▼ снижение", $"{signed} ▼ fall"),
            _ => ($"{signed} (айқын өзгеріс жоқ)", $"{signed} (без явного изменения)", $"{signed} (no clear change)"),
        }).In(language);
    }

    public static string Reliability(Language language) => ("Сенімділік", "Надёжность", "Reliability").In(language);

    public static string LowReliability(Language language) => ("сенімділігі төмен", "низкая надёжность", "low reliability").In(language);

    public static string RiskiestRegions(Language language) => ("Тәуекелі ең жоғары өңірлер", "Регионы с наибольшим риском", "Highest-risk regions").In(language);

    public static string RiskiestDistricts(Language language) => ("Тәуекелі ең жоғары аудандар", "Районы с наибольшим риском", "Highest-risk districts").In(language);

    public static string RiskiestSchools(Language language) => ("Тәуекелі ең жоғары мектептер", "Школы с наибольшим риском", "Highest-risk schools").In(language);

    public static IReadOnlyList<string> UnitHeadings(Language language) => language switch
    {
        Language.Kk => ["Атауы", "Тәуекел деңгейі", "Балл", "Себептері (баллға үлесі)"],
        Language.Ru => ["Название", "Уровень риска", "Балл", "Причины (вклад в балл)"],
        _ => ["Name", "Risk level", "Score", "Reasons (points added to the score)"],
    };

    public static IReadOnlyList<string> RegionHeadings(Language language) => language switch
    {
        Language.Kk => ["Өңір", "Тәуекел деңгейі", "Балл", "Алдыңғы тоқсанмен салыстырғанда"],
        Language.Ru => ["Регион", "Уровень риска", "Балл", "К предыдущему кварталу"],
        _ => ["Region", "Risk level", "Score", "Since the previous quarter"],
    };

    public static string NoUnits(Language language) =>
        ("Көрсететін бірлік жоқ.", "Нет единиц для показа.", "There are no units to show.").In(language);

    public static string Forecasts(Language language) =>
        ("Келесі тоқсандарға болжам", "Прогноз на следующие кварталы", "Forecast for the next quarters").In(language);

    public static IReadOnlyList<string> ForecastHeadings(Language language) => language switch
    {
        Language.Kk => ["Атауы", "Тоқсан", "Балл (80 % аралық)", "4–5 тәуекел деңгейінің ықтималдығы"],
        Language.Ru => ["Название", "Квартал", "Балл (80 % интервал)", "Вероятность уровня риска 4–5"],
        _ => ["Name", "Quarter", "Score (80% interval)", "Probability of risk level 4–5"],
    };

    public static string NoForecasts(Language language) =>
        ("Бұл тоқсаннан кейінгі болжам жоқ: болжам тек соңғы жарияланған тоқсаннан жасалады.",
            "Прогноза после этого квартала нет: прогноз строится только от последнего опубликованного квартала.",
            "There is no forecast after this quarter: forecasts are made from the latest published quarter only.").In(language);

    public static string OpenAlerts(Language language) => ("Ашық ескертулер", "Открытые оповещения", "Open alerts").In(language);

    public static string InAll(int total, Language language)
    {
        var n = total.ToString(language.Culture());
        return ($"Барлығы: {n}", $"Всего: {n}", $"In all: {n}").In(language);
    }

    public static IReadOnlyList<string> AlertHeadings(Language language) => language switch
    {
        Language.Kk => ["Ереже", "Атауы", "Тоқсан"],
        Language.Ru => ["Правило", "Название", "Квартал"],
        _ => ["Rule", "Name", "Quarter"],
    };

    public static string NoAlerts(Language language) => ("Ашық ескертулер жоқ.", "Открытых оповещений нет.", "There are no open alerts.").In(language);

    public static string Programmes(Language language) => ("Бағдарламалардың орындалуы", "Выполнение программ", "Programme status").In(language);

    /// <summary>A programme's name, period and its measures: all, due (open, deadline ahead), overdue and done.</summary>
    public static IReadOnlyList<string> ProgrammeHeadings(bool national, Language language)
    {
        IReadOnlyList<string> headings = language switch
        {
            Language.Kk => ["Бағдарлама", "Кезеңі", "Іс-шаралар", "Орындалуы тиіс", "Мерзімі өткен", "Орындалды"],
            Language.Ru => ["Программа", "Период", "Мероприятия", "К исполнению", "Просрочено", "Выполнено"],
            _ => ["Programme", "Period", "Measures", "Due", "Overdue", "Done"],
        };
        return national ? [RegionHeadings(language)[0], .. headings] : headings;
    }

    public static string NoProgrammes(Language language) => ("Бағдарламалар жоқ.", "Программ нет.", "There are no programmes.").In(language);

    public static string Note(Language language) =>
        ("Балл — 0–10 аралығындағы салыстырмалы индекс. Өзгеріс өзінің белгісіздігінен асқанда ғана өсу немесе төмендеу деп аталады. " +
         "Анықтамада сіздің қолжетімділік аумағыңыздағы деректер ғана бар. Әдістеме: /methodology.html.",
            "Балл — относительный индекс от 0 до 10. Изменение называется ростом или снижением, только если оно выходит за пределы своей " +
            "неопределённости. Справка содержит только данные вашей зоны доступа. Методика: /methodology.html.",
            "The score is a relative index from 0 to 10. A change is called a rise or a fall only when it exceeds its uncertainty. The brief " +
            "holds only data within your access. Methodology: /methodology.html.").In(language);
}
