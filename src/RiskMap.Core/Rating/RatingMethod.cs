namespace RiskMap.Core.Rating;

/// <summary>
/// The rating of akimats (docs/rating.md): components normalised to 0–100, a weighted mean over the components a unit
/// has, and rank bands from the rating's interval, which carries the composite score's 5–95 % interval.
/// </summary>
public static class RatingMethod
{
    /// <summary>Score points of change (or of difference from the comparison group) that move a component from 50 to 0 or 100.</summary>
    public const double ChangeSpan = 2.5;

    public const double Neutral = 50;

    /// <summary>The quarters whose delivery is judged: the run's last four up to and including the rated one.</summary>
    public const int DeliveryQuarters = 4;

    public static IReadOnlyList<RatedUnit> Rate(IReadOnlyList<RatingInput> units)
    {
        var scored = units.Select(Score).ToList();
        var rated = scored.Where(s => s.Rating is not null).ToList();
        return scored.Select(s => s.Rating is not { } rating ? s : s with
        {
            Rank = 1 + rated.Count(o => o.Rating > rating),
            RankBest = 1 + rated.Count(o => o.RatingLow > s.RatingHigh),
            RankWorst = rated.Count - rated.Count(o => o.RatingHigh < s.RatingLow),
        }).ToList();
    }

    /// <summary>The components of one unit, without those it lacks.</summary>
    public static IReadOnlyDictionary<RatingComponent, double> Components(RatingInput unit)
    {
        var components = new Dictionary<RatingComponent, double>();
        if (unit.Score is { } score) components[RatingComponent.RiskLevel] = RiskLevel(score);
        if (unit.ChangeYear is { } change) components[RatingComponent.RiskChange] = unit.ClearChangeYear == true ? Centred(change) : Neutral;
        if (unit.MeasuresDue > 0)
            components[RatingComponent.Execution] = 100.0 * (unit.DoneOnTime + unit.MeasuresDue - unit.Overdue) / (2.0 * unit.MeasuresDue);
        if (unit.EffectDifference is { } difference) components[RatingComponent.Effect] = Centred(difference);
        if (DataDelivery(unit) is { } delivery) components[RatingComponent.DataDelivery] = delivery;
        return components;
    }

    private static RatedUnit Score(RatingInput unit)
    {
        var components = Components(unit);
        var missing = RatingComponents.All.Where(c => !components.ContainsKey(c)).ToList();
        if (unit.Score is null) return new RatedUnit(unit.Code, components, missing, null, null, null, null, null, null);

        var rating = Mean(components);
        // A higher score is a lower risk level: the score's high end gives the rating's low end.
        var low = unit.ScoreHigh is { } high ? Mean(With(components, RiskLevel(high))) : rating;
        var top = unit.ScoreLow is { } lowScore ? Mean(With(components, RiskLevel(lowScore))) : rating;
        return new RatedUnit(unit.Code, components, missing, rating, Math.Min(low, rating), Math.Max(top, rating), null, null, null);
    }

    private static double RiskLevel(double score) => Math.Clamp(100 - 10 * score, 0, 100);

    /// <summary>A change in score points: a fall (negative) is better; ±<see cref="ChangeSpan"/> reaches 100 or 0.</summary>
    private static double Centred(double change) => Math.Clamp(Neutral - Neutral * change / ChangeSpan, 0, 100);

    private static double? DataDelivery(RatingInput unit)
    {
        var parts = new List<double>();
        if (unit.QuartersExpected > 0) parts.Add(100.0 * unit.QuartersOnTime / unit.QuartersExpected);
        if (unit.ValuesExpected > 0) parts.Add(100.0 * unit.ValuesWithData / unit.ValuesExpected);
        return parts.Count == 0 ? null : parts.Average();
    }

    private static Dictionary<RatingComponent, double> With(IReadOnlyDictionary<RatingComponent, double> components, double riskLevel) =>
        new(components) { [RatingComponent.RiskLevel] = riskLevel };

    private static double Mean(IReadOnlyDictionary<RatingComponent, double> components) =>
        components.Sum(c => c.Key.Weight() * c.Value) / components.Keys.Sum(c => c.Weight());
}
