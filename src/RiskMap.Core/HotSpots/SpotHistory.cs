namespace RiskMap.Core.HotSpots;

/// <summary>
/// What the category rules look at: a unit's spot in each quarter (a quarter without a value is <see cref="Spot.None"/>
/// and still counts as a quarter), the trend of its Gi* z-scores, and the α at which a trend is significant. The rules are
/// written for hot spots; <see cref="Mirrored"/> turns cold into hot and falls into rises, so one rule serves both.
/// </summary>
public sealed class SpotHistory
{
    private readonly Spot[] _spots;

    public SpotHistory(IReadOnlyList<Spot> spots, MannKendallTrend? trend, double alpha)
    {
        _spots = [.. spots];
        Trend = trend;
        Alpha = alpha;
    }

    public MannKendallTrend? Trend { get; }

    public double Alpha { get; }

    public int Quarters => _spots.Length;

    public int HotQuarters => _spots.Count(s => s == Spot.Hot);

    public bool FinalHot => _spots.Length > 0 && _spots[^1] == Spot.Hot;

    public bool EverCold => _spots.Contains(Spot.Cold);

    /// <summary>How many quarters at the end of the series are hot without a break.</summary>
    public int FinalHotRun
    {
        get
        {
            var run = 0;
            while (run < _spots.Length && _spots[^(run + 1)] == Spot.Hot) run++;
            return run;
        }
    }

    public bool Rising => Trend is { } trend && trend.RisesAt(Alpha);

    public bool Falling => Trend is { } trend && trend.FallsAt(Alpha);

    public SpotHistory Mirrored() => new(
        [.. _spots.Select(s => s switch { Spot.Hot => Spot.Cold, Spot.Cold => Spot.Hot, _ => Spot.None })],
        Trend?.Reversed(), Alpha);
}
