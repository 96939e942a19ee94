using RiskMap.Core.Imports;

namespace RiskMap.Core.Localization;

/// <summary>
/// What each import problem and its detail say to the person who imported the file, in Kazakh, Russian and English,
/// naming options as that person gives them.
/// </summary>
public static class ImportProblemTexts
{
    public static string Describe(ImportProblem problem, Language language, OptionSpelling spelling) =>
        string.Format(language.Culture(), Texts(problem).In(language), spelling.Flag("repair"));

    public static string Describe(ImportDetail detail, Language language, OptionSpelling spelling)
    {
        if (detail.Text == DetailText.AsIs) return detail.First ?? "";
        var culture = language.Culture();
        var (first, second) = detail.Text switch
        {
            DetailText.VintageNeeded => (spelling.WithValue("vintage", "2024"), spelling.WithValue("vintage-field")),
            DetailText.SridNeeded or DetailText.CoordinatesNeeded => (spelling.WithValue("srid", "32642"), null),
            // The second value is a KATO code, never a number to group.
            DetailText.OverlapArea or DetailText.OutsideRegionArea => (Number(detail.First, culture), detail.Second),
            // A year, never a number to group; the quarter in the reader's words.
            DetailText.RegionNotInVintage or DetailText.DistrictNotInVintage => (detail.First, QuarterNames.Name(detail.Second, language)),
            _ => (Number(detail.First, culture), Number(detail.Second, culture)),
        };
        return string.Format(culture, Texts(detail.Text).In(language), first, second);
    }

