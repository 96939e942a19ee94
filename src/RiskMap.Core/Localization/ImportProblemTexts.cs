using RiskMap.Core.Imports;

namespace RiskMap.Core.Localization;

/// <summary>What each import problem says to the person who uploaded the file, in Kazakh, Russian and English.</summary>
public static class ImportProblemTexts
{
    public static string Describe(ImportProblem problem, Language language) => Texts(problem).In(language);

    private static (string Kk, string Ru, string En) Texts(ImportProblem problem) => problem switch
    {
        ImportProblem.EmptyFile => ("Файл бос.", "Файл пуст.", "The file is empty."),
        ImportProblem.FileTooLarge => ("Файл тым үлкен.", "Файл слишком большой.", "The file is too large."),
        ImportProblem.TooManyRows => ("Файлда жолдар тым көп.", "В файле слишком много строк.", "The file has too many rows."),
        ImportProblem.UnreadableFile => ("Файлды оқу мүмкін емес.", "Файл не удаётся прочитать.", "The file cannot be read."),
        ImportProblem.MalformedJson => ("JSON қате құрылған.", "Некорректный JSON.", "The JSON is malformed."),
        ImportProblem.NotAFeatureCollection => ("GeoJSON FeatureCollection күтілді.", "Ожидалась коллекция GeoJSON FeatureCollection.", "A GeoJSON FeatureCollection was expected."),
        ImportProblem.UnknownCrs => ("Координаттар жүйесі белгісіз.", "Неизвестная система координат.", "The coordinate reference system is unknown."),
        ImportProblem.MissingColumn => ("Міндетті баған немесе өріс жоқ.", "Нет обязательного столбца или поля.", "A required column or field is missing."),
        ImportProblem.MissingValue => ("Міндетті мән бос.", "Обязательное значение не заполнено.", "A required value is empty."),
        ImportProblem.NotANumber => ("Мән сан емес.", "Значение не является числом.", "The value is not a number."),
        ImportProblem.OutOfRange => ("Мән рұқсат етілген шектен тыс.", "Значение вне допустимого диапазона.", "The value is out of range."),
        ImportProblem.InvalidCode => ("Код пішімі қате (КАТО — 9 цифр, кезең — 2025Q3 сияқты).", "Неверный формат кода (КАТО — 9 цифр, период — вида 2025Q3).", "The code has the wrong format (KATO: 9 digits; period: like 2025Q3)."),
        ImportProblem.DuplicateKey => ("Бұл код файлда бірнеше рет кездеседі.", "Этот код встречается в файле несколько раз.", "This code appears more than once in the file."),
        ImportProblem.UnknownIndicator => ("Мұндай көрсеткіш каталогта жоқ.", "Такого показателя нет в каталоге.", "There is no such indicator in the catalogue."),
        ImportProblem.UnknownEntity => ("Мұндай аймақ, аудан немесе мектеп жоқ.", "Такого региона, района или школы нет.", "There is no such region, district or school."),
        ImportProblem.UnknownRegion => ("Аудан жататын облыс жүктелмеген.", "Область, к которой относится район, не загружена.", "The region this district belongs to has not been loaded."),
        ImportProblem.WrongGeometryType => ("Геометрия түрі қате.", "Неверный тип геометрии.", "The geometry type is wrong."),
        ImportProblem.EmptyGeometry => ("Геометрия бос немесе азғындалған.", "Геометрия пуста или вырождена.", "The geometry is empty or degenerate."),
        ImportProblem.InvalidGeometry => ("Геометрия жарамсыз (мысалы, өзін-өзі қиып өтеді); --repair арқылы түзетуге болады.", "Геометрия некорректна (например, самопересечение); исправить можно с --repair.", "The geometry is invalid (e.g. self-intersecting); --repair fixes it."),
        ImportProblem.CoordinatesOutOfRange => ("Координаттар шектен тыс.", "Координаты вне допустимого диапазона.", "The coordinates are out of range."),
        ImportProblem.NotAllowedValue => ("Мән рұқсат етілгендердің қатарында жоқ.", "Значение не из списка допустимых.", "The value is not one of those allowed."),
        ImportProblem.GeometryRepaired => ("Жарамсыз геометрия түзетілді.", "Некорректная геометрия исправлена.", "An invalid geometry was repaired."),
        ImportProblem.SchoolUnassigned => ("Мектеп ешбір облыстың ішінде емес: тағайындалмаған.", "Школа вне всех областей: не привязана.", "The school lies outside every region: unassigned."),
        ImportProblem.SchoolOutsideDistricts => ("Мектеп облысқа тағайындалды, бірақ ешбір ауданның ішінде емес.", "Школа привязана к области, но не попадает ни в один район.", "The school was assigned to a region but lies in no district."),
        ImportProblem.NameNormalised => ("Атаудағы кириллица әріптеріне ұқсас латын әріптері кириллицаға ауыстырылды.", "Латинские буквы, похожие на кириллицу, в названии заменены кириллическими.", "Latin letters that look like Cyrillic ones in the name were made Cyrillic."),
        _ => throw new ArgumentOutOfRangeException(nameof(problem)),
    };
}
