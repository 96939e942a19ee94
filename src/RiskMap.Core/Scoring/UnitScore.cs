using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;

namespace RiskMap.Core.Scoring;

/// <summary>
/// One unit's result for one quarter. Score, class and rank are null/0 when the unit has no data; contributions and
/// the rank band only for the latest quarter, the one profiles explain and the uncertainty analysis runs on.
/// Indicator scores are each indicator's normalised 0–10 score (NaN where missing), for maps of a single indicator.
/// Under 2.0 the class is the published risk level, which may be held from the previous quarter (<see cref="LevelHysteresis"/>).
/// </summary>
public sealed record UnitScore(
    string Code,
    Quarter Period,
    double? Score,
    RiskClass? Class,
    double?[] DomainScores,
    double[] Contributions,
    float[] IndicatorScores,
    double Reliability,
    bool LowReliability,
    int Rank,
    double? ChangeFromPreviousQuarter,
    double? ChangeFromYearBefore,
    RankBand? Band,
    ScoreUncertainty? Uncertainty = null,
    bool[]? OutOfRange = null);

/// <summary>
/// Methodology 2.0: what the Monte Carlo (posterior draws of the counts and shares, and random weights) says about one unit's score
/// in one quarter. A change is clear when the 5–95 % interval of the paired differences excludes 0; null when either
/// score is missing.
/// </summary>
public sealed record ScoreUncertainty(double Low, double High, double HighOrVeryHighProbability,
    bool? ClearChangeFromPreviousQuarter, bool? ClearChangeFromYearBefore);

/// <summary>An indicator that carries no signal at a level, left out of its domain there (the other weights renormalise).</summary>
public sealed record IndicatorDrop(EntityLevel Level, string Indicator, DropReason Reason);

public enum DropReason
{
    /// <summary>No unit of the level has a value in the reference quarters.</summary>
    NotInReference,
    /// <summary>The reference values (or rates) are all alike.</summary>
    NoVariation,
    /// <summary>The rates vary no more than chance alone would make them, or there are no events.</summary>
    NoSignalBeyondChance,
    /// <summary>No unit reaches the minimum expected count.</summary>
    TooFewExpectedEvents,
}

/// <summary>Methodology 2.0: what a level's scale was fixed from, recorded with the run: Gamma priors of the counts, Beta priors of the shares.</summary>
/// <param name="LevelMargin">How far a score may stray beyond its level's band before the level changes (<see cref="LevelHysteresis"/>).</param>
public sealed record LevelReference(EntityLevel Level, IReadOnlyList<Quarter> Quarters, IReadOnlyList<double> ClassThresholds,
    IReadOnlyDictionary<string, Goalpost> Goalposts, IReadOnlyDictionary<string, RatePrior> Priors,
    IReadOnlyDictionary<string, SharePrior> SharePriors, IReadOnlyList<IndicatorDrop> Dropped, double LevelMargin);

public sealed record IndicatorTreatment(EntityLevel Level, Quarter Period, string Indicator, Treatment Treatment);

public sealed record ScoringResult(
    IReadOnlyDictionary<EntityLevel, IReadOnlyList<UnitScore>> Scores,
    IReadOnlyList<IndicatorTreatment> Treatments,
    IReadOnlyList<LevelReference>? References = null);

/// <summary>What the engine scores: the catalogue, the quarters in order, and the three levels' observations.</summary>
public sealed record ScoringInput(Catalogue Catalogue, IReadOnlyList<Quarter> Periods, LevelData Schools, LevelData Districts, LevelData Regions);
