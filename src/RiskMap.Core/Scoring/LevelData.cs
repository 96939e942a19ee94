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
        Age = new byte[cells];
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

    /// <summary>Quarters between the value's quarter and the quarter it stands in: 0 when reported for that quarter.</summary>
    public byte[] Age { get; }

    /// <summary>A value carried forward from an earlier quarter (or built from such values).</summary>
    public bool IsStale(int cell) => Age[cell] > 0;

    /// <summary>The denominator a count is divided by: the observation's own, else the unit's pupils.</summary>
    public double DenominatorOf(int cell, int unit) => double.IsNaN(Denominators[cell]) ? Pupils[unit] : Denominators[cell];

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
        var age = new byte[Units];
        for (var t = 0; t < Periods; t++)
        {
            for (var i = 0; i < Indicators; i++)
            {
                Array.Clear(sums);
                Array.Clear(weights);
                Array.Clear(reported);
                Array.Clear(age);
                for (var c = 0; c < children.Units; c++)
                {
                    var p = parentOf[c];
                    var childCell = children.Cell(t, i, c);
                    var value = children.Values[childCell];
                    if (p < 0 || double.IsNaN(value)) continue;
                    var denominator = children.DenominatorOf(childCell, c);
                    sums[p] += isCount[i] ? value : value * denominator;
                    weights[p] += denominator;
                    reported[p] = true;
                    age[p] = Math.Max(age[p], children.Age[childCell]);
                }
                for (var u = 0; u < Units; u++)
                {
                    var cell = Cell(t, i, u);
                    if (!reported[u] || !double.IsNaN(Values[cell]) || weights[u] <= 0) continue;
                    Values[cell] = isCount[i] ? sums[u] : sums[u] / weights[u];
                    Denominators[cell] = isCount[i] ? weights[u] : double.NaN;
                    Age[cell] = age[u];
                }
            }
        }
    }

    /// <summary>
    /// A value missing in a quarter takes the latest one from up to <paramref name="quarters"/> quarters back, marked
    /// stale. Ages add up, so a value built from carried values is never used beyond the look-back either.
    /// </summary>
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
                        if (Age[earlier] + back <= quarters)
                        {
                            Values[cell] = Values[earlier];
                            Denominators[cell] = Denominators[earlier];
                            Age[cell] = (byte)(Age[earlier] + back);
                        }
                        break;
                    }
                }
            }
        }
    }
}
