using RiskMap.Core.Indicators;
using RiskMap.Data.Scoring;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Scoring;

/// <summary>
/// The view of the scores a request asks for — quarter, measure and classification — as the score table and a unit's
/// profile both read it, so that a profile shows what the map's table shows.
/// </summary>
public sealed record ScoreViewParameters(string? Period, ScoreMeasure Measure, bool QuantileClasses)
{
    public const string Description =
        "period: a quarter of the run such as 2025Q4 (default: the latest); " +
        "classes: fixed (default, the run's thresholds) or quantile (quintiles of the level and quarter, for exploring); " +
        "domain or indicator: that domain's or indicator's 0–10 score instead of the composite (needs an analyst, planner or education role)";

    /// <exception cref="QueryParameters.Invalid">A malformed quarter, an unknown classification, or both a domain and an indicator.</exception>
    public static ScoreViewParameters Parse(string? period, string? classes, string? domain, string? indicator)
    {
        if (domain is not null && indicator is not null)
            throw new QueryParameters.Invalid("indicator", "Give domain or indicator, not both.");
        if (period is not null && !Quarter.TryParse(period, out _))
            throw new QueryParameters.Invalid("period", "period must be a quarter such as 2025Q4.");
        var quantiles = IsQuantile(classes);
        var measure = domain is not null ? new ScoreMeasure(ScoreMeasure.DomainKind, domain)
            : indicator is not null ? new ScoreMeasure(ScoreMeasure.IndicatorKind, indicator)
            : ScoreMeasure.Composite;
        return new ScoreViewParameters(period, measure, quantiles);
    }

    /// <summary>Whether classes= asks for quantile classes: fixed (default) or quantile.</summary>
    /// <exception cref="QueryParameters.Invalid">Any other classification.</exception>
    public static bool IsQuantile(string? classes) => classes switch
    {
        null or "fixed" => false,
        "quantile" => true,
        _ => throw new QueryParameters.Invalid("classes", "classes must be fixed or quantile."),
    };
}
