using RiskMap.Core.Indicators;

namespace RiskMap.Core.Forecasting;

/// <summary>
/// One count indicator at one level: the count of each unit in each quarter (NaN where not reported), each unit's latest
/// pupils (the exposure and the denominator of forecast rates) and its neighbours (indices into the units).
/// </summary>
public sealed class CountPanel
{
    public CountPanel(IReadOnlyList<string> units, IReadOnlyList<Quarter> periods, double[] counts, IReadOnlyList<double> pupils,
        IReadOnlyList<int[]> neighbours)
    {
        if (counts.Length != units.Count * periods.Count) throw new ArgumentException("One count per unit and quarter.", nameof(counts));
        if (pupils.Count != units.Count || neighbours.Count != units.Count) throw new ArgumentException("Pupils and neighbours per unit.");
        Units = units;
        Periods = periods;
        Counts = counts;
        Pupils = pupils;
        Neighbours = neighbours;
    }

    public IReadOnlyList<string> Units { get; }

    public IReadOnlyList<Quarter> Periods { get; }

    /// <summary>Unit-major: the count of unit u in quarter t is at u · Periods + t.</summary>
    public double[] Counts { get; }

    public IReadOnlyList<double> Pupils { get; }

    public IReadOnlyList<int[]> Neighbours { get; }

    public double Count(int unit, int period) => Counts[unit * Periods.Count + period];

    /// <summary>A unit counts as exposed when it has pupils: a rate and a model term need a denominator.</summary>
    public bool Observed(int unit, int period) => Pupils[unit] > 0 && !double.IsNaN(Count(unit, period));
}
