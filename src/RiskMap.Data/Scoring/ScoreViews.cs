using RiskMap.Core.Privacy;

namespace RiskMap.Data.Scoring;

public sealed record RankBandView(int Median, int Low, int High);

/// <summary>
/// An indicator view's observed value of a unit (<see cref="IndicatorValueQueries"/>): <paramref name="Rate"/> per 1,000 pupils for a
/// count (<paramref name="Unit"/> "per1000Pupils"), else the value in the catalogue's unit (e.g. "percent"); a count's
/// <paramref name="Count"/> too, both null and <paramref name="CountWithheld"/> where small-number suppression withholds the count.
/// </summary>
public sealed record IndicatorValueView(double? Rate, string Unit, double? Count, bool CountWithheld);

/// <summary>Methodology 2.0: the 5th and 95th percentile of the composite over the run's Monte Carlo replications.</summary>
public sealed record ScoreIntervalView(double Low, double High);

/// <summary>A unit's result as the caller may see it (cut to the caller's sight by <c>Visibility.SeenScores</c>).</summary>
/// <param name="Rank">Among the <paramref name="RankAmong"/> units of the level the caller sees in full (the whole country for an
/// analyst, the scope for a planner or education department); 0 where the caller sees no rank.</param>
/// <param name="RankBand">The composite's 5th–95th percentile national rank band; only for callers who see the whole country.</param>
/// <param name="Detailed">False where the unit lies outside the caller's scope: then at most its composite class is shown.</param>
/// <param name="Suppressed">True where even the class is withheld from the caller: too few pupils (<see cref="SmallAreaSuppression"/>).</param>
/// <param name="ScoreInterval">Methodology 2.0, the composite only, full sight only: the score's 5–95 % interval.</param>
/// <param name="HighRiskProbability">Methodology 2.0, as <paramref name="ScoreInterval"/>: the probability (0–1) of risk level 4 or 5.</param>
/// <param name="ClearChangeQuarter">Methodology 2.0, as <paramref name="ScoreInterval"/>: whether <paramref name="ChangeQuarter"/> exceeds its
/// uncertainty (false: "no clear change"); null under 1.0, where the change is judged by a fixed rule.</param>
/// <param name="ClearChangeYear">As <paramref name="ClearChangeQuarter"/>, for <paramref name="ChangeYear"/>.</param>
/// <param name="Value">In an indicator view, full sight only: the unit's observed rate (and count) behind the indicator's score.</param>
/// <param name="LevelHeldWithin">Methodology 2.0, the composite with the run's thresholds, full sight only: where the risk level was
/// kept from the previous quarter although the score lies in another level's band, the level's margin (the score has not left
/// the kept level's band by more); null otherwise.</param>
public sealed record UnitScoreView(
    string Code, string NameKk, string NameRu, string? NameEn, string? RegionKato, string? DistrictKato,
    double? Score, int? Class, IReadOnlyDictionary<string, double?> DomainScores, double Reliability, bool LowReliability,
    double? ChangeQuarter, double? ChangeYear, int Rank, RankBandView? RankBand, bool Detailed = true, bool Suppressed = false,
    int? RankAmong = null, ScoreIntervalView? ScoreInterval = null, double? HighRiskProbability = null,
    bool? ClearChangeQuarter = null, bool? ClearChangeYear = null, IndicatorValueView? Value = null, double? LevelHeldWithin = null);

/// <summary>What a score table ranks and colours by: the composite, one domain's score, or one indicator's score.</summary>
public sealed record ScoreMeasure(string Kind, string? Code)
{
    public const string DomainKind = "domain";
    public const string IndicatorKind = "indicator";

    public static readonly ScoreMeasure Composite = new("composite", null);

    public override string ToString() => Code is null ? Kind : $"{Kind}:{Code}";
}

/// <param name="Measure">"composite", "domain:violence" or "indicator:suicides": what score, class and rank are of.</param>
/// <param name="Classification">"fixed" (the run's thresholds) or "quantile" (quintiles of what the caller sees of this level and quarter).</param>
/// <param name="Thresholds">Lower bounds of classes 2–5 on the 0–10 scale.</param>
public sealed record ScoreTable(
    long Run, string MethodologyVersion, string Level, string Period, string Measure, string Classification, IReadOnlyList<double> Thresholds,
    IReadOnlyList<UnitScoreView> Units);

public sealed record Contribution(string Indicator, string Domain, double Points);

public sealed record HistoryPoint(string Period, double? Score, int? Class, int Rank, double Reliability);

/// <param name="Latest">The unit in <paramref name="Period"/>, the quarter asked for (by default the latest), by <paramref name="Measure"/>.</param>
/// <param name="Measure">As <see cref="ScoreTable.Measure"/>: what score, class, rank and history are of.</param>
/// <param name="Classification">As <see cref="ScoreTable.Classification"/>; quantile classes are those of the level's table of each quarter.</param>
/// <param name="Carried">The quarters of the history carried into today's boundaries from an earlier vintage (Vintages.CarriedHistory).</param>
public sealed record UnitProfile(long Run, string Level, UnitScoreView Latest, string Period, string Measure, string Classification,
    IReadOnlyList<Contribution> Contributions, IReadOnlyList<HistoryPoint> History, IReadOnlyList<Vintages.CarriedQuarter>? Carried = null);
