using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;

namespace RiskMap.Core.Scoring;

/// <summary>
/// Methodology riskmap-2.0 (docs/methodology.md): the scale of every indicator, its Empirical Bayes prior, its outlier
/// treatment and the level thresholds are fixed from a reference period, so an unchanged input keeps its score; rare
/// counts are taken over four quarters and need a minimum expected count; shares are beta-binomial; uncertainty comes
/// from posterior draws of the counts and shares as well as from the weights; reliability measures coverage. Pure and
/// reproducible bit for bit.
/// </summary>
public static class ScoringEngine2
{
    public static ScoringResult Run(ScoringInput input, Methodology methodology)
    {
        var reference = ReferencePeriod(input.Periods, methodology);
        var reportedSchools = Coverage.Reported(input.Schools);
        var reportedDistricts = Coverage.Reported(input.Districts);
        var reportedRegions = Coverage.Reported(input.Regions);
        ScoringEngine.FillGaps(input, methodology);
        var lookback = methodology.LookbackQuarters;
        var schoolCoverage = Coverage.Of(input.Schools, reportedSchools, lookback, null);
        var districtCoverage = Coverage.Of(input.Districts, reportedDistricts, lookback, (input.Schools, schoolCoverage));
        var regionCoverage = Coverage.Of(input.Regions, reportedRegions, lookback, (input.Districts, districtCoverage));

        var weights = WeightDraws.Generate(input.Catalogue, methodology);
        var levels = new[]
        {
            (EntityLevel.Region, input.Regions, regionCoverage),
            (EntityLevel.District, input.Districts, districtCoverage),
            (EntityLevel.School, input.Schools, schoolCoverage),
        };
        var scores = new Dictionary<EntityLevel, IReadOnlyList<UnitScore>>();
        var references = new List<LevelReference>();
        foreach (var (level, data, coverage) in levels)
        {
            var (results, levelReference) = ScoreLevel(level, data, coverage, input, reference, weights, methodology);
            scores[level] = results;
            references.Add(levelReference);
        }
        return new ScoringResult(scores, [], references);
    }

    /// <summary>The positions of the reference quarters in the input: <see cref="Methodology.ReferenceQuarters"/> from <see cref="Methodology.ReferenceFrom"/>.</summary>
    public static Range ReferencePeriod(IReadOnlyList<Quarter> periods, Methodology methodology)
    {
        var start = 0;
        if (methodology.ReferenceFrom is { } from)
        {
            if (!Quarter.TryParse(from, out var first) || (start = IndexOf(periods, first)) < 0)
                throw new ArgumentException($"The reference period starts at {from}, which is not among the quarters scored.", nameof(methodology));
        }
        if (methodology.ReferenceQuarters < 1) throw new ArgumentException("The reference period needs at least one quarter.", nameof(methodology));
        return new Range(start, Math.Min(periods.Count, start + methodology.ReferenceQuarters));
    }

    private static int IndexOf(IReadOnlyList<Quarter> periods, Quarter quarter)
    {
        for (var t = 0; t < periods.Count; t++)
            if (periods[t] == quarter) return t;
        return -1;
    }

