using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;

namespace RiskMap.Core.Scoring;

/// <summary>
/// The composite risk score, step by step (docs/methodology-1.0.md, riskmap-1.0): carry forward recent values, aggregate counts up
/// the levels, turn counts into Empirical-Bayes-smoothed rates, treat outliers, orient and normalise, aggregate
/// within and across domains, classify, rate reliability, rank with an uncertainty band, and compare with earlier
/// quarters. Pure: the same input always gives the same output.
/// </summary>
public static class ScoringEngine
{
    /// <summary>Scores with the method <see cref="Methodology.Version"/> names: riskmap-1.0 here, riskmap-2.0 in <see cref="ScoringEngine2"/>.</summary>
    public static ScoringResult Run(ScoringInput input, Methodology methodology)
    {
        CheckQuarters(input);
        if (methodology.Version == Methodology.Version2) return ScoringEngine2.Run(input, methodology);
        FillGaps(input, methodology);

        var treatments = new List<IndicatorTreatment>();
        var scores = new Dictionary<EntityLevel, IReadOnlyList<UnitScore>>
        {
            [EntityLevel.Region] = ScoreLevel(EntityLevel.Region, input.Regions, input, methodology, treatments),
            [EntityLevel.District] = ScoreLevel(EntityLevel.District, input.Districts, input, methodology, treatments),
            [EntityLevel.School] = ScoreLevel(EntityLevel.School, input.Schools, input, methodology, treatments),
        };
        return new ScoringResult(scores, treatments);
    }

    /// <summary>Steps 1 and 2: carry forward, then aggregate up, level by level from the schools.</summary>
    internal static void FillGaps(ScoringInput input, Methodology methodology)
    {
        var isCount = input.Catalogue.Indicators.Select(i => i.IsCount).ToArray();
        input.Schools.CarryForward(methodology.LookbackQuarters);
        input.Districts.AggregateFrom(input.Schools, isCount);
        input.Districts.CarryForward(methodology.LookbackQuarters);
        input.Regions.AggregateFrom(input.Districts, isCount);
        input.Regions.CarryForward(methodology.LookbackQuarters);
    }

    internal static void CheckQuarters(ScoringInput input)
    {
        for (var t = 1; t < input.Periods.Count; t++)
        {
            if (input.Periods[t] != input.Periods[t - 1].Next())
                throw new ArgumentException("The quarters must follow one another without gaps.", nameof(input));
        }
    }

    private static List<UnitScore> ScoreLevel(EntityLevel level, LevelData data, ScoringInput input, Methodology methodology, List<IndicatorTreatment> treatments)
    {
        var catalogue = input.Catalogue;
        var indicators = catalogue.Indicators;
        var m = indicators.Count;
        var n = data.Units;
        var indicatorWeights = indicators.Select(i => i.Weight).ToArray();
        var domainOf = indicators.Select(catalogue.DomainIndex).ToArray();
        var domainWeights = catalogue.Domains.Select(d => d.Weight).ToArray();
        var reliabilityWeights = ReliabilityWeights(indicatorWeights, domainOf, domainWeights);
        var isCount = indicators.Select(i => i.IsCount).ToArray();

        // Quarters are scored independently of one another (trends are taken afterwards), so in parallel.
        var periods = input.Periods.Count;
        var composites = new Composite?[periods][];
        var reliability = new double[periods][];
        var found = new List<IndicatorTreatment>[periods];
        var indicatorScores = new float[periods][];
        double[] latestNormalised = [];
        Parallel.For(0, periods, t =>
        {
            found[t] = [];
            var normalised = new double[n * m];
            Array.Fill(normalised, double.NaN);
            var applicable = new bool[m];
            for (var i = 0; i < m; i++)
            {
                var (units, values) = IndicatorValues(data, t, i, indicators[i].IsCount, methodology);
                if (units.Count == 0) continue;
                applicable[i] = true;
                var treatment = OutlierTreatment.Apply(values, methodology);
                if (treatment.Kind != TreatmentKind.None)
                    found[t].Add(new IndicatorTreatment(level, input.Periods[t], indicators[i].Code, treatment));
                var scaled = Normalisation.ToRiskScale(values, indicators[i].Direction, methodology.Normalisation);
                for (var k = 0; k < units.Count; k++) normalised[units[k] * m + i] = scaled[k];
            }

            composites[t] = new Composite?[n];
            reliability[t] = new double[n];
            for (var u = 0; u < n; u++)
            {
                composites[t][u] = Aggregation.Combine(normalised.AsSpan(u * m, m), indicatorWeights, domainOf, domainWeights);
                reliability[t][u] = Reliability(data, t, u, applicable, isCount, reliabilityWeights);
            }
            indicatorScores[t] = Array.ConvertAll(normalised, v => (float)v);
            if (t == periods - 1) latestNormalised = normalised;
        });
        foreach (var list in found) treatments.AddRange(list);
        var bands = periods > 0 && methodology.Replications > 0
            ? Ranking.Bands(latestNormalised, n, indicatorWeights, domainOf, domainWeights, methodology)
            : [];

        return Assemble(data, input.Periods, composites, indicatorScores, reliability, bands, methodology);
    }