    /// <summary>Numbers in the reader's notation (thousands grouped); other values as they are.</summary>
    private static string? Number(string? value, System.Globalization.CultureInfo culture) =>
        decimal.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number.ToString("#,0.##########", culture)
            : value;

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
        ImportProblem.InvalidGeometry => ("Геометрия жарамсыз; {0} арқылы түзетуге болады.", "Геометрия некорректна; исправить можно с {0}.", "The geometry is invalid; {0} fixes it."),
        ImportProblem.CoordinatesOutOfRange => ("Координаттар шектен тыс.", "Координаты вне допустимого диапазона.", "The coordinates are out of range."),
        ImportProblem.NotAllowedValue => ("Мән рұқсат етілгендердің қатарында жоқ.", "Значение не из списка допустимых.", "The value is not one of those allowed."),
        ImportProblem.ExtraFields => ("Жолдағы өрістер тақырыптағы бағандардан көп.", "В строке больше полей, чем столбцов в заголовке.", "The row has more fields than the header has columns."),
        ImportProblem.NotAWholeNumber => ("Көрсеткіш жағдайларды санайды: мән бүтін сан болуы керек.", "Показатель считает случаи: значение должно быть целым числом.", "The indicator counts cases: the value must be a whole number."),
        ImportProblem.GeometryRepaired => ("Жарамсыз геометрия түзетілді.", "Некорректная геометрия исправлена.", "An invalid geometry was repaired."),
        ImportProblem.SchoolUnassigned => ("Мектеп ешбір облыстың ішінде емес: тағайындалмаған.", "Школа вне всех областей: не привязана.", "The school lies outside every region: unassigned."),
        ImportProblem.SchoolOutsideDistricts => ("Мектеп облысқа тағайындалды, бірақ ешбір ауданның ішінде емес.", "Школа привязана к области, но не попадает ни в один район.", "The school was assigned to a region but lies in no district."),
        ImportProblem.UnitsOverlap => ("Бірлік осы жылдың сол деңгейіндегі басқа бірлікпен рұқсат етілгеннен көп қабаттасады.",
            "Единица перекрывается с другой единицей того же уровня и года границ больше допустимого.",
            "The unit overlaps another unit of the same level and vintage by more than the tolerance."),
        ImportProblem.DistrictOutsideRegion => ("Аудан өз облысының шегінен рұқсат етілгеннен көп шығып тұр.",
            "Район выходит за границы своей области больше допустимого.", "The district extends beyond its region by more than the tolerance."),
        ImportProblem.CoverageGap => ("Облыстың бір бөлігі ешбір аудан ішінде емес.", "Часть области не покрыта ни одним районом.",
            "Part of the region lies in no district."),
        ImportProblem.NameNormalised => ("Атаудағы кириллица әріптеріне ұқсас латын әріптері кириллицаға ауыстырылды.", "Латинские буквы, похожие на кириллицу, в названии заменены кириллическими.", "Latin letters that look like Cyrillic ones in the name were made Cyrillic."),
        ImportProblem.ValuesHeld => ("Мәндер стюард қабылдағанға дейін бағалауға жіберілмей, карантинде ұсталды.",
            "Значения задержаны в карантине и не попадут в оценки, пока их не примет стюард данных.",
            "Values were held in quarantine and will not reach the scores until a data steward accepts them."),
        _ => throw new ArgumentOutOfRangeException(nameof(problem)),
    };

    private static (string Kk, string Ru, string En) Texts(DetailText text) => text switch
    {
        DetailText.ZeroOrMore => ("0 немесе одан көп болуы керек", "должно быть 0 или больше", "must be 0 or more"),
        DetailText.Between => ("{0} мен {1} аралығында болуы керек", "должно быть от {0} до {1}", "must be between {0} and {1}"),
        DetailText.MoreThanZero => ("0-ден көп болуы керек", "должно быть больше 0", "must be more than 0"),
        DetailText.AtMostCharacters => ("ең көбі {0} таңба", "не более {0} символов", "at most {0} characters"),
        DetailText.AtMostBytes => ("ең көбі {0} байт", "не более {0} байт", "at most {0} bytes"),
        DetailText.AtMostRows => ("ең көбі {0} жол", "не более {0} строк", "at most {0} rows"),
        DetailText.AtMostFeatures => ("ең көбі {0} нысан", "не более {0} объектов", "at most {0} features"),
        DetailText.Expected => ("күтілгені: {0}", "ожидалось: {0}", "expected {0}"),
        DetailText.QuarterExpected => ("2025Q3 сияқты тоқсан", "квартал вида 2025Q3", "a quarter such as 2025Q3"),
        DetailText.LevelExpected => ("region, district немесе school", "region, district или school", "region, district or school"),
        DetailText.SettlementExpected => ("urban немесе rural", "urban или rural", "urban or rural"),
        DetailText.SchoolCodeFormat => ("1-ден 40-қа дейін таңба: латын әріптері, цифрлар, «_», «.», «-»",
            "от 1 до 40 символов: латинские буквы, цифры, «_», «.», «-»", "1 to 40 characters: Latin letters, digits, '_', '.', '-'"),
        DetailText.SchoolNameColumns => ("немесе name_ru және name_kk", "или name_ru и name_kk", "or name_ru and name_kk"),
        DetailText.AppearsTwice => ("{0} {1} екі рет кездеседі", "{0} за {1} встречается дважды", "{0} {1} appears twice"),
        DetailText.FieldCounts => ("тақырыпта {0} баған, бұл жолда {1} өріс", "столбцов в заголовке: {0}, полей в строке: {1}",
            "{0} columns in the header, {1} fields in this row"),
        DetailText.NulCharacter => ("Өрісте NUL таңбасы бар.", "Поле содержит символ NUL.", "A field holds a NUL character."),
        DetailText.NotUtf8 => ("Файл UTF-8 мәтіні емес.", "Файл не в кодировке UTF-8.", "The file is not UTF-8 text."),
        DetailText.LonLatRange => ("бойлық −180-нен 180-ге дейін, ендік −90-нан 90-ға дейін (WGS 84-ке келтірілгеннен кейін)",
            "долгота от −180 до 180, широта от −90 до 90 (после пересчёта в WGS 84)",
            "longitude between −180 and 180, latitude between −90 and 90 (after reprojection to WGS 84)"),
        DetailText.ZeroArea => ("ауданы нөлге тең", "нулевая площадь", "zero area"),
        DetailText.VintageNeeded => ("шекаралар жылын {0} арқылы беріңіз немесе ол жазылған өрісті {1} арқылы атаңыз",
            "укажите год границ: {0}, или поле, где он записан: {1}",
            "give the year of the boundaries with {0}, or name the field holding it with {1}"),
        DetailText.SridNeeded => ("x/y координаттарына координаттар жүйесі керек, мысалы {0}", "для координат x/y нужна система координат, например {0}",
            "x/y coordinates need their coordinate system, e.g. {0}"),
        DetailText.CoordinatesNeeded => ("немесе x, y және {0}", "или x, y и {0}", "or x, y with {0}"),
        DetailText.UnzippedTooLarge => ("ашылған көлемі 2 ГиБ-тан асады", "после распаковки больше 2 ГиБ", "over 2 GiB unzipped"),
        DetailText.OneShapefile => (".zip ішінде дәл бір .shp болуы керек, мұнда {0}", "в .zip должен быть ровно один .shp, а их {0}",
            "the .zip must hold exactly one .shp, it holds {0}"),
        DetailText.SelfIntersection => ("өзін-өзі қиып өту", "самопересечение", "self-intersection"),
        DetailText.RingSelfIntersection => ("сақина өзін-өзі қиып өтеді", "самопересечение кольца", "a ring crosses itself"),
        DetailText.HoleOutsideShell => ("тесік сыртқы шекарадан тыс жатыр", "дыра лежит вне внешней границы", "a hole lies outside its shell"),
        DetailText.NestedHoles => ("тесіктер бірінің ішінде бірі", "дыры вложены друг в друга", "holes are nested"),
        DetailText.DisconnectedInterior => ("ішкі аумақ бөлініп қалған", "внутренняя область разорвана", "the interior is disconnected"),
        DetailText.NestedShells => ("сыртқы шекаралар бірінің ішінде бірі", "внешние границы вложены друг в друга", "shells are nested"),
        DetailText.DuplicateRings => ("сақиналар қайталанады", "кольца повторяются", "rings are repeated"),
        DetailText.TooFewPoints => ("нүктелер тым аз", "слишком мало точек", "too few points"),
        DetailText.RingNotClosed => ("сақина тұйықталмаған", "кольцо не замкнуто", "a ring is not closed"),
        DetailText.OverlapArea => ("{1} бірлігімен {0} км² қабаттасады", "перекрытие с {1}: {0} км²", "{0} km² overlap with {1}"),
        DetailText.OutsideRegionArea => ("{1} облысынан тыс {0} км²", "вне области {1}: {0} км²", "{0} km² outside region {1}"),
        DetailText.GapArea => ("{0} км² ешбір ауданға кірмейді", "{0} км² не входят ни в один район", "{0} km² in no district"),
        DetailText.RegionNotInVintage => ("облыс {1} кезеңінде күшінде болған {0} жылғы шекараларда жоқ",
            "региона нет в границах {0} г., действовавших в период «{1}»", "region not in the {0} boundaries in force in {1}"),
        DetailText.DistrictNotInVintage => ("аудан {1} кезеңінде күшінде болған {0} жылғы шекараларда жоқ",
            "района нет в границах {0} г., действовавших в период «{1}»", "district not in the {0} boundaries in force in {1}"),
        DetailText.HeldFarFromHistory => ("бірліктің өз тарихынан тым алыс (робаст z-бағасы {0}-ден жоғары)",
            "далеко за пределами собственной истории единицы (робастная z-оценка выше {0})",
            "far outside the unit's own history (robust z-score above {0})"),
        DetailText.HeldTenfoldJump => ("бірліктің соңғы мәнінен {0} есе көп немесе {0} есе аз",
            "в {0} раз больше или меньше последнего значения единицы", "at least {0} times the unit's last value, or at most 1/{0} of it"),
        DetailText.HeldBroadChange => ("бір файлда облыс мәндерінің {0} %-дан астамы бір бағытта {1} %-дан астам өзгерді",
            "в одном файле более {0} % значений области изменились более чем на {1} % в одну сторону",
            "more than {0} % of a region's values in one file moved by more than {1} % the same way"),
        DetailText.HeldImprobableCount => ("бірліктің өз тарихы бойынша мұндай сан ықтималдығы {0}-ден төмен (теріс биномдық үлестірім)",
            "при истории единицы вероятность такого числа ниже {0} (отрицательное биномиальное распределение)",
            "a count this large or this small has a probability below {0} given the unit's history (negative binomial)"),
        DetailText.InvalidCoordinate => ("координата жарамсыз", "недопустимая координата", "an invalid coordinate"),
        _ => throw new ArgumentOutOfRangeException(nameof(text)),
    };
}
