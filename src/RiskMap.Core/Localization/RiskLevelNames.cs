namespace RiskMap.Core.Localization;

/// <summary>The names of risk levels 1–5 as every page and file writes them (the front end's class.1 … class.5).</summary>
public static class RiskLevelNames
{
    private static readonly (string Kk, string Ru, string En)[] Names =
    [
        ("Өте төмен", "Очень низкий", "Very low"), ("Төмен", "Низкий", "Low"), ("Орташа", "Средний", "Medium"),
        ("Жоғары", "Высокий", "High"), ("Өте жоғары", "Очень высокий", "Very high"),
    ];

    /// <summary>The level's name; a level outside 1–5 is named as the nearest one.</summary>
    public static string Name(int level, Language language) => Names[Math.Clamp(level, 1, 5) - 1].In(language);
}