    /// <summary>The units with a value in this quarter, and the values the method scores: smoothed rates for counts.</summary>
    private static (List<int> Units, double[] Values) IndicatorValues(LevelData data, int period, int indicator, bool isCount, Methodology methodology)
    {
        var units = new List<int>();
        var values = new List<double>();
        var denominators = new List<double>();
        for (var u = 0; u < data.Units; u++)
        {
            var cell = data.Cell(period, indicator, u);
            var value = data.Values[cell];
            if (double.IsNaN(value)) continue;
            if (isCount)
            {
                var denominator = data.DenominatorOf(cell, u);
                if (!(denominator > 0)) continue;
                denominators.Add(denominator);
            }
            units.Add(u);
            values.Add(value);
        }
        if (!isCount) return (units, values.ToArray());
        var rates = EmpiricalBayes.Smooth(values, denominators);
        for (var k = 0; k < rates.Length; k++) rates[k] *= methodology.RatePer;
        return (units, rates);
    }

    /// <summary>Each indicator's share of the whole weight: its weight within its domain times its domain's share.</summary>
    internal static double[] ReliabilityWeights(double[] indicatorWeights, int[] domainOf, double[] domainWeights)
    {
        var domainTotals = new double[domainWeights.Length];
        for (var i = 0; i < indicatorWeights.Length; i++) domainTotals[domainOf[i]] += indicatorWeights[i];
        var domainSum = domainWeights.Sum();
        return indicatorWeights.Select((w, i) => domainTotals[domainOf[i]] == 0 || domainSum == 0
            ? 0 : w / domainTotals[domainOf[i]] * domainWeights[domainOf[i]] / domainSum).ToArray();
    }

    /// <summary>
    /// 0–10, higher is more reliable (INFORM's index runs the other way): the weighted share of the indicators
    /// reported at this level that the unit has, counting a value carried forward from an earlier quarter as half.
    /// A count without a usable denominator is not scored, so it does not count either.
    /// </summary>
    private static double Reliability(LevelData data, int period, int unit, bool[] applicable, bool[] isCount, double[] weights)
    {
        double have = 0, total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (!applicable[i]) continue;
            total += weights[i];
            var cell = data.Cell(period, i, unit);
            if (double.IsNaN(data.Values[cell]) || (isCount[i] && !(data.DenominatorOf(cell, unit) > 0))) continue;
            have += data.IsStale(cell) ? weights[i] / 2 : weights[i];
        }
        return total == 0 ? 0 : 10 * have / total;
    }

    private static List<UnitScore> Assemble(LevelData data, IReadOnlyList<Quarter> periods, Composite?[][] composites, float[][] indicatorScores, double[][] reliability,
        RankBand?[] bands, Methodology methodology)
    {
        var results = new List<UnitScore>(data.Units * periods.Count);
        for (var t = 0; t < periods.Count; t++)
        {
            var scores = composites[t].Select(c => c?.Score ?? double.NaN).ToArray();
            var ranks = Ranking.Ranks(scores);
            var thresholds = methodology.Classification == ClassificationMethod.Quantiles
                ? RiskClasses.QuantileThresholds(scores.Where(s => !double.IsNaN(s)))
                : methodology.ClassThresholds;
            for (var u = 0; u < data.Units; u++)
            {
                var composite = composites[t][u];
                double? Change(int back) =>
                    composite is not null && t - back >= 0 && composites[t - back][u] is { } earlier ? composite.Score - earlier.Score : null;
                results.Add(new UnitScore(
                    data.Codes[u], periods[t], composite?.Score,
                    composite is null ? null : RiskClasses.ByThresholds(composite.Score, thresholds),
                    composite?.DomainScores ?? [], t == periods.Count - 1 ? composite?.Contributions ?? [] : [],
                    indicatorScores[t].AsSpan(u * data.Indicators, data.Indicators).ToArray(),
                    reliability[t][u], reliability[t][u] < methodology.ReliabilityThreshold,
                    ranks[u], Change(1), Change(4),
                    t == periods.Count - 1 && bands.Length > u ? bands[u] : null));
            }
        }
        return results;
    }
}
