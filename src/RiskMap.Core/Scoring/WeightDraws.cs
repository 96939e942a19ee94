namespace RiskMap.Core.Scoring;

/// <summary>
/// The catalogue's weights and, for methodology 2.0's Monte Carlo, every replication's perturbed weights: in
/// replication r, each indicator weight then each domain weight (catalogue order) is multiplied by
/// 1 + <see cref="Methodology.WeightPerturbation"/> · (2U − 1), U from the stream keyed (Seed, 0). The same factors
/// serve every level and quarter, so the draws of two quarters are paired.
/// </summary>
public sealed class WeightDraws
{
    private WeightDraws(double[] indicators, double[] domains, double[] reliabilityShares, double[][] indicatorDraws, double[][] domainDraws)
    {
        Indicators = indicators;
        Domains = domains;
        ReliabilityShares = reliabilityShares;
        IndicatorDraws = indicatorDraws;
        DomainDraws = domainDraws;
        IndicatorByReplication = ByReplication(indicatorDraws, indicators.Length);
        DomainByReplication = ByReplication(domainDraws, domains.Length);
    }

    public double[] Indicators { get; }

    public double[] Domains { get; }

    /// <summary>Each indicator's share of the whole weight, for reliability.</summary>
    public double[] ReliabilityShares { get; }

    public double[][] IndicatorDraws { get; }

    public double[][] DomainDraws { get; }

    /// <summary>The draws indicator by indicator: [i * replications + r], for <see cref="Aggregation.ScoreReplications"/>.</summary>
    public double[] IndicatorByReplication { get; }

    /// <summary>The draws domain by domain: [j * replications + r].</summary>
    public double[] DomainByReplication { get; }

    private static double[] ByReplication(double[][] draws, int count)
    {
        var result = new double[count * draws.Length];
        for (var r = 0; r < draws.Length; r++)
            for (var k = 0; k < count; k++) result[k * draws.Length + r] = draws[r][k];
        return result;
    }

    public static WeightDraws Generate(Catalogue catalogue, Methodology methodology)
    {
        var indicators = catalogue.Indicators.Select(i => i.Weight).ToArray();
        var domains = catalogue.Domains.Select(d => d.Weight).ToArray();
        var shares = ScoringEngine.ReliabilityWeights(indicators, catalogue.Indicators.Select(catalogue.DomainIndex).ToArray(), domains);
        var random = new ScoringRandom(ScoringRandom.Key(methodology.Seed, 0));
        var replications = Math.Max(0, methodology.Replications);
        var indicatorDraws = new double[replications][];
        var domainDraws = new double[replications][];
        for (var r = 0; r < replications; r++)
        {
            indicatorDraws[r] = indicators.Select(w => w * (1 + methodology.WeightPerturbation * (2 * random.NextDouble() - 1))).ToArray();
            domainDraws[r] = domains.Select(w => w * (1 + methodology.WeightPerturbation * (2 * random.NextDouble() - 1))).ToArray();
        }
        return new WeightDraws(indicators, domains, shares, indicatorDraws, domainDraws);
    }
}
