using RiskMap.Core.Indicators;

namespace RiskMap.Data.Demo;

public sealed record DemoObservation(string Level, string Code, string Indicator, Quarter Period, double Value, double? Denominator);

/// <summary>A count indicator of the demo: its yearly national total, who reports it, and how it follows the school year.</summary>
public sealed record DemoCount(string Indicator, double PerYear, bool PerSchool, DemoSeason Season);

/// <summary>
/// Synthetic indicator values for twelve quarters (2023Q1–2025Q4), with dynamics a forecaster could learn. Police and
/// health counts are reported per district, school counts and shares per school. A count's expected value is the unit's
/// persistent risk (seeded per district and school; six districts are clear hotspots) times its slowly moving part
/// (<see cref="DemoRiskPath"/>: an AR(1) in log-risk, rising for about 8 % of districts and falling for a few from 2024
/// on) times the school-year season of the indicator; counts are then drawn gamma–Poisson (overdispersed). Each
/// quarter is scaled so that the yearly national totals are the Complex Plan's figures for 2022 where it gives them.
/// Some values are missing.
/// </summary>
public static class DemoObservationGenerator
{
    public static readonly Quarter First = new(2023, 1);
    public const int Quarters = 12;

    /// <summary>Yearly national totals of the count indicators. Those without a published figure are plausible guesses.</summary>
    public static readonly IReadOnlyList<DemoCount> Counts =
    [
        new("offences_against_minors", 2_005, false, DemoSeason.Police),
        new("sexual_offences_against_minors", 719, false, DemoSeason.Police),
        new("domestic_violence_cases", 3_200, false, DemoSeason.Police),
        new("suicides", 155, false, DemoSeason.SchoolLinked),
        new("suicide_attempts", 309, false, DemoSeason.SchoolLinked),
        new("offences_by_minors", 1_735, false, DemoSeason.SchoolLinked),
        new("bullying_reports", 14_000, true, DemoSeason.SchoolTerm),
        new("self_harm_referrals", 5_200, true, DemoSeason.SchoolTerm),
    ];

    private const double MinorsOnPoliceRegister = 6_500;
    private const int Hotspots = 6;
    /// <summary>About 8 % of the 224 districts rise, a few fall.</summary>
    private const int RisingDistricts = 18, FallingDistricts = 6;
    /// <summary>Shape of the gamma–Poisson counts: each quarter's rate varies by about 1/√5 ≈ 45 % around its expectation.</summary>
    private const double CountShape = 5;

    /// <summary>The seeded risk landscape behind the values: each district's and school's persistent risk factor and its
    /// path over the quarters, the hotspots, the rising and falling districts, and the districts whose police figures for
    /// the latest quarter are missing.</summary>
    public sealed record Scenario(
        IReadOnlyDictionary<string, double> DistrictRisk, IReadOnlyDictionary<string, double> SchoolRisk,
        IReadOnlySet<string> Hotspots, IReadOnlySet<string> StaleDistricts, IReadOnlySet<string> Rising, IReadOnlySet<string> Falling,
        IReadOnlyDictionary<string, double[]> DistrictPath, IReadOnlyDictionary<string, double[]> SchoolPath);

    /// <param name="quarters">How many quarters from <see cref="First"/>: the demo's <see cref="Quarters"/>, or more for a quarter after
    /// them (the same risk landscape; the slowly moving parts drawn anew).</param>
    public static Scenario Plan(IReadOnlyList<DemoSchool> schools, int seed, int quarters = Quarters)
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

