using RiskMap.Core.Indicators;
using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

/// <summary>
/// Seeded synthetic levels for the methodology 2.0 property tests: schools of 50–1,500 pupils with their own risk,
/// in districts of one region, reporting the worked example's three indicators (incidents as Poisson counts).
/// </summary>
internal static class Synthetic
{
    public static readonly Methodology Version2 = new() { Version = Methodology.Version2 };

    public sealed record Truth(double[] Rates, double[] Absence, double[] Pass);

    /// <param name="tinyFirst">School 0 has 30 pupils.</param>
    public static (ScoringInput Input, Truth Truth) Levels(int schools, int districts, int periods, int seed = 7, bool tinyFirst = false)
    {
        var random = new ScoringRandom(ScoringRandom.Key(seed));
        var codes = Enumerable.Range(0, schools).Select(u => $"S{u:D4}").ToArray();
        var parents = Enumerable.Range(0, schools).Select(u => (string?)$"D{u % districts}").ToArray();
        var pupils = Enumerable.Range(0, schools).Select(_ => Math.Round(50 + 1450 * random.NextDouble())).ToArray();
        if (tinyFirst) pupils[0] = 30;
        var districtCodes = Enumerable.Range(0, districts).Select(d => $"D{d}").ToArray();
        var districtPupils = districtCodes.Select((_, d) => pupils.Where((_, u) => u % districts == d).Sum()).ToArray();
        var input = new ScoringInput(ScoringFixtures.Example, ScoringFixtures.Quarters(periods),
            new LevelData(codes, parents, pupils, 3, periods),
            new LevelData(districtCodes, districtCodes.Select(_ => (string?)"R").ToArray(), districtPupils, 3, periods),
            new LevelData(["R"], [null], [pupils.Sum()], 3, periods));
        var truth = new Truth(
            Enumerable.Range(0, schools).Select(_ => random.NextGamma(4) / 4 * 0.01).ToArray(),
            Enumerable.Range(0, schools).Select(_ => 4 + 8 * random.NextDouble()).ToArray(),
            Enumerable.Range(0, schools).Select(_ => 55 + 40 * random.NextDouble()).ToArray());
        for (var t = 0; t < periods; t++)
            for (var u = 0; u < schools; u++)
                Report(input, t, u, Poisson(truth.Rates[u] * pupils[u], ref random), truth.Absence[u] + random.NextNormal(), truth.Pass[u] + 2 * random.NextNormal());
        return (input, truth);
    }

    public static void Report(ScoringInput input, int t, int u, double incidents, double absence, double pass)
    {
        input.Schools.Set(t, ScoringFixtures.Incidents, u, incidents, null);
        input.Schools.Set(t, ScoringFixtures.Absence, u, absence, null);
        input.Schools.Set(t, ScoringFixtures.PassRate, u, pass, null);
    }

    /// <summary>Copies every school's values of quarter <paramref name="from"/> into quarter <paramref name="to"/>.</summary>
    public static void Repeat(ScoringInput input, int from, int to)
    {
        var s = input.Schools;
        for (var i = 0; i < s.Indicators; i++)
            for (var u = 0; u < s.Units; u++)
                s.Set(to, i, u, s.Values[s.Cell(from, i, u)], null);
    }

    /// <summary>Pupils with the trait among <paramref name="pupils"/>, each with probability <paramref name="share"/>.</summary>
    public static int Binomial(int pupils, double share, ref ScoringRandom random)
    {
        var k = 0;
        for (var i = 0; i < pupils; i++)
            if (random.NextDouble() < share) k++;
        return k;
    }

    /// <summary>Knuth's method: fine for the means of a few dozen these tests draw.</summary>
    public static int Poisson(double mean, ref ScoringRandom random)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble()) k++;
        return k;
    }
}
