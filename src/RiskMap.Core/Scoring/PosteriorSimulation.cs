using RiskMap.Core.Geography;

namespace RiskMap.Core.Scoring;

/// <summary>
/// Methodology 2.0's Monte Carlo: in each of <see cref="Methodology.Replications"/> replications every unit's rate on
/// every count indicator is drawn from its Gamma posterior and the weights are perturbed (<see cref="WeightDraws"/>);
/// the composite is recomputed with the fixed goalposts. Draw order: unit u of a level draws from its own stream keyed
/// (Seed, 1, level, u), quarter by quarter, replication by replication, count indicator by count indicator in
/// catalogue order (only where the unit is scored on it). Streams belong to units, not threads, so running in
/// parallel does not change a single bit.
/// </summary>
public static class PosteriorSimulation
{
    public sealed record Outcome(ScoreUncertainty?[][] Uncertainty, RankBand?[] Bands);

    public static Outcome Run(EntityLevel level, int units, double[][] normalised, Composite?[][] composites, IndicatorScale[] fitted,
        WeightDraws weights, int[] domainOf, IReadOnlyList<double> thresholds, Methodology methodology)
    {
        var periods = composites.Length;
        var replications = weights.IndicatorDraws.Length;
        var uncertainty = new ScoreUncertainty?[periods][];
        for (var t = 0; t < periods; t++) uncertainty[t] = new ScoreUncertainty?[units];
        if (replications == 0 || periods == 0) return new Outcome(uncertainty, new RankBand?[units]);

        var m = fitted.Length;
        var counts = Enumerable.Range(0, m).Where(i => fitted[i].Goalpost is not null && fitted[i].Prior is not null).ToArray();
        // "High" is the fourth level: its lower bound is the third threshold.
        var high = thresholds.Count >= 3 ? thresholds[2] : double.PositiveInfinity;
        var latest = new float[units * replications];
        Parallel.For(0, units, () => (new double[periods * replications], new double[m], new double[replications]), (u, _, buffers) =>
        {
            var (draws, scores, scratch) = buffers;
            var random = new ScoringRandom(ScoringRandom.Key(methodology.Seed, 1, (long)level, u));
            for (var t = 0; t < periods; t++)
            {
                if (composites[t][u] is null) continue;
                // Only the counts the unit is scored on are redrawn; every other score stays as it is.
                normalised[t].AsSpan(u * m, m).CopyTo(scores);
                for (var r = 0; r < replications; r++)
                {
                    foreach (var i in counts)
                    {
                        var population = fitted[i].Population![t * units + u];
                        if (float.IsNaN(population)) continue;
                        var rate = fitted[i].Prior!.Draw(fitted[i].Events![t * units + u], population, ref random) * methodology.RatePer;
                        scores[i] = fitted[i].Goalpost!.Scale(rate).Score;
                    }
                    draws[t * replications + r] = Aggregation.Score(scores, weights.IndicatorDraws[r], domainOf, weights.DomainDraws[r]);
                }
                uncertainty[t][u] = Summarise(draws, t, replications, high, scratch, composites, u);
            }
            if (composites[periods - 1][u] is null) latest.AsSpan(u * replications, replications).Fill(float.NaN);
            else for (var r = 0; r < replications; r++) latest[u * replications + r] = (float)draws[(periods - 1) * replications + r];
            return buffers;
        }, _ => { });
        return new Outcome(uncertainty, RankBands(latest, units, replications));
    }

    private static ScoreUncertainty Summarise(double[] draws, int t, int replications, double high, double[] scratch, Composite?[][] composites, int u)
    {
        var own = draws.AsSpan(t * replications, replications);
        own.CopyTo(scratch);
        var inHigh = 0;
        foreach (var d in own)
            if (d >= high) inHigh++;
        return new ScoreUncertainty(Statistics.PercentileUnsorted(scratch, 0.05), Statistics.PercentileUnsorted(scratch, 0.95),
            (double)inHigh / replications, Clear(1), Clear(4));

        bool? Clear(int back)
        {
            if (t - back < 0 || composites[t - back][u] is null) return null;
            for (var r = 0; r < replications; r++) scratch[r] = draws[t * replications + r] - draws[(t - back) * replications + r];
            return Statistics.PercentileUnsorted(scratch, 0.05) > 0 || Statistics.PercentileUnsorted(scratch, 0.95) < 0;
        }
    }

    /// <summary>Each replication's ranks (competition ranking, 1 = riskiest); each unit's median and 5th–95th percentile rank, rounded half away from zero.</summary>
    private static RankBand?[] RankBands(float[] latest, int units, int replications)
    {
        Parallel.For(0, replications, r =>
        {
            var column = new double[units];
            for (var u = 0; u < units; u++) column[u] = latest[u * replications + r];
            var ranks = Ranking.Ranks(column);
            for (var u = 0; u < units; u++) latest[u * replications + r] = ranks[u];
        });
        var bands = new RankBand?[units];
        var sorted = new double[replications];
        for (var u = 0; u < units; u++)
        {
            if (latest[u * replications] == 0) continue;
            for (var r = 0; r < replications; r++) sorted[r] = latest[u * replications + r];
            Array.Sort(sorted);
            static int Round(double x) => (int)Math.Round(x, MidpointRounding.AwayFromZero);
            bands[u] = new RankBand(Round(Statistics.Percentile(sorted, 0.5)), Round(Statistics.Percentile(sorted, 0.05)), Round(Statistics.Percentile(sorted, 0.95)));
        }
        return bands;
    }
}