        // The moving parts from a stream of their own, so the persistent landscape above stays as it was.
        var moving = new DemoRandom(seed + 3);
        var trending = districts.Where(d => !hotspots.Contains(d)).OrderBy(_ => moving.Uniform()).Take(RisingDistricts + FallingDistricts).ToList();
        var rising = trending.Take(RisingDistricts).ToHashSet();
        var falling = trending.Skip(RisingDistricts).ToHashSet();
        var districtPath = districts.ToDictionary(d => d, d => DemoRiskPath.Draw(moving, quarters, shockSd: 0.12,
            trend: rising.Contains(d) ? moving.Uniform(0.06, 0.10) : falling.Contains(d) ? -moving.Uniform(0.04, 0.07) : 0));
        var schoolPath = schools.ToDictionary(s => s.Code, _ => DemoRiskPath.Draw(moving, quarters, shockSd: 0.08));
        return new Scenario(districtRisk, schoolRisk, hotspots, stale, rising, falling, districtPath, schoolPath);
    }

    /// <param name="quarters">As for <see cref="Plan"/>.</param>
    public static IEnumerable<DemoObservation> Generate(IReadOnlyList<DemoSchool> schools, int seed, int quarters = Quarters)
    {
        var scenario = Plan(schools, seed, quarters);
        var random = new DemoRandom(seed + 1);
        var byDistrict = schools.GroupBy(s => s.DistrictKato).OrderBy(g => g.Key).ToList();
        var totalPupils = (double)schools.Sum(s => s.Pupils);
        var staffing = Staffing(schools, seed);

        // The hotspots' violence, suicide and offending counts stand out more each quarter.
        double Hot(string district, int quarter) => scenario.Hotspots.Contains(district) ? 3.5 * (1 + 0.04 * quarter) : 1.0;
        double DistrictMultiplier(string district, int quarter) =>
            scenario.DistrictRisk[district] * scenario.DistrictPath[district][quarter] * Hot(district, quarter);
        double SchoolMultiplier(DemoSchool school, int quarter) =>
            scenario.SchoolRisk[school.Code] * scenario.SchoolPath[school.Code][quarter] * scenario.DistrictPath[school.DistrictKato][quarter]
            * Hot(school.DistrictKato, quarter);

        for (var q = 0; q < quarters; q++)
        {
            var period = Nth(q);
            // The pupil-weighted mean multiplier of the quarter: dividing by it keeps the national totals the table's.
            var districtMean = byDistrict.Sum(d => d.Sum(s => s.Pupils) * DistrictMultiplier(d.Key, q)) / totalPupils;
            var schoolMean = schools.Sum(s => s.Pupils * SchoolMultiplier(s, q)) / totalPupils;
            foreach (var district in byDistrict)
            {
                var pupils = district.Sum(s => s.Pupils);
                var relative = DistrictMultiplier(district.Key, q) / districtMean;
                var stale = scenario.StaleDistricts.Contains(district.Key) && q == quarters - 1;
                foreach (var (indicator, perYear, perSchool, season) in Counts)
                {
                    var nationalInQuarter = perYear / 4 * DemoSeasons.Factor(season, period);
                    if (perSchool)
                    {
                        foreach (var school in district)
                        {
                            if (random.Uniform() < 0.03) continue;
                            var expected = nationalInQuarter * school.Pupils / totalPupils * SchoolMultiplier(school, q) / schoolMean;
                            yield return new DemoObservation("school", school.Code, indicator, period, random.GammaPoisson(expected, CountShape), school.Pupils);
                        }
                    }
                    else if (!stale)
                    {
                        var expected = nationalInQuarter * pupils / totalPupils * relative;
                        yield return new DemoObservation("district", district.Key, indicator, period, random.GammaPoisson(expected, CountShape), pupils);
                    }
                }
                if (!stale)
                {
                    // A register is a head count at the quarter's end, not a flow: no season, and less noisy than an event count.
                    var register = MinorsOnPoliceRegister * pupils / totalPupils * relative;
                    yield return new DemoObservation("district", district.Key, "minors_on_police_register", period, random.Poisson(register), pupils);
                }

                foreach (var school in district)
                {
                    foreach (var observation in SchoolShares(school, scenario.SchoolRisk[school.Code], staffing[(school.Code, SchoolYear(period))], period, random))
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
