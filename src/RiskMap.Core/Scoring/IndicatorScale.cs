namespace RiskMap.Core.Scoring;

/// <summary>
/// One indicator at one level under methodology 2.0: the value each unit is scored on in each quarter (the posterior
/// mean rate per <see cref="Methodology.RatePer"/> pupils for a count, the posterior mean percentage for a share, the
/// reported value — or its mean over the rolling window — otherwise), the events and population behind a count or a
/// share for the posterior draws, and the scale fixed from the reference period — or why the indicator is dropped at
/// this level.
/// </summary>
public sealed class IndicatorScale
{
    private IndicatorScale(int cells)
    {
        Point = new double[cells];
        Array.Fill(Point, double.NaN);
    }

    /// <summary>Per quarter and unit (<c>t * units + u</c>); NaN where the unit is not scored on the indicator.</summary>
    public double[] Point { get; }

    /// <summary>
    /// For a count: events and population, for a share: pupils with the trait and pupils (summed over the rolling window),
    /// per quarter and unit; NaN where the unit is not scored.
    /// </summary>
    public float[]? Events { get; private set; }

    public float[]? Population { get; private set; }

    public RatePrior? Prior { get; private set; }

    public SharePrior? SharePrior { get; private set; }

    private double _ratePer;

    /// <summary>Whether the Monte Carlo redraws this indicator from each unit's posterior (a count or a share that is scored).</summary>
    public bool HasPosterior => Goalpost is not null && Population is not null;

    /// <summary>The posterior of the unit and quarter at <paramref name="cell"/> (<c>t * units + u</c>), on the scale of <see cref="Point"/>.</summary>
    public IndicatorPosterior PosteriorAt(int cell) => SharePrior is { } share
        ? share.PosteriorOf(Events![cell], Population![cell])
        : Prior!.PosteriorOf(Events![cell], Population![cell], _ratePer);

    public Goalpost? Goalpost { get; private set; }

    public DropReason? Dropped { get; private set; }

    private bool[] _scoredIn = [];

    /// <summary>Whether the level is scored on this indicator in quarter <paramref name="t"/> (by at least one unit).</summary>
    public bool ScoredIn(int t) => Goalpost is not null && _scoredIn[t];

    public static IndicatorScale Fit(LevelData data, int indicator, IndicatorSpec spec, Range reference, Methodology methodology)
    {
        var (n, periods) = (data.Units, data.Periods);
        var scale = new IndicatorScale(periods * n);
        double? countMean = null;
        var window = methodology.RollingIndicators.Contains(spec.Code) ? methodology.RollingQuarters : 1;
        if (spec.IsCount)
        {
            scale.FitCounts(data, indicator, window, reference, methodology);
            if (scale.Dropped is not null) return scale;
            countMean = scale.Prior!.Mean * methodology.RatePer;
        }
        else if (methodology.ShareIndicators.Contains(spec.Code))
        {
            scale.FitShares(data, indicator, window, reference, methodology);
            if (scale.Dropped is not null) return scale;
        }
        else
        {
            for (var t = 0; t < periods; t++)
                for (var u = 0; u < n; u++)
                    scale.Point[t * n + u] = WindowMean(data, indicator, u, t, window);
        }

        var referenceValues = new List<double>();
        for (var t = reference.Start.Value; t < reference.End.Value; t++)
            for (var u = 0; u < n; u++)
                if (!double.IsNaN(scale.Point[t * n + u])) referenceValues.Add(scale.Point[t * n + u]);
        if (referenceValues.Count == 0) return scale.Drop(spec.IsCount ? DropReason.TooFewExpectedEvents : DropReason.NotInReference);
        scale.Goalpost = Goalpost.Fit(referenceValues, spec.Direction, countMean, methodology);
        if (scale.Goalpost is null) return scale.Drop(DropReason.NoVariation);
        scale._scoredIn = Enumerable.Range(0, periods).Select(t => scale.Point.AsSpan(t * n, n).ContainsAnyExcept(double.NaN)).ToArray();
        return scale;
    }

    /// <summary>
    /// A non-count value over the window: the mean of the quarters' values (carried ones standing in for their quarter),
    /// each weighted by its denominator; NaN when none of them has a value. A window of 1 is the quarter's own value.
    /// </summary>
    private static double WindowMean(LevelData data, int indicator, int unit, int t, int window)
    {
        double sum = 0, weights = 0;
        for (var back = 0; back < window && t - back >= 0; back++)
        {
            var cell = data.Cell(t - back, indicator, unit);
            var denominator = data.DenominatorOf(cell, unit);
            if (double.IsNaN(data.Values[cell]) || !(denominator > 0)) continue;
            sum += data.Values[cell] * denominator;
            weights += denominator;
        }
        return weights > 0 ? sum / weights : double.NaN;
    }

