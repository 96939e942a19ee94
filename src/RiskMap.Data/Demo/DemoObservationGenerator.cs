using RiskMap.Core.Indicators;

namespace RiskMap.Data.Demo;

public sealed record DemoObservation(string Level, string Code, string Indicator, Quarter Period, double Value, double? Denominator);

/// <summary>
/// Synthetic indicator values for eight quarters. Police and health counts are reported per district, school
/// counts and shares per school. Yearly national totals match the Complex Plan's figures for 2022 where it gives
/// them; districts differ by a seeded risk factor, a few are clear hotspots, and some values are missing.
/// </summary>
public static class DemoObservationGenerator
{
    public static readonly Quarter First = new(2024, 1);
    public const int Quarters = 8;

    /// <summary>Yearly national totals of the count indicators. Those without a published figure are plausible guesses.</summary>
    private static readonly (string Indicator, double PerYear, string Domain, bool PerSchool)[] Counts =
    [
        ("offences_against_minors", 2_005, "violence", false),
        ("sexual_offences_against_minors", 719, "violence", false),
        ("domestic_violence_cases", 3_200, "violence", false),
        ("suicides", 155, "suicide", false),
        ("suicide_attempts", 309, "suicide", false),
        ("offences_by_minors", 1_735, "offending", false),
        ("bullying_reports", 14_000, "violence", true),
        ("self_harm_referrals", 5_200, "suicide", true),
    ];

    private const double MinorsOnPoliceRegister = 6_500;
    private const int Hotspots = 6;

    /// <summary>The seeded risk landscape behind the values: each district's and school's risk factor, the hotspots, and
    /// the districts whose police figures for the latest quarter are missing.</summary>
    public sealed record Scenario(
        IReadOnlyDictionary<string, double> DistrictRisk, IReadOnlyDictionary<string, double> SchoolRisk,
        IReadOnlySet<string> Hotspots, IReadOnlySet<string> StaleDistricts);

    public static Scenario Plan(IReadOnlyList<DemoSchool> schools, int seed)
    {
        var random = new DemoRandom(seed);
        var districts = schools.Select(s => s.DistrictKato).Distinct().Order().ToList();
        var regionFactor = districts.Select(d => d[..2]).Distinct().ToDictionary(r => r, _ => Math.Exp(random.Normal(0, 0.2)));
        var districtRisk = districts.ToDictionary(d => d, d => regionFactor[d[..2]] * Math.Exp(random.Normal(0, 0.3)));
        var hotspots = districts.OrderBy(_ => random.Uniform()).Take(Hotspots).ToHashSet();
        // A hotspot stands out whatever its region: its underlying risk is at least the national average's.
        foreach (var hotspot in hotspots) districtRisk[hotspot] = Math.Max(districtRisk[hotspot], 1.3);
        var stale = districts.Where(d => !hotspots.Contains(d)).OrderBy(_ => random.Uniform()).Take(3).ToHashSet();
        var schoolRisk = schools.ToDictionary(s => s.Code, s => districtRisk[s.DistrictKato] * Math.Exp(random.Normal(0, 0.35)));
        return new Scenario(districtRisk, schoolRisk, hotspots, stale);
    }

