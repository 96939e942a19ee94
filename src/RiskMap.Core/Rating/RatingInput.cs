namespace RiskMap.Core.Rating;

/// <summary>
/// What the rating reads of one region or district in one quarter (null or zero counts: not known, see docs/rating.md).
/// </summary>
/// <param name="Score">The composite 0–10 risk score, with its 5–95 % interval (<paramref name="ScoreLow"/>–<paramref name="ScoreHigh"/>).</param>
/// <param name="ChangeYear">The score minus the score of the same quarter a year before; <paramref name="ClearChangeYear"/>: it exceeds its uncertainty.</param>
/// <param name="MeasuresDue">Programme measures with a deadline by the quarter's end; of them <paramref name="DoneOnTime"/> done by the deadline and
/// <paramref name="Overdue"/> not done at the quarter's end.</param>
/// <param name="EffectDifference">The mean over the programme targets of (target's change − comparison group's change) in score points.</param>
/// <param name="QuartersExpected">Quarters of the last four whose deliveries are judged (Core/Timeliness); <paramref name="QuartersOnTime"/> of them
/// with every expected delivery received on time.</param>
/// <param name="ValuesExpected">Per indicator of the catalogue, the unit's schools (indicators delivered for schools) or districts, summed;
/// <paramref name="ValuesWithData"/> of them with a stored value in the quarter.</param>
public sealed record RatingInput(
    string Code,
    double? Score, double? ScoreLow, double? ScoreHigh,
    double? ChangeYear, bool? ClearChangeYear,
    int MeasuresDue, int DoneOnTime, int Overdue,
    double? EffectDifference,
    int QuartersExpected, int QuartersOnTime,
    int ValuesExpected, int ValuesWithData);
