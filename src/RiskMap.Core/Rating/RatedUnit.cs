namespace RiskMap.Core.Rating;

/// <summary>
/// One unit's rating: each component's 0–100 value (absent: missing, left out and the weights renormalised), the rating
/// (null: not rated, as the risk level is missing), its interval from the score's interval, its rank (1 = best) and its
/// rank band (the ranks its interval allows against the others' intervals).
/// </summary>
public sealed record RatedUnit(
    string Code, IReadOnlyDictionary<RatingComponent, double> Components, IReadOnlyList<RatingComponent> Missing,
    double? Rating, double? RatingLow, double? RatingHigh, int? Rank, int? RankBest, int? RankWorst);
