using RiskMap.Core.Geography;

namespace RiskMap.Core.Scoring;

/// <summary>
/// Methodology 2.0's Monte Carlo: in each of <see cref="Methodology.Replications"/> replications every unit's rate on
/// every count indicator is drawn from its Gamma posterior, its percentage on every share indicator from its Beta
/// posterior (<see cref="IndicatorPosterior"/>), and the weights are perturbed (<see cref="WeightDraws"/>); the
/// composite is recomputed with the fixed goalposts. Draw order: unit u of a level draws from its own stream keyed
/// (Seed, 1, level, u), quarter by quarter, replication by replication, count or share indicator in catalogue order
/// (only where the unit is scored on it): one Gamma draw for a count, two for a share. Streams belong to units, not
/// threads, so running in parallel does not change a single bit.
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
        var counts = Enumerable.Range(0, m).Where(i => fitted[i].HasPosterior).ToArray();
        // "High" is the fourth level: its lower bound is the third threshold.
        var high = thresholds.Count >= 3 ? thresholds[2] : double.PositiveInfinity;
        var scales = new DrawScale[m];
        foreach (var i in counts) scales[i] = new DrawScale(fitted[i].Goalpost!);
        var latest = new float[units * replications];
        Parallel.For(0, units, () => new Workspace(periods, replications, m, weights.Domains.Length, counts.Length), (u, _, work) =>
        {
            var random = new ScoringRandom(ScoringRandom.Key(methodology.Seed, 1, (long)level, u));
            for (var t = 0; t < periods; t++)
            {
                if (composites[t][u] is null) continue;
                // Every indicator keeps its score in every replication, except the counts and shares the unit is scored on, redrawn below.
                for (var i = 0; i < m; i++) work.Scores.AsSpan(i * replications, replications).Fill(normalised[t][u * m + i]);
                var redrawn = 0;
                foreach (var i in counts)
                {
                    var population = fitted[i].Population![t * units + u];
                    if (float.IsNaN(population)) continue;
                    var posterior = fitted[i].PosteriorAt(t * units + u);
                    work.Redrawn[redrawn] = i;
                    // Values that all score what 0 scores need not be drawn exactly (DrawScale, ScoringRandom.NextGamma).
                    work.Alike[redrawn] = posterior.AlikeUpTo(scales[i].FlatBelow);
                    work.Posteriors[redrawn++] = posterior;
                }
                for (var r = 0; r < replications; r++)
                    for (var k = 0; k < redrawn; k++)
                    {
                        var i = work.Redrawn[k];
                        work.Scores[i * replications + r] = scales[i].Score(work.Posteriors[k].Draw(ref random, work.Alike[k]));
                    }
                Aggregation.ScoreReplications(work.Scores, weights.IndicatorByReplication, domainOf, weights.DomainByReplication,
                    work.WeightedSum, work.WeightSum, work.Draws.AsSpan(t * replications, replications));
                uncertainty[t][u] = Summarise(work.Draws, t, replications, high, work.Scratch, composites, u);
            }
            if (composites[periods - 1][u] is null) latest.AsSpan(u * replications, replications).Fill(float.NaN);
            else for (var r = 0; r < replications; r++) latest[u * replications + r] = (float)work.Draws[(periods - 1) * replications + r];
            return work;
        }, _ => { });
        return new Outcome(uncertainty, RankBands(latest, units, replications));
    }

    /// <summary>One thread's buffers, reused from unit to unit: nothing is allocated per unit, quarter or replication.</summary>
    private sealed class Workspace(int periods, int replications, int indicators, int domains, int counts)
    {
        /// <summary>Each quarter's composite in every replication: [t * replications + r].</summary>
        public double[] Draws { get; } = new double[periods * replications];

        /// <summary>Each indicator's score in every replication: [i * replications + r].</summary>
        public double[] Scores { get; } = new double[indicators * replications];

        public double[] WeightedSum { get; } = new double[domains * replications];

        public double[] WeightSum { get; } = new double[domains * replications];

        public double[] Scratch { get; } = new double[replications];

        /// <summary>The count and share indicators redrawn in the current quarter, in catalogue order, and their posteriors.</summary>
        public int[] Redrawn { get; } = new int[counts];

        public IndicatorPosterior[] Posteriors { get; } = new IndicatorPosterior[counts];

        /// <summary>Per redrawn indicator, the Gamma value up to which every draw scores what 0 scores (<see cref="IndicatorPosterior.AlikeUpTo"/>).</summary>
        public double[] Alike { get; } = new double[counts];
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
            return Statistics.PercentileBeyondZero(scratch, 0.05, above: true) || Statistics.PercentileBeyondZero(scratch, 0.95, above: false);
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
        var ranks = new double[replications];
        for (var u = 0; u < units; u++)
        {
            if (latest[u * replications] == 0) continue;
            for (var r = 0; r < replications; r++) ranks[r] = latest[u * replications + r];
            static int Round(double x) => (int)Math.Round(x, MidpointRounding.AwayFromZero);
            bands[u] = new RankBand(Round(Statistics.PercentileUnsorted(ranks, 0.5)), Round(Statistics.PercentileUnsorted(ranks, 0.05)),
                Round(Statistics.PercentileUnsorted(ranks, 0.95)));
        }
        return bands;
    }
}
