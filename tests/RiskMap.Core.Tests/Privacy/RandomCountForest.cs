using RiskMap.Core.Privacy;

namespace RiskMap.Core.Tests.Privacy;

/// <summary>Random national → region → district trees where many counts are small and totals add up.</summary>
internal static class RandomCountForest
{
    public static List<CountCell> Next(Random random) => Next(random, regions: random.Next(3, 7), maxDistricts: 8, DistrictCount);

    /// <summary>A tree small enough that every assignment of its withheld cells can be enumerated.</summary>
    public static List<CountCell> NextSmall(Random random) =>
        Next(random, regions: random.Next(2, 4), maxDistricts: 3, r => r.Next(8) == 0 ? null : r.Next(0, 7));

    /// <summary>A random key for the complement order.</summary>
    public static byte[] Key(Random random)
    {
        var key = new byte[32];
        random.NextBytes(key);
        return key;
    }

    private static List<CountCell> Next(Random random, int regions, int maxDistricts, Func<Random, double?> districtCount)
    {
        var cells = new List<CountCell>();
        double national = 0;
        for (var r = 0; r < regions; r++)
        {
            double region = 0;
            var districts = random.Next(1, maxDistricts + 1);
            for (var d = 0; d < districts; d++)
            {
                var value = districtCount(random);
                cells.Add(new CountCell($"R{r}D{d}", $"R{r}", value));
                region += value ?? 0;
            }
            cells.Add(new CountCell($"R{r}", "KZ", region));
            national += region;
        }
        cells.Add(new CountCell("KZ", null, national));
        return cells;
    }

    private static double? DistrictCount(Random random) => random.Next(20) switch
    {
        0 => null,
        < 6 => 0,
        < 14 => random.Next(1, 5),
        _ => random.Next(5, 40),
    };
}
