using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

/// <summary>Small inputs shared by the scoring tests, including the worked example of docs/methodology-1.0.md.</summary>
internal static class ScoringFixtures
{
    public const int Incidents = 0;
    public const int Absence = 1;
    public const int PassRate = 2;

    /// <summary>incidents (count, worse, w 2) and absence (worse, w 1) in Protection (w 2); pass rate (better, w 1) in Education (w 1).</summary>
    public static Catalogue Example { get; } = new(
        [
            new IndicatorSpec("incidents", "protection", Direction.HigherIsWorse, IsCount: true, Weight: 2),
            new IndicatorSpec("absence", "protection", Direction.HigherIsWorse, IsCount: false, Weight: 1),
            new IndicatorSpec("pass_rate", "education", Direction.HigherIsBetter, IsCount: false, Weight: 1),
        ],
        [new DomainSpec("protection", 2), new DomainSpec("education", 1)]);

    public static readonly double[] IndicatorWeights = [2, 1, 1];
    public static readonly int[] DomainOf = [0, 0, 1];
    public static readonly double[] DomainWeights = [2, 1];

    // The worked example: schools A, B (district X) and C, D (district Y), all in region R.
    public static readonly string[] Schools = ["A", "B", "C", "D"];
    public static readonly double[] Pupils = [40, 400, 1200, 800];
    public static readonly double[] Events = [2, 6, 12, 4];
    public static readonly double[] AbsencePercent = [9, 6, 12, 7.5];
    public static readonly double[] PassPercent = [70, 85, 60, 90];

    public static IReadOnlyList<Quarter> Quarters(int count)
    {
        var quarters = new List<Quarter>();
        var q = new Quarter(2024, 1);
        for (var t = 0; t < count; t++, q = q.Next()) quarters.Add(q);
        return quarters;
    }

    /// <summary>The worked example's three levels with every school value set in each of <paramref name="periods"/> quarters.</summary>
    public static ScoringInput WorkedExampleInput(int periods = 1)
    {
        var input = EmptyInput(periods);
        for (var t = 0; t < periods; t++)
            for (var u = 0; u < Schools.Length; u++)
            {
                input.Schools.Set(t, Incidents, u, Events[u], null);
                input.Schools.Set(t, Absence, u, AbsencePercent[u], null);
                input.Schools.Set(t, PassRate, u, PassPercent[u], null);
            }
        return input;
    }

    /// <summary>The worked example's units without any value.</summary>
    public static ScoringInput EmptyInput(int periods, int indicators = 3, Catalogue? catalogue = null) => new(
        catalogue ?? Example,
        Quarters(periods),
        new LevelData(Schools, ["X", "X", "Y", "Y"], Pupils, indicators, periods),
        new LevelData(["X", "Y"], ["R", "R"], [440, 2000], indicators, periods),
        new LevelData(["R"], [null], [2440], indicators, periods));

    public static UnitScore Score(ScoringResult result, EntityLevel level, string code, int period = 0) =>
        result.Scores[level].Single(s => s.Code == code && s.Period == Quarters(period + 1)[period]);
}
