namespace RiskMap.Core.Scoring;

/// <summary>
/// A count indicator's fixed scale (<see cref="Goalpost.Scale"/>) as the Monte Carlo applies it to its drawn rates, with
/// the clamps taken first: every rate up to <see cref="FlatBelow"/> scores exactly what a rate of 0 scores, every rate
/// from <see cref="FlatAbove"/> on exactly what the largest rates score, and only the rates between run the scale's
/// transform. The two bounds are found once by bisection, which is exact because the scale is monotone in the rate (a
/// negation, a log, a clamp and a division by a constant), so the scores are the scale's bit for bit.
/// </summary>
public readonly struct DrawScale
{
    private readonly Goalpost _goalpost;
    private readonly double _lowScore, _highScore;

    public DrawScale(Goalpost goalpost)
    {
        _goalpost = goalpost;
        var (lowScore, highScore) = (Score(goalpost, 0), Score(goalpost, double.MaxValue));
        (_lowScore, _highScore) = (lowScore, highScore);
        FlatBelow = LastOfPrefix(0, double.MaxValue, v => Score(goalpost, v) == lowScore);
        FlatAbove = Math.BitIncrement(LastOfPrefix(FlatBelow, double.MaxValue, v => Score(goalpost, v) != highScore));
    }

    /// <summary>The largest rate (per <see cref="Methodology.RatePer"/> pupils) that scores what 0 scores.</summary>
    public double FlatBelow { get; }

    /// <summary>The smallest rate that scores what the largest rates score.</summary>
    public double FlatAbove { get; }

    public double Score(double rate) => rate <= FlatBelow ? _lowScore : rate >= FlatAbove ? _highScore : _goalpost.Scale(rate).Score;

    private static double Score(Goalpost goalpost, double rate) => goalpost.Scale(rate).Score;

    /// <summary>
    /// The last non-negative double in [<paramref name="from"/>, <paramref name="to"/>] for which <paramref name="holds"/>,
    /// given that it holds at <paramref name="from"/>, not at <paramref name="to"/>, and once false stays false:
    /// non-negative doubles are ordered as their bit patterns, so the bisection runs on those (at most 64 steps).
    /// </summary>
    private static double LastOfPrefix(double from, double to, Func<double, bool> holds)
    {
        var (low, high) = (BitConverter.DoubleToInt64Bits(from), BitConverter.DoubleToInt64Bits(to));
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (holds(BitConverter.Int64BitsToDouble(middle))) low = middle;
            else high = middle;
        }
        return BitConverter.Int64BitsToDouble(low);
    }
}
