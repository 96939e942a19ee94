using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;

namespace RiskMap.Core.Scoring;

/// <summary>
/// One unit's result for one quarter. Score, class and rank are null/0 when the unit has no data; contributions and
/// the rank band only for the latest quarter, the one profiles explain and the uncertainty analysis runs on.
/// Indicator scores are each indicator's normalised 0–10 score (NaN where missing), for maps of a single indicator.
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
    RankBand? Band);

public sealed record IndicatorTreatment(EntityLevel Level, Quarter Period, string Indicator, Treatment Treatment);

public sealed record ScoringResult(
    IReadOnlyDictionary<EntityLevel, IReadOnlyList<UnitScore>> Scores,
    IReadOnlyList<IndicatorTreatment> Treatments);

/// <summary>What the engine scores: the catalogue, the quarters in order, and the three levels' observations.</summary>
public sealed record ScoringInput(Catalogue Catalogue, IReadOnlyList<Quarter> Periods, LevelData Schools, LevelData Districts, LevelData Regions);
