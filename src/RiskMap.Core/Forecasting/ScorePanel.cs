namespace RiskMap.Core.Forecasting;

/// <summary>
/// The published composite scores of one level's units per quarter (NaN where none), the published risk level of each
/// (0 where none) and the lower bound of level 4 ("High") on the level's fixed scale.
/// </summary>
public sealed class ScorePanel
{
    public ScorePanel(IReadOnlyList<string> units, int periods, double[] scores, int[] levels, double highThreshold)
    {
        if (scores.Length != units.Count * periods || levels.Length != scores.Length)
            throw new ArgumentException("One score and one level per unit and quarter.", nameof(scores));
        Units = units;
        Periods = periods;
        Scores = scores;
        Levels = levels;
        HighThreshold = highThreshold;
    }

    public IReadOnlyList<string> Units { get; }

    public int Periods { get; }

    public double[] Scores { get; }

    public int[] Levels { get; }

    public double HighThreshold { get; }

    public double Score(int unit, int period) => Scores[unit * Periods + period];

    /// <summary>Published at level 4 (High) or 5 (Very high).</summary>
    public bool HighOrVeryHigh(int unit, int period) => Levels[unit * Periods + period] >= 4;
}
