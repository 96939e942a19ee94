using RiskMap.Core.Indicators;

namespace RiskMap.Data.Demo;

/// <summary>How a count follows the school year: each shape averages 1 over the year, so the yearly totals stay the table's.</summary>
public enum DemoSeason
{
    /// <summary>Reported by schools: few in the summer quarter (Q3), when schools are closed for most of it.</summary>
    SchoolTerm,
    /// <summary>District counts that follow school life (by minors, suicidal acts): somewhat lower in the summer.</summary>
    SchoolLinked,
    /// <summary>Police counts of offences against children: nearly flat.</summary>
    Police,
}

internal static class DemoSeasons
{
    private static readonly Dictionary<DemoSeason, double[]> Shapes = new()
    {
        [DemoSeason.SchoolTerm] = Normalised(1, 1, 0.35, 1),
        [DemoSeason.SchoolLinked] = Normalised(1, 1, 0.8, 1),
        [DemoSeason.Police] = Normalised(1, 1, 0.95, 1),
    };

    public static double Factor(DemoSeason season, Quarter period) => Shapes[season][period.Number - 1];

    private static double[] Normalised(params double[] shape) => [.. shape.Select(s => s * shape.Length / shape.Sum())];
}