    /// <summary>
    /// Events and population over the window, the prior from the reference quarters pooled, and the posterior mean for
    /// every unit whose expected count reaches the minimum.
    /// </summary>
    private void FitCounts(LevelData data, int indicator, int window, Range reference, Methodology methodology)
    {
        var (events, population) = WindowTotals(data, indicator, window, share: false);
        var (referenceEvents, referencePopulation) = ReferenceCells(events, population, data.Units, reference);
        if (referenceEvents.Count == 0)
        {
            Drop(DropReason.NotInReference);
            return;
        }
        Prior = RatePrior.Estimate(referenceEvents, referencePopulation, methodology.MinimumPriorCv);
        if (!Prior.HasSignal)
        {
            Drop(DropReason.NoSignalBeyondChance);
            return;
        }
        for (var k = 0; k < events.Length; k++)
        {
            if (float.IsNaN(population[k]) || Prior.Mean * population[k] < methodology.MinimumExpectedCount)
            {
                events[k] = float.NaN;
                population[k] = float.NaN;
                continue;
            }
            Point[k] = Prior.PosteriorMean(events[k], population[k]) * methodology.RatePer;
        }
        (Events, Population, _ratePer) = (events, population, methodology.RatePer);
    }

    /// <summary>
    /// A share as a beta-binomial: pupils with the trait (p·n/100) and pupils over the window, the Beta prior from the
    /// reference quarters pooled, and the posterior mean percentage for every unit with pupils behind its share.
    /// </summary>
    private void FitShares(LevelData data, int indicator, int window, Range reference, Methodology methodology)
    {
        var (successes, pupils) = WindowTotals(data, indicator, window, share: true);
        var (referenceSuccesses, referencePupils) = ReferenceCells(successes, pupils, data.Units, reference);
        if (referenceSuccesses.Count == 0)
        {
            Drop(DropReason.NotInReference);
            return;
        }
        SharePrior = SharePrior.Estimate(referenceSuccesses, referencePupils, methodology.MinimumPriorCv);
        if (!SharePrior.HasSignal)
        {
            Drop(DropReason.NoSignalBeyondChance);
            return;
        }
        for (var k = 0; k < successes.Length; k++)
            if (!float.IsNaN(pupils[k])) Point[k] = SharePrior.PosteriorMean(successes[k], pupils[k]) * SharePrior.Percent;
        (Events, Population) = (successes, pupils);
    }

    /// <summary>
    /// Per quarter and unit, the events (for a share: the pupils with the trait, its percentage of the denominator,
    /// held within 0–100 %) and the denominators summed over the window; values carried forward stand in for their
    /// quarter. NaN where no quarter of the window has a value.
    /// </summary>
    private static (float[] Events, float[] Population) WindowTotals(LevelData data, int indicator, int window, bool share)
    {
        var (n, periods) = (data.Units, data.Periods);
        var events = new float[periods * n];
        var population = new float[periods * n];
        Array.Fill(events, float.NaN);
        Array.Fill(population, float.NaN);
        for (var t = 0; t < periods; t++)
            for (var u = 0; u < n; u++)
            {
                double e = 0, people = 0;
                for (var back = 0; back < window && t - back >= 0; back++)
                {
                    var cell = data.Cell(t - back, indicator, u);
                    var denominator = data.DenominatorOf(cell, u);
                    var value = data.Values[cell];
                    if (double.IsNaN(value) || !(denominator > 0)) continue;
                    e += share ? Math.Clamp(value, 0, SharePrior.Percent) / SharePrior.Percent * denominator : value;
                    people += denominator;
                }
                if (people > 0) (events[t * n + u], population[t * n + u]) = ((float)e, (float)people);
            }
        return (events, population);
    }

    /// <summary>The events and populations of every unit and reference quarter that has one, for the prior.</summary>
    private static (List<double> Events, List<double> Population) ReferenceCells(float[] events, float[] population, int n, Range reference)
    {
        var referenceEvents = new List<double>();
        var referencePopulation = new List<double>();
        for (var t = reference.Start.Value; t < reference.End.Value; t++)
            for (var u = 0; u < n; u++)
                if (!float.IsNaN(population[t * n + u]))
                {
                    referenceEvents.Add(events[t * n + u]);
                    referencePopulation.Add(population[t * n + u]);
                }
        return (referenceEvents, referencePopulation);
    }

    private IndicatorScale Drop(DropReason reason)
    {
        Dropped = reason;
        Goalpost = null;
        Array.Fill(Point, double.NaN);
        return this;
    }
}
