using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace RiskMap.Data.Demo;

public sealed record DemoSchool(
    string Code, string NameRu, string NameKk, string Type, string Language, string Settlement, int Pupils,
    double Lon, double Lat, string DistrictKato);

/// <summary>
/// Synthetic schools: each region gets its real number of schools, spread over its districts by a population
/// proxy (regional centres and cities weigh most, rural districts by the square root of their area), placed inside
/// the district around a few settlements, with pupil numbers that add up to about 18.7% of the population
/// (3.7 million pupils of 19.8 million people).
/// </summary>
public static class DemoSchoolGenerator
{
    private const double PupilShareOfPopulation = 3_700_000.0 / 19_765_004.0;

    private static readonly (string Type, string Ru, string Kk)[] Types =
    [
        ("general", "Средняя школа", "Жалпы білім беретін мектеп"),
        ("gymnasium", "Школа-гимназия", "Мектеп-гимназия"),
        ("lyceum", "Школа-лицей", "Мектеп-лицей"),
        ("specialised", "Специализированная школа", "Мамандандырылған мектеп"),
        ("small_rural", "Малокомплектная школа", "Шағын жинақты мектеп"),
    ];

    public static IReadOnlyList<DemoSchool> Generate(IReadOnlyList<DemoDistrict> districts, IReadOnlyList<DemoRegionTotals> regions, int seed)
    {
        var schools = new List<DemoSchool>();
        foreach (var region in regions)
        {
            var random = new DemoRandom(seed ^ int.Parse(region.Kato[..2], System.Globalization.CultureInfo.InvariantCulture) * 7919);
            var inRegion = districts.Where(d => d.RegionKato == region.Kato).OrderBy(d => d.Kato).ToList();
            if (inRegion.Count == 0) continue;
            var population = DistrictPopulation(inRegion, region.Population);
            var counts = Allocate(region.Schools, inRegion.Select(d => population[d.Kato] * (d.IsUrban ? 0.45 : 1.0)).ToList());
            for (var i = 0; i < inRegion.Count; i++)
            {
                var district = inRegion[i];
                schools.AddRange(DistrictSchools(district, counts[i], population[district.Kato] * PupilShareOfPopulation, region.Kato, random));
            }
        }
        return schools;
    }

    /// <summary>No district population is published with the boundaries, so it is approximated from the kind of place.</summary>
    private static Dictionary<string, double> DistrictPopulation(IReadOnlyList<DemoDistrict> districts, int regionPopulation)
    {
        var weights = districts.ToDictionary(d => d.Kato, d =>
            d.IsRegionalCentre ? 0.32 * districts.Count
            : d.IsUrban && districts.All(x => x.IsUrban) ? Math.Sqrt(d.AreaKm2)
            : d.IsUrban ? 0.08 * districts.Count
            : 0.7 * Math.Sqrt(d.AreaKm2) / districts.Where(x => !x.IsUrban).Select(x => Math.Sqrt(x.AreaKm2)).DefaultIfEmpty(1).Average());
        var total = weights.Values.Sum();
        return weights.ToDictionary(w => w.Key, w => regionPopulation * w.Value / total);
    }

    /// <summary>Splits a total over weights by largest remainders, at least one each while the total allows.</summary>
    internal static int[] Allocate(int total, IReadOnlyList<double> weights)
    {
        var counts = new int[weights.Count];
        var floor = Math.Min(1, total / Math.Max(1, weights.Count));
        var rest = total - floor * weights.Count;
        var sum = weights.Sum();
        var exact = weights.Select(w => rest * w / sum).ToArray();
        for (var i = 0; i < counts.Length; i++) counts[i] = floor + (int)Math.Floor(exact[i]);
        var left = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - Math.Floor(exact[i])).ThenBy(i => i).Take(left))
            counts[i]++;
        return counts;
    }

    private static IEnumerable<DemoSchool> DistrictSchools(DemoDistrict district, int count, double pupils, string regionKato, DemoRandom random)
    {
        if (count == 0) yield break;
        var locator = new IndexedPointInAreaLocator(district.Geometry);
        var envelope = district.Geometry.EnvelopeInternal;
        var settlements = Enumerable.Range(0, district.IsUrban ? 1 : Math.Clamp(count / 4, 2, 12))
            .Select(i => i == 0 ? district.Geometry.InteriorPoint.Coordinate : RandomInside(locator, envelope, random))
            .ToList();
        var spread = Math.Sqrt(envelope.Area) * (district.IsUrban ? 0.18 : 0.05);

        var sizes = Enumerable.Range(0, count).Select(_ => random.LogNormal(1, 0.8)).ToArray();
        var scale = pupils / sizes.Sum();
        for (var i = 0; i < count; i++)
        {
            var centre = settlements[i % settlements.Count];
            var location = NearInside(locator, envelope, centre, spread, random);
            var schoolPupils = Math.Max(8, (int)Math.Round(sizes[i] * scale));
            var urban = district.IsUrban || (i % settlements.Count == 0 && random.Uniform() < 0.35);
            var type = TypeFor(schoolPupils, urban, random);
            var number = i + 1;
            yield return new DemoSchool(
                $"D{district.Kato}-{number:D3}",
                $"{type.Ru} № {number}, {district.NameRu} (демо)",
                $"№ {number} {type.Kk}, {district.NameKk} (демо)",
                type.Type, LanguageFor(regionKato, urban, random), urban ? "urban" : "rural", schoolPupils,
                Math.Round(location.X, 6), Math.Round(location.Y, 6), district.Kato);
        }
    }

    private static (string Type, string Ru, string Kk) TypeFor(int pupils, bool urban, DemoRandom random)
    {
        if (!urban && pupils < 120) return Types[4];
        return random.Pick<(string, string, string)>([(Types[0], 70), (Types[1], urban ? 14 : 4), (Types[2], urban ? 10 : 2), (Types[3], urban ? 6 : 1)]);
    }

    /// <summary>Kazakh-medium schools dominate in the south and west, Russian-medium and mixed ones are commoner in the north.</summary>
    private static string LanguageFor(string regionKato, bool urban, DemoRandom random)
    {
        var north = regionKato[..2] is "11" or "35" or "39" or "55" or "59" or "63" or "71" or "75";
        var south = regionKato[..2] is "61" or "79" or "43" or "31";
        var kazakh = north ? (urban ? 40 : 50) : south ? 82 : 68;
        var russian = north ? (urban ? 35 : 28) : south ? 5 : 14;
        var uzbek = south ? 5 : 0;
        return random.Pick<string>([("kk", kazakh), ("ru", russian), ("mixed", 100 - kazakh - russian - uzbek), ("uz", uzbek)]);
    }

    private static Coordinate RandomInside(IndexedPointInAreaLocator locator, Envelope envelope, DemoRandom random)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var candidate = new Coordinate(random.Uniform(envelope.MinX, envelope.MaxX), random.Uniform(envelope.MinY, envelope.MaxY));
            if (locator.Locate(candidate) == Location.Interior) return candidate;
        }
        throw new InvalidOperationException("No point found inside the district.");
    }

    private static Coordinate NearInside(IndexedPointInAreaLocator locator, Envelope envelope, Coordinate centre, double spread, DemoRandom random)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = new Coordinate(centre.X + random.Normal(0, spread), centre.Y + random.Normal(0, spread));
            if (locator.Locate(candidate) == Location.Interior) return candidate;
        }
        return RandomInside(locator, envelope, random);
    }
}
