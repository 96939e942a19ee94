using RiskMap.Core.Privacy;

namespace RiskMap.Core.Tests.Privacy;

/// <summary>Random national → region → district trees where many counts are small and totals add up.</summary>
internal static class RandomCountForest
{
    public static List<CountCell> Next(Random random)
    {
        var cells = new List<CountCell>();
        double national = 0;
        var regions = random.Next(3, 7);
        for (var r = 0; r < regions; r++)
        {
            double region = 0;
            var districts = random.Next(2, 9);
            for (var d = 0; d < districts; d++)
            {
                var value = DistrictCount(random);
                cells.Add(new CountCell($"R{r}D{d}", $"R{r}", value));
                region += value ?? 0;
            }
            cells.Add(new CountCell($"R{r}", "KZ", region));
            national += region;
        }
        cells.Add(new CountCell("KZ", null, national));
        return cells;
    }

    /// <summary>
    /// A known set closed downwards, as a planner's would be: some regions with all their districts (perhaps the
    /// national total with everything), plus a few districts on their own.
    /// </summary>
    public static IReadOnlySet<string> KnownClosedDownwards(IReadOnlyList<CountCell> cells, Random random)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        void AddWithDescendants(string code)
        {
            known.Add(code);
            foreach (var child in cells.Where(c => c.ParentCode == code)) AddWithDescendants(child.Code);
        }

        if (random.Next(20) == 0) AddWithDescendants("KZ");
        foreach (var region in cells.Where(c => c.ParentCode == "KZ"))
            if (random.Next(3) == 0) AddWithDescendants(region.Code);
        foreach (var district in cells.Where(c => c.ParentCode is not null and not "KZ"))
            if (random.Next(10) == 0) AddWithDescendants(district.Code);
        return known;
    }

    private static double? DistrictCount(Random random) => random.Next(20) switch
    {
        0 => null,
        < 6 => 0,
        < 14 => random.Next(1, 5),
        _ => random.Next(5, 40),
    };
}
