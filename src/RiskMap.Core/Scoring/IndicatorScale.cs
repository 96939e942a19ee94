namespace RiskMap.Core.Scoring;

/// <summary>
/// One indicator at one level under methodology 2.0: the value each unit is scored on in each quarter (the posterior
/// mean rate per <see cref="Methodology.RatePer"/> pupils for a count, the reported value — or its mean over the rolling
/// window — otherwise), the events and
/// population behind a count for the posterior draws, and the scale fixed from the reference period — or why the
/// indicator is dropped at this level.
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

    /// <summary>For a count: events and population (summed over the rolling window) per quarter and unit.</summary>
    public float[]? Events { get; private set; }

    public float[]? Population { get; private set; }

    public RatePrior? Prior { get; private set; }

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
    /// Events and population over the window (values carried forward stand in for their quarter), the prior from the
    /// reference quarters pooled, and the posterior mean for every unit whose expected count reaches the minimum.
    /// </summary>
    private void FitCounts(LevelData data, int indicator, int window, Range reference, Methodology methodology)
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
                    if (double.IsNaN(data.Values[cell]) || !(denominator > 0)) continue;
                    e += data.Values[cell];
                    people += denominator;
                }
                if (people > 0) (events[t * n + u], population[t * n + u]) = ((float)e, (float)people);
            }

        var referenceEvents = new List<double>();
        var referencePopulation = new List<double>();
        for (var t = reference.Start.Value; t < reference.End.Value; t++)
            for (var u = 0; u < n; u++)
                if (!float.IsNaN(population[t * n + u]))
                {
                    referenceEvents.Add(events[t * n + u]);
                    referencePopulation.Add(population[t * n + u]);
                }
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
        Events = events;
        Population = population;
    }

    private IndicatorScale Drop(DropReason reason)
    {
        Dropped = reason;
        Goalpost = null;
        Array.Fill(Point, double.NaN);
        return this;
    }
}
