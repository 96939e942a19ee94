namespace RiskMap.Core.Scoring;

/// <summary>
/// The observations of one level (all its units, indicators and quarters) in flat arrays, fast enough for a million
/// schools. A missing value is NaN. Each unit names its parent at the next level up and its pupils.
/// </summary>
public sealed class LevelData
{
    public LevelData(IReadOnlyList<string> codes, IReadOnlyList<string?> parents, IReadOnlyList<double> pupils, int indicators, int periods)
    {
        Codes = codes;
        Parents = parents;
        Pupils = pupils;
        Indicators = indicators;
        Periods = periods;
        var cells = codes.Count * indicators * periods;
        Values = new double[cells];
        Denominators = new double[cells];
        Stale = new bool[cells];
        Array.Fill(Values, double.NaN);
        Array.Fill(Denominators, double.NaN);
        _unitIndex = new Dictionary<string, int>(codes.Count, StringComparer.Ordinal);
        for (var u = 0; u < codes.Count; u++) _unitIndex[codes[u]] = u;
    }

    private readonly Dictionary<string, int> _unitIndex;

    public IReadOnlyList<string> Codes { get; }

    public IReadOnlyList<string?> Parents { get; }

    public IReadOnlyList<double> Pupils { get; }

    public int Units => Codes.Count;

    public int Indicators { get; }

    public int Periods { get; }

    public double[] Values { get; }

    public double[] Denominators { get; }

    /// <summary>True where the value was carried forward from an earlier quarter.</summary>
    public bool[] Stale { get; }

    public int Cell(int period, int indicator, int unit) => (period * Indicators + indicator) * Units + unit;

    public bool TryGetUnit(string code, out int unit) => _unitIndex.TryGetValue(code, out unit);

    public void Set(int period, int indicator, int unit, double value, double? denominator)
    {
        var cell = Cell(period, indicator, unit);
        Values[cell] = value;
        Denominators[cell] = denominator ?? double.NaN;
    }

    /// <summary>
    /// Fills cells this level has no value for from its children: counts and their denominators are summed, other
    /// values averaged with the children's pupils as weights. A district's rate is therefore its schools' events over
    /// its schools' pupils, never an average of school scores.
    /// </summary>
    public void AggregateFrom(LevelData children, IReadOnlyList<bool> isCount)
    {
        var parentOf = new int[children.Units];
        for (var c = 0; c < children.Units; c++)
            parentOf[c] = children.Parents[c] is { } code && TryGetUnit(code, out var p) ? p : -1;

        var sums = new double[Units];
        var weights = new double[Units];
        var reported = new bool[Units];
        var stale = new bool[Units];
        for (var t = 0; t < Periods; t++)
        {
            for (var i = 0; i < Indicators; i++)
            {
                Array.Clear(sums);
                Array.Clear(weights);
                Array.Clear(reported);
                Array.Clear(stale);
                for (var c = 0; c < children.Units; c++)
                {
                    var p = parentOf[c];
                    var childCell = children.Cell(t, i, c);
                    var value = children.Values[childCell];
                    if (p < 0 || double.IsNaN(value)) continue;
                    var denominator = double.IsNaN(children.Denominators[childCell]) ? children.Pupils[c] : children.Denominators[childCell];
                    sums[p] += isCount[i] ? value : value * denominator;
                    weights[p] += denominator;
                    reported[p] = true;
                    stale[p] |= children.Stale[childCell];
                }
                for (var u = 0; u < Units; u++)
                {
                    var cell = Cell(t, i, u);
                    if (!reported[u] || !double.IsNaN(Values[cell]) || weights[u] <= 0) continue;
                    Values[cell] = isCount[i] ? sums[u] : sums[u] / weights[u];
                    Denominators[cell] = isCount[i] ? weights[u] : double.NaN;
                    Stale[cell] = stale[u];
                }
            }
        }
    }

    /// <summary>A value missing in a quarter takes the latest one from up to <paramref name="quarters"/> quarters back, marked stale.</summary>
    public void CarryForward(int quarters)
    {
        // Latest quarter first, so that a value carried into a quarter is never carried again from there.
        for (var t = Periods - 1; t >= 1; t--)
        {
            for (var i = 0; i < Indicators; i++)
            {
                for (var u = 0; u < Units; u++)
                {
                    var cell = Cell(t, i, u);
                    if (!double.IsNaN(Values[cell])) continue;
                    for (var back = 1; back <= quarters && t - back >= 0; back++)
                    {
                        var earlier = Cell(t - back, i, u);
                        if (double.IsNaN(Values[earlier])) continue;
                        Values[cell] = Values[earlier];
                        Denominators[cell] = Denominators[earlier];
                        Stale[cell] = true;
                        break;
                    }
                }
            }
        }
    }
}