    public static IEnumerable<DemoObservation> Generate(IReadOnlyList<DemoSchool> schools, int seed)
    {
        var scenario = Plan(schools, seed);
        var (districtRisk, schoolRisk, hotspots, staleDistricts) = (scenario.DistrictRisk, scenario.SchoolRisk, scenario.Hotspots, scenario.StaleDistricts);
        var random = new DemoRandom(seed + 1);
        var byDistrict = schools.GroupBy(s => s.DistrictKato).OrderBy(g => g.Key).ToList();
        var totalPupils = (double)schools.Sum(s => s.Pupils);

        double Multiplier(string district, string domain, int quarter) =>
            districtRisk[district] * (hotspots.Contains(district) && domain is "violence" or "suicide" or "offending" ? 3.5 * (1 + 0.04 * quarter) : 1.0);
        var meanMultiplier = byDistrict.ToDictionary(g => g.Key, g => g.Sum(s => s.Pupils) / totalPupils)
            .Sum(p => p.Value * Multiplier(p.Key, "violence", 0));
        var staffing = Staffing(schools, seed);

        for (var q = 0; q < Quarters; q++)
        {
            var period = Nth(q);
            var schoolTerm = period.Number == 3 ? 0.35 : 1.0;
            foreach (var district in byDistrict)
            {
                var pupils = district.Sum(s => s.Pupils);
                var share = pupils / totalPupils;
                var stale = staleDistricts.Contains(district.Key) && q == Quarters - 1;
                foreach (var (indicator, perYear, domain, perSchool) in Counts)
                {
                    if (perSchool)
                    {
                        foreach (var school in district)
                        {
                            if (random.Uniform() < 0.03) continue;
                            var hot = hotspots.Contains(district.Key) ? Multiplier(district.Key, domain, q) / districtRisk[district.Key] : 1.0;
                            var expected = perYear / 4 * school.Pupils / totalPupils * schoolRisk[school.Code] * hot * schoolTerm / meanMultiplier;
                            yield return new DemoObservation("school", school.Code, indicator, period, random.Poisson(expected), school.Pupils);
                        }
                    }
                    else if (!stale)
                    {
                        var expected = perYear / 4 * share * Multiplier(district.Key, domain, q) / meanMultiplier;
                        yield return new DemoObservation("district", district.Key, indicator, period, random.Poisson(expected), pupils);
                    }
                }
                if (!stale)
                {
                    var register = MinorsOnPoliceRegister * share * Multiplier(district.Key, "offending", q) / meanMultiplier;
                    yield return new DemoObservation("district", district.Key, "minors_on_police_register", period, random.Poisson(register), pupils);
                }

                foreach (var school in district)
                {
                    foreach (var observation in SchoolShares(school, schoolRisk[school.Code], staffing[(school.Code, SchoolYear(period))], period, random))
                        yield return observation;
                }
            }
        }
    }

    public static Quarter Nth(int index)
    {
        var quarter = First;
        for (var i = 0; i < index; i++) quarter = quarter.Next();
        return quarter;
    }

    /// <summary>The school year a quarter belongs to, by the year it starts in: it starts in September, the third quarter.</summary>
    private static int SchoolYear(Quarter period) => period.Number >= 3 ? period.Year : period.Year - 1;

    /// <summary>
    /// Psychologists and social pedagogues per school and school year: specialists are counted once a year, at the
    /// start of the school year, so a school's ratio holds for its four quarters. Small schools share one, so their
    /// ratio is small but part-time. From a stream of their own, in school order then year order.
    /// </summary>
    private static Dictionary<(string School, int Year), (double Psychologists, double Pedagogues)> Staffing(IReadOnlyList<DemoSchool> schools, int seed)
    {
        var random = new DemoRandom(seed + 2);
        var years = Enumerable.Range(0, Quarters).Select(q => SchoolYear(Nth(q))).Distinct().ToList();
        var staffing = new Dictionary<(string, int), (double, double)>();
        foreach (var school in schools)
        {
            var rural = school.Settlement == "rural";
            foreach (var year in years)
                staffing[(school.Code, year)] = (
                    Math.Max(1, Math.Round(school.Pupils / random.Uniform(rural ? 250 : 550, rural ? 500 : 950))),
                    Math.Max(1, Math.Round(school.Pupils / random.Uniform(rural ? 300 : 700, rural ? 600 : 1200))));
        }
        return staffing;
    }

    private static IEnumerable<DemoObservation> SchoolShares(DemoSchool school, double risk, (double Psychologists, double Pedagogues) staff, Quarter period,
        DemoRandom random)
    {
        var rural = school.Settlement == "rural";
        DemoObservation Share(string indicator, double value) =>
            new("school", school.Code, indicator, period, Math.Round(Math.Clamp(value, 0, 100), 1), null);

        if (random.Uniform() >= 0.03) yield return Share("screening_high_risk_share", random.Normal(5.5, 1.5) * risk);
        if (random.Uniform() >= 0.03) yield return Share("chronic_absence_share", random.Normal(rural ? 3.8 : 2.6, 0.9) * Math.Sqrt(risk));
        if (random.Uniform() >= 0.03) yield return Share("extracurricular_share", random.Normal(rural ? 42 : 61, 9) / Math.Sqrt(risk));

        if (random.Uniform() >= 0.05)
            yield return new DemoObservation("school", school.Code, "pupils_per_psychologist", period, Math.Round(school.Pupils / staff.Psychologists), null);
        if (random.Uniform() >= 0.05)
            yield return new DemoObservation("school", school.Code, "pupils_per_social_pedagogue", period, Math.Round(school.Pupils / staff.Pedagogues), null);
    }
}
