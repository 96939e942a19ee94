using RiskMap.Core.HotSpots;

namespace RiskMap.Core.Localization;

/// <summary>
/// The names of the emerging hot spot categories in Kazakh, Russian and English (docs/emerging-hotspots.md). They are
/// labels, never preceded by a number: a count of units in a category is said with the unit's noun through the plural rules.
/// </summary>
public static class HotSpotTexts
{
    public static string Name(EmergingCategory category, Language language) => Names(category).In(language);

    private static (string Kk, string Ru, string En) Names(EmergingCategory category) => category switch
    {
        EmergingCategory.NoPattern => ("Заңдылық анықталмады", "Закономерность не обнаружена", "No pattern detected"),
        EmergingCategory.NewHotSpot => ("Жаңа ыстық нүкте", "Новая горячая точка", "New hot spot"),
        EmergingCategory.ConsecutiveHotSpot => ("Тізбекті ыстық нүкте", "Последовательная горячая точка", "Consecutive hot spot"),
        EmergingCategory.IntensifyingHotSpot => ("Күшейіп келе жатқан ыстық нүкте", "Возрастающая горячая точка", "Intensifying hot spot"),
        EmergingCategory.PersistentHotSpot => ("Тұрақты ыстық нүкте", "Постоянная горячая точка", "Persistent hot spot"),
        EmergingCategory.DiminishingHotSpot => ("Әлсіреп келе жатқан ыстық нүкте", "Убывающая горячая точка", "Diminishing hot spot"),
        EmergingCategory.SporadicHotSpot => ("Үзік-үзік ыстық нүкте", "Спорадическая горячая точка", "Sporadic hot spot"),
        EmergingCategory.OscillatingHotSpot => ("Құбылмалы ыстық нүкте", "Колеблющаяся горячая точка", "Oscillating hot spot"),
        EmergingCategory.HistoricalHotSpot => ("Бұрынғы ыстық нүкте", "Историческая горячая точка", "Historical hot spot"),
        EmergingCategory.NewColdSpot => ("Жаңа суық нүкте", "Новая холодная точка", "New cold spot"),
        EmergingCategory.ConsecutiveColdSpot => ("Тізбекті суық нүкте", "Последовательная холодная точка", "Consecutive cold spot"),
        EmergingCategory.IntensifyingColdSpot => ("Күшейіп келе жатқан суық нүкте", "Возрастающая холодная точка", "Intensifying cold spot"),
        EmergingCategory.PersistentColdSpot => ("Тұрақты суық нүкте", "Постоянная холодная точка", "Persistent cold spot"),
        EmergingCategory.DiminishingColdSpot => ("Әлсіреп келе жатқан суық нүкте", "Убывающая холодная точка", "Diminishing cold spot"),
        EmergingCategory.SporadicColdSpot => ("Үзік-үзік суық нүкте", "Спорадическая холодная точка", "Sporadic cold spot"),
        EmergingCategory.OscillatingColdSpot => ("Құбылмалы суық нүкте", "Колеблющаяся холодная точка", "Oscillating cold spot"),
        EmergingCategory.HistoricalColdSpot => ("Бұрынғы суық нүкте", "Историческая холодная точка", "Historical cold spot"),
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
