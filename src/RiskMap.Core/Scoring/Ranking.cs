namespace RiskMap.Core.Scoring;

/// <summary>A unit's place among its level: 1 is the riskiest.</summary>
public sealed record RankBand(int Median, int Low, int High);

public static class Ranking
{
    /// <summary>Competition ranks ("1224"), highest score first; NaN scores get rank 0 (unranked).</summary>
    public static int[] Ranks(ReadOnlySpan<double> scores)
    {
        var order = new int[scores.Length];
        var keys = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            order[i] = i;
            keys[i] = double.IsNaN(scores[i]) ? double.PositiveInfinity : -scores[i];
        }
        Array.Sort(keys, order);
        var ranks = new int[scores.Length];
        for (var position = 0; position < order.Length; position++)
        {
            if (double.IsPositiveInfinity(keys[position])) break;
            ranks[order[position]] = position > 0 && keys[position] == keys[position - 1] ? ranks[order[position - 1]] : position + 1;
        }
        return ranks;
    }

    /// <summary>
    /// Uncertainty of the ranks (OECD/JRC Handbook): the composite is recomputed many times with every indicator and
    /// domain weight multiplied by a random factor in 1 ± <see cref="Methodology.WeightPerturbation"/>; each unit gets
    /// its median rank and the 5th–95th percentile band. Seeded, so the same inputs give the same bands.
    /// </summary>
    /// <param name="scores">Normalised indicator scores, unit-major: scores[unit * indicators + indicator], NaN where missing.</param>
    public static RankBand?[] Bands(double[] scores, int units, IReadOnlyList<double> indicatorWeights, int[] domainOfIndicator,
        IReadOnlyList<double> domainWeights, Methodology methodology)
    {
        var indicators = indicatorWeights.Count;
        var replications = methodology.Replications;
        var ranks = new int[replications][];
        Parallel.For(0, replications, r =>
        {
            var random = new Random(methodology.Seed + r);
            double Perturb(double w) => w * (1 + methodology.WeightPerturbation * (2 * random.NextDouble() - 1));
            var weights = indicatorWeights.Select(Perturb).ToArray();
            var domains = domainWeights.Select(Perturb).ToArray();
            var composites = new double[units];
            for (var u = 0; u < units; u++)
                composites[u] = Aggregation.Score(scores.AsSpan(u * indicators, indicators), weights, domainOfIndicator, domains);
            ranks[r] = Ranks(composites);
        });

        var bands = new RankBand?[units];
        var unitRanks = new double[replications];
        for (var u = 0; u < units; u++)
        {
            if (ranks[0][u] == 0) continue;
            for (var r = 0; r < replications; r++) unitRanks[r] = ranks[r][u];
            Array.Sort(unitRanks);
            bands[u] = new RankBand(
                (int)Math.Round(Statistics.Percentile(unitRanks, 0.5)),
                (int)Math.Round(Statistics.Percentile(unitRanks, 0.05)),
                (int)Math.Round(Statistics.Percentile(unitRanks, 0.95)));
        }
        return bands;
    }
}
