using System.Globalization;
using NetTopologySuite.Geometries;

namespace RiskMap.Data.Demo;

/// <summary>A district as the demo generator sees it: where it is and what kind of place it is.</summary>
public sealed record DemoDistrict(string Kato, string RegionKato, string NameRu, string NameKk, double AreaKm2, MultiPolygon Geometry)
{
    /// <summary>City districts of Astana, Almaty and Shymkent, and cities of regional significance (third KATO digit 1).</summary>
    public bool IsUrban => RegionKato is "710000000" or "750000000" or "790000000" || Kato[2] == '1';

    /// <summary>The regional centre: the first city of an oblast, e.g. 101000000 Semey, 111000000 Kokshetau.</summary>
    public bool IsRegionalCentre => Kato.Substring(2, 3) == "100" && Kato[5..] == "0000";
}

/// <summary>The real per-region totals the demo is calibrated to (from the shared geodata CSV files).</summary>
public sealed record DemoRegionTotals(string Kato, int Schools, int Population)
{
    public static IReadOnlyList<DemoRegionTotals> Read(string geodataDirectory)
    {
        var schools = ReadColumn(Path.Combine(geodataDirectory, "kz_adm1_schools_2022.csv"), "schools");
        var population = ReadColumn(Path.Combine(geodataDirectory, "kz_adm1_population_2023.csv"), "population_total");
        return schools.Keys.Where(k => k != "000000000" && population.ContainsKey(k)).Order()
            .Select(k => new DemoRegionTotals(k, schools[k], population[k])).ToList();
    }

    private static Dictionary<string, int> ReadColumn(string path, string column)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        var (katoIndex, valueIndex) = (Array.IndexOf(header, "kato"), Array.IndexOf(header, column));
        if (katoIndex < 0 || valueIndex < 0) throw new InvalidDataException($"{path} has no 'kato' or '{column}' column.");
        return lines.Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[katoIndex], f => int.Parse(f[valueIndex], CultureInfo.InvariantCulture));
    }
}
