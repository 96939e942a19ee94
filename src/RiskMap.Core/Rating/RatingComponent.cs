namespace RiskMap.Core.Rating;

/// <summary>
/// The parts of the rating of akimats (docs/rating.md). Every component is on 0–100 with 100 the better performance, so
/// a higher rating is a better one.
/// </summary>
public enum RatingComponent
{
    /// <summary>100 − 10 × the composite risk score (0–10): less risk, higher.</summary>
    RiskLevel,

    /// <summary>The score's change against the same quarter a year before: a clear fall above 50, a clear rise below, no clear change 50.</summary>
    RiskChange,

    /// <summary>Of the programme measures due by the quarter's end: the mean of the share done by its deadline and the share not overdue.</summary>
    Execution,

    /// <summary>The programme targets' score change against their comparison groups: a larger fall than the group's above 50.</summary>
    Effect,

    /// <summary>The mean of the share of the last four quarters delivered on time and the share of schools with data in the quarter.</summary>
    DataDelivery,
}

public static class RatingComponents
{
    public static readonly IReadOnlyList<RatingComponent> All = Enum.GetValues<RatingComponent>();

    /// <summary>The documented weights; they sum to 1 and are renormalised over the components a unit has.</summary>
    public static double Weight(this RatingComponent component) => component switch
    {
        RatingComponent.RiskLevel => 0.30,
        RatingComponent.RiskChange => 0.15,
        RatingComponent.Execution => 0.20,
        RatingComponent.Effect => 0.15,
        RatingComponent.DataDelivery => 0.20,
        _ => throw new ArgumentOutOfRangeException(nameof(component)),
    };

    public static string ToCode(this RatingComponent component) => component switch
    {
        RatingComponent.RiskLevel => "risk-level",
        RatingComponent.RiskChange => "risk-change",
        RatingComponent.Execution => "execution",
        RatingComponent.Effect => "effect",
        RatingComponent.DataDelivery => "data-delivery",
        _ => throw new ArgumentOutOfRangeException(nameof(component)),
    };
}