    private static (List<UnitScore>, LevelReference) ScoreLevel(EntityLevel level, LevelData data, double[] coverage, ScoringInput input, Range reference,
        WeightDraws weights, Methodology methodology)
    {
        var catalogue = input.Catalogue;
        var indicators = catalogue.Indicators;
        var (m, n, periods) = (indicators.Count, data.Units, input.Periods.Count);
        var domainOf = indicators.Select(catalogue.DomainIndex).ToArray();
        var referenceQuarters = input.Periods.Take(reference).ToArray();

        var fitted = new IndicatorScale[m];
        Parallel.For(0, m, i => fitted[i] = IndicatorScale.Fit(data, i, indicators[i], reference, methodology));
        var dropped = new List<IndicatorDrop>();
        for (var i = 0; i < m; i++)
            if (fitted[i].Dropped is { } reason) dropped.Add(new IndicatorDrop(level, indicators[i].Code, reason));

        var normalised = new double[periods][];
        var outOfRange = new bool[periods][];
        var composites = new Composite?[periods][];
        Parallel.For(0, periods, t =>
        {
            normalised[t] = new double[n * m];
            outOfRange[t] = new bool[n * m];
            Array.Fill(normalised[t], double.NaN);
            for (var i = 0; i < m; i++)
            {
                if (fitted[i].Goalpost is not { } goalpost) continue;
                for (var u = 0; u < n; u++)
                {
                    var value = fitted[i].Point[t * n + u];
                    if (double.IsNaN(value)) continue;
                    (normalised[t][u * m + i], outOfRange[t][u * m + i]) = goalpost.Scale(value);
                }
            }
            composites[t] = new Composite?[n];
            for (var u = 0; u < n; u++)
                composites[t][u] = Aggregation.Combine(normalised[t].AsSpan(u * m, m), weights.Indicators, domainOf, weights.Domains);
        });

        var pooled = new List<double>();
        for (var t = reference.Start.Value; t < reference.End.Value; t++)
            foreach (var c in composites[t])
                if (c is not null) pooled.Add(c.Score);
        var thresholds = RiskClasses.QuantileThresholds(pooled);
        var margin = LevelHysteresis.Margin(composites, reference);
        var published = LevelHysteresis.Levels(composites, thresholds, margin);

        var simulation = PosteriorSimulation.Run(level, n, normalised, composites, fitted, weights, domainOf, thresholds, methodology);
        var reliability = Reliability(data, coverage, fitted, weights);
        var results = new List<UnitScore>(n * periods);
        for (var t = 0; t < periods; t++)
        {
            var ranks = Ranking.Ranks(composites[t].Select(c => c?.Score ?? double.NaN).ToArray());
            for (var u = 0; u < n; u++)
            {
                var composite = composites[t][u];
                double? Change(int back) =>
                    composite is not null && t - back >= 0 && composites[t - back][u] is { } earlier ? composite.Score - earlier.Score : null;
                var flags = outOfRange[t].AsSpan(u * m, m);
                results.Add(new UnitScore(
                    data.Codes[u], input.Periods[t], composite?.Score,
                    published[t][u],
                    composite?.DomainScores ?? [], t == periods - 1 ? composite?.Contributions ?? [] : [],
                    Array.ConvertAll(normalised[t][(u * m)..(u * m + m)], v => (float)v),
                    reliability[t * n + u], reliability[t * n + u] < methodology.ReliabilityThreshold,
                    ranks[u], Change(1), Change(4),
                    t == periods - 1 ? simulation.Bands[u] : null,
                    simulation.Uncertainty[t][u],
                    flags.Contains(true) ? flags.ToArray() : null));
            }
        }
        var levelReference = new LevelReference(level, referenceQuarters, thresholds,
            Enumerable.Range(0, m).Where(i => fitted[i].Goalpost is not null).ToDictionary(i => indicators[i].Code, i => fitted[i].Goalpost!),
            Enumerable.Range(0, m).Where(i => fitted[i].Prior is not null).ToDictionary(i => indicators[i].Code, i => fitted[i].Prior!),
            Enumerable.Range(0, m).Where(i => fitted[i].SharePrior is not null).ToDictionary(i => indicators[i].Code, i => fitted[i].SharePrior!),
            dropped, margin);
        return (results, levelReference);
    }

    /// <summary>
    /// 0–10, higher is more reliable: the weighted mean coverage (<see cref="Coverage"/>) over the indicators the level is
    /// scored on in the quarter; an indicator the unit is not scored on (missing, or too few expected events) counts 0.
    /// </summary>
    private static double[] Reliability(LevelData data, double[] coverage, IndicatorScale[] fitted, WeightDraws weights)
    {
        var (n, m) = (data.Units, fitted.Length);
        var shares = weights.ReliabilityShares;
        var result = new double[data.Periods * n];
        for (var t = 0; t < data.Periods; t++)
        {
            var total = 0.0;
            for (var i = 0; i < m; i++)
                if (fitted[i].ScoredIn(t)) total += shares[i];
            if (total == 0) continue;
            for (var u = 0; u < n; u++)
            {
                var have = 0.0;
                for (var i = 0; i < m; i++)
                    if (fitted[i].Goalpost is not null && !double.IsNaN(fitted[i].Point[t * n + u])) have += shares[i] * coverage[data.Cell(t, i, u)];
                result[t * n + u] = 10 * have / total;
            }
        }
        return result;
    }
}
